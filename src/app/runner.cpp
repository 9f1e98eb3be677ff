#include "app/runner.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include <fmt/core.h>

#include "app/files.hpp"
#include "syntax/language.hpp"

namespace pyperf::app {

std::string read_file(const std::string& path, std::uint64_t max_size, std::string& out) {
  const std::optional<ReadError> error = read_regular_file(path, max_size, out);
  if (!error) return {};
  if (error->too_large) return fmt::format("skipped: {} (raise it with --max-file-size)", error->reason);
  return fmt::format("cannot read: {}", error->reason);
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
        if (!job.fix || job.policy == nullptr) {
          out = lint::lint_source(job.path, std::move(bytes), *job.checker, parser);
        } else {
          lint::FixOutcome outcome = lint::fix_source(job.path, bytes, *job.checker, parser, *job.policy);
          out = std::move(outcome.result);
          if (outcome.fixed && job.write && !job.contents) {
            if (std::string error = write_fixed(job.path, bytes, *outcome.fixed); !error.empty()) {
              out.diagnostics.clear();
              out.error = std::move(error);
              continue;
            }
          }
          if (outcome.fixed && job.keep_original) out.original_source = std::move(bytes);
          out.fixed = std::move(outcome.by_rule);
          out.fixed_source = std::move(outcome.fixed);
        }
        // Reports show a fix at the level these settings give it (unfixable rules: display only).
        if (job.policy != nullptr) {
          for (lint::Diagnostic& d : out.diagnostics) {
            if (d.fix) d.fix->applicability = *lint::effective_applicability(d, *job.policy);
          }
        }
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
