#pragma once
// Which findings a report shows, and in which order: a view over a run's results that filters
// (`--min-impact`) and orders (`--sort`) without copying or regrouping them, so every reporter sees
// each file once, whatever the order.

#include <cstddef>
#include <span>
#include <vector>

#include "lint/result.hpp"

namespace pyperf::report {

enum class Order { Path, Impact };

struct Finding {
  const lint::FileResult* file;
  const lint::Diagnostic* diagnostic;
};

struct FileFindings {
  const lint::FileResult* file;
  std::vector<const lint::Diagnostic*> diagnostics;  // in the view's order
};

class View {
 public:
  // Findings below `min_impact` are left out, except the tool's own (parse errors always show).
  View(const lint::RunResult& run, Order order, int min_impact = 0);

  const lint::RunResult& run() const { return run_; }
  std::span<const Finding> findings() const { return findings_; }
  // Every file once, with the findings the view keeps of it: in path order, or for Order::Impact
  // ordered by each file's first (largest) finding, files without findings after them.
  std::vector<FileFindings> files() const;
  // Files that could be read and checked.
  std::size_t checked_count() const { return run_.files.size() - run_.error_count(); }

 private:
  const lint::RunResult& run_;
  Order order_;
  std::vector<Finding> findings_;
};

}  // namespace pyperf::report
