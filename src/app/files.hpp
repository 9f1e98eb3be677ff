#pragma once
// Reading whole files the tool was asked to read: sources and configuration files. A path can
// name anything, and some things never end (/dev/zero) or block until a writer comes (a FIFO), so
// only regular files are read, opened without blocking and read up to a size limit.

#include <cstdint>
#include <optional>
#include <string>

namespace pyperf::app {

struct ReadError {
  bool too_large = false;  // over the limit: the caller says how to raise it, if it can be raised
  std::string reason;      // "Permission denied", "not a regular file (a FIFO)",
                           // "12.3 MB is over the 10.0 MB size limit"
};

// Appends everything `fd` yields up to its end to `out`, refusing (too_large) more than `max_size`
// bytes in all: standard input, and the body of read_regular_file().
std::optional<ReadError> read_to_end(int fd, std::uint64_t max_size, std::string& out);

// Reads the regular file at `path` (symbolic links followed) into `out`. Refuses directories,
// FIFOs, devices and sockets, and files over `max_size` bytes, also when one grows while read.
std::optional<ReadError> read_regular_file(const std::string& path, std::uint64_t max_size, std::string& out);

// Replaces the file at `path` with `bytes`, atomically: a temporary file in the same directory,
// written, flushed to disk and renamed over it, with the original's permissions. Refuses (returns
// why) when the file no longer holds `expected`, the bytes it was read with: someone changed it
// since, and their change wins.
std::string write_fixed(const std::string& path, const std::string& expected, const std::string& bytes);

}  // namespace pyperf::app
