#include "app/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
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

namespace {

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

std::string write_fixed(const std::string& path, const std::string& expected, const std::string& bytes) {
  // Write through a symbolic link to its target: renaming over the link would replace the link.
  char resolved[PATH_MAX];
  if (::realpath(path.c_str(), resolved) == nullptr)
    return fmt::format("cannot write the fixes: {}", std::strerror(errno));
  const std::string target = resolved;
  std::string now;
  if (const auto error = read_regular_file(target, expected.size() + 1, now); error || now != expected) {
    return "not fixed: the file changed on disk while it was being linted";
  }
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) return fmt::format("cannot write the fixes: {}", std::strerror(errno));
  const std::size_t slash = target.rfind('/');
  const std::string directory = target.substr(0, slash + 1);
  std::string temp = fmt::format("{}.{}.pyperf-lint-XXXXXX", directory, target.substr(slash + 1));
  const Fd fd(::mkostemp(temp.data(), O_CLOEXEC));
  if (fd.get() < 0) return fmt::format("cannot write the fixes: {}: {}", directory, std::strerror(errno));
  const auto fail = [&](std::string_view what) {
    const std::string reason = fmt::format("cannot write the fixes: {}: {}", what, std::strerror(errno));
    ::unlink(temp.c_str());
    return reason;
  };
  // The new file gets the old one's mode (and owner, when we may set it).
  if (::fchmod(fd.get(), st.st_mode & 07777) != 0) return fail("chmod");
  if (::fchown(fd.get(), st.st_uid, st.st_gid) != 0) {
    // Not the owner: keeping our own group and user is all that is possible.
  }
  if (!write_all(fd.get(), bytes)) return fail("write");
  // On disk before the rename: a crash then leaves the old file or the new one, never a torn one.
  if (::fsync(fd.get()) != 0) return fail("fsync");
  if (::rename(temp.c_str(), target.c_str()) != 0) return fail("rename");
  const Fd dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() >= 0) ::fsync(dir.get());  // the rename itself, on disk
  return {};
}

}  // namespace pyperf::app
