#include "report/view.hpp"

#include <algorithm>
#include <unordered_map>

namespace pyperf::report {

View::View(const lint::RunResult& run, Order order, int min_impact) : run_(run), order_(order) {
  for (const lint::FileResult& file : run.files) {
    for (const lint::Diagnostic& d : file.diagnostics) {
      if (min_impact > 0 && d.rule->tier != lint::Tier::Tool && d.impact < min_impact) continue;
      findings_.push_back({&file, &d});
    }
  }
  if (order == Order::Impact) {
    // Stable: equal impacts keep path, line, column order.
    std::stable_sort(findings_.begin(), findings_.end(),
                     [](const Finding& a, const Finding& b) { return a.diagnostic->impact > b.diagnostic->impact; });
  }
}

std::vector<FileFindings> View::files() const {
  std::vector<FileFindings> out;
  out.reserve(run_.files.size());
  if (order_ == Order::Path) {
    std::size_t next = 0;
    for (const lint::FileResult& file : run_.files) {
      FileFindings group{&file, {}};
      for (; next < findings_.size() && findings_[next].file == &file; ++next) {
        group.diagnostics.push_back(findings_[next].diagnostic);
      }
      out.push_back(std::move(group));
    }
    return out;
  }
  std::unordered_map<const lint::FileResult*, std::size_t> group_of;
  for (const Finding& f : findings_) {
    const auto [it, added] = group_of.try_emplace(f.file, out.size());
    if (added) out.push_back({f.file, {}});
    out[it->second].diagnostics.push_back(f.diagnostic);
  }
  for (const lint::FileResult& file : run_.files) {
    if (!group_of.contains(&file)) out.push_back({&file, {}});
  }
  return out;
}

}  // namespace pyperf::report
