// `--statistics`: how many findings each rule has, instead of the findings (like ruff):
//   `count  CODE  name`, by count (most first) then code; aligned columns, or a JSON array.

#include <algorithm>
#include <map>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "report/reporter.hpp"

namespace pyperf::report {

void write_statistics(const ReportInput& input, std::ostream& out, bool json) {
  std::map<const lint::RuleMeta*, std::size_t> counts;
  for (const Finding& f : input.view.findings()) ++counts[f.diagnostic->rule];
  std::vector<std::pair<const lint::RuleMeta*, std::size_t>> rows(counts.begin(), counts.end());
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    return a.first->code < b.first->code;
  });
  if (json) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& [rule, count] : rows)
      array.push_back({{"code", rule->code}, {"name", rule->name}, {"count", count}});
    out << array.dump(2) << '\n';
    return;
  }
  std::size_t count_width = 0;
  std::size_t code_width = 0;
  for (const auto& [rule, count] : rows) {
    count_width = std::max(count_width, std::to_string(count).size());
    code_width = std::max(code_width, rule->code.size());
  }
  for (const auto& [rule, count] : rows) {
    out << fmt::format("{:>{}}  {:<{}}  {}\n", count, count_width, rule->code, code_width, rule->name);
  }
}

}  // namespace pyperf::report
