#include "app/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/core.h>

namespace pyperf::app {
namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string_view kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a file";
}

std::string megabytes(std::uint64_t bytes) {
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
}

ReadError failure(std::string_view why) {
  return {false, std::string(why)};
}

}  // namespace

std::optional<ReadError> read_regular_file(const std::string& path, std::uint64_t max_size, std::string& out) {
  out.clear();
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever; the type is
  // checked on the open descriptor, so a path swapped after a stat cannot slip through.
  const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
  if (fd.get() < 0) return failure(std::strerror(errno));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return failure(std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return failure(std::strerror(EISDIR));
  if (!S_ISREG(st.st_mode)) return failure(fmt::format("not a regular file ({})", kind_of(st.st_mode)));
  // Blocking reads from here on: a regular file never blocks, but a file system may answer
  // EAGAIN to a non-blocking read (mandatory locks).
  const int flags = ::fcntl(fd.get(), F_GETFL);
  if (flags < 0 || ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK) != 0) return failure(std::strerror(errno));
  const auto size = static_cast<std::uint64_t>(st.st_size);
  auto too_large = [&](std::uint64_t seen) {
    return ReadError{true, fmt::format("{} is over the {} size limit", megabytes(seen), megabytes(max_size))};
  };
  if (size > max_size) return too_large(size);
  out.reserve(static_cast<std::size_t>(size));
  // Up to the end, not to st_size: some files report 0 (/proc) and any can grow meanwhile; the
  // limit still holds for what is actually read.
  return read_to_end(fd.get(), max_size, out);
}

std::optional<ReadError> read_to_end(int fd, std::uint64_t max_size, std::string& out) {
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return failure(std::strerror(errno));
    if (n == 0) return std::nullopt;
    out.append(buffer, static_cast<std::size_t>(n));
    if (out.size() > max_size) {
      const std::uint64_t seen = out.size();
      out.clear();
      return ReadError{true, fmt::format("{} is over the {} size limit", megabytes(seen), megabytes(max_size))};
    }
  }
}

}  // namespace pyperf::app
