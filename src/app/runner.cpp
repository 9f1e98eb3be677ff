#include "app/runner.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <thread>

#include <fmt/core.h>

#include "syntax/language.hpp"

namespace pyperf::app {

std::string read_file(const std::string& path, std::uint64_t max_size, std::string& out) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fmt::format("cannot read: {}", std::strerror(errno));
  struct FdGuard {
    int fd;
    ~FdGuard() { ::close(fd); }
  } guard{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fmt::format("cannot read: {}", std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return "cannot read: Is a directory";
  if (!S_ISREG(st.st_mode)) return "cannot read: not a regular file";
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > max_size) {
    return fmt::format("skipped: {:.1f} MB is over the {:.1f} MB size limit (raise it with --max-file-size)",
                       static_cast<double>(size) / 1e6, static_cast<double>(max_size) / 1e6);
  }
  out.resize(static_cast<std::size_t>(size));
  std::size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fmt::format("cannot read: {}", std::strerror(errno));
    }
    if (n == 0) break;  // the file shrank while we read it
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  return {};
}

lint::RunResult run(const Settings& settings, const std::vector<LintJob>& jobs) {
  lint::RunResult result;
  result.files.resize(jobs.size());
  std::atomic<std::size_t> next{0};

  auto worker = [&] {
    syntax::Parser parser(syntax::Language::python());
    for (;;) {
      const std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= jobs.size()) return;
      const LintJob& job = jobs[i];
      lint::FileResult& out = result.files[i];
      out.path = job.path;
      try {
        std::string bytes;
        if (job.contents) {
          bytes = *job.contents;
        } else if (std::string error = read_file(job.path, settings.max_file_size, bytes); !error.empty()) {
          out.error = std::move(error);
          continue;
        }
        out = lint::lint_source(job.path, std::move(bytes), *job.checker, parser);
      } catch (const std::exception& e) {
        out.diagnostics.clear();
        out.error = fmt::format("internal error while linting: {}", e.what());
      }
    }
  };

  unsigned threads = settings.threads != 0 ? settings.threads : std::max(1U, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(jobs.size(), 1)));
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
  }
  return result;
}

}  // namespace pyperf::app
