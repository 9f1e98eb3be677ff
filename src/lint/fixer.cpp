#include "lint/fixer.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "syntax/language.hpp"
#include "syntax/source.hpp"

namespace pyperf::lint {
namespace {

// The edits chosen so far in one round, by (start, end); they never overlap one another. Insertions
// at one point from different fixes follow one another in the order their findings come (two lines
// hoisted before one loop), as two rounds would have placed them.
class EditSet {
 public:
  // Whether `edit` can join: it overlaps nothing, or repeats an edit exactly (two fixes adding the
  // same import make one import).
  bool fits(const syntax::Edit& edit) const {
    auto it = edits_.lower_bound({edit.start, 0});
    if (it != edits_.begin()) {
      const auto before = std::prev(it);
      if (before->first.second > edit.start) return false;
    }
    for (; it != edits_.end() && it->first.first <= edit.end; ++it) {
      const auto [start, end] = it->first;
      if (start == edit.start && end == edit.end && it->second == edit.content) continue;
      if (start < edit.end && edit.start < end) return false;
    }
    return true;
  }
  void add(const syntax::Edit& edit) {
    const auto range = edits_.equal_range({edit.start, edit.end});
    for (auto it = range.first; it != range.second; ++it) {
      if (it->second == edit.content) return;  // merged with the same edit of another fix
    }
    edits_.emplace(std::make_pair(edit.start, edit.end), edit.content);
  }
  std::vector<syntax::Edit> sorted() const {
    std::vector<syntax::Edit> out;
    out.reserve(edits_.size());
    for (const auto& [range, content] : edits_) out.push_back({range.first, range.second, content});
    return out;
  }
  bool empty() const { return edits_.empty(); }

 private:
  std::multimap<std::pair<std::uint32_t, std::uint32_t>, std::string> edits_;
};

bool parses_cleanly(const std::string& bytes, syntax::Parser& parser) {
  const auto loaded = syntax::SourceText::load(bytes);
  if (!loaded.source) return false;
  const syntax::Tree tree = parser.parse(loaded.source->text());
  return tree && !tree.root().has_error();
}

}  // namespace

std::optional<Applicability> effective_applicability(const Diagnostic& diagnostic, const FixPolicy& policy) {
  if (!diagnostic.fix) return std::nullopt;
  const std::string_view code = diagnostic.rule->code;
  if (policy.unfixable.contains(code) || (policy.fixable && !policy.fixable->contains(code))) {
    return Applicability::Display;
  }
  Applicability level = diagnostic.fix->applicability;
  if (level == Applicability::Unsafe && policy.extend_safe.contains(code)) level = Applicability::Safe;
  if (level == Applicability::Safe && policy.extend_unsafe.contains(code)) level = Applicability::Unsafe;
  return level;
}

bool applies(const Diagnostic& diagnostic, const FixPolicy& policy) {
  const std::optional<Applicability> level = effective_applicability(diagnostic, policy);
  return level && *level != Applicability::Display && *level >= policy.threshold;
}

std::size_t FixOutcome::count() const {
  std::size_t n = 0;
  for (const auto& [code, k] : by_rule) n += k;
  return n;
}

FixOutcome fix_source(const std::string& path, const std::string& bytes, const Checker& checker, syntax::Parser& parser,
                      const FixPolicy& policy) {
  FixOutcome outcome;
  std::string current = bytes;
  FileResult first;
  for (int round = 0;; ++round) {
    FileResult result;
    result.path = path;
    auto loaded = syntax::SourceText::load(current);
    if (!loaded.source) {
      result.error = loaded.error;
      outcome.result = std::move(result);
      return outcome;
    }
    const syntax::SourceText& source = *loaded.source;
    bool parse_error = false;
    result.diagnostics = checker.check(source, parser, &result.warnings, &parse_error);
    if (round == 0) first = result;
    // No fixes in a file with a syntax error: the tree around it is a guess. Nor past the round limit.
    if (parse_error || round == kMaxFixRounds) {
      outcome.result = std::move(result);
      return outcome;
    }

    EditSet edits;
    std::vector<const Diagnostic*> chosen;
    for (const Diagnostic& d : result.diagnostics) {
      if (!applies(d, policy)) continue;
      const bool fits =
          std::all_of(d.fix->edits.begin(), d.fix->edits.end(), [&](const syntax::Edit& e) { return edits.fits(e); });
      if (!fits) continue;  // the next round, on the text this one leaves, may take it
      for (const syntax::Edit& e : d.fix->edits) edits.add(e);
      chosen.push_back(&d);
    }
    if (chosen.empty()) {
      outcome.result = std::move(result);
      return outcome;
    }

    const std::vector<syntax::Edit> all = edits.sorted();
    std::optional<std::string> next = source.encode_edited(current, all);
    if (next && !parses_cleanly(*next, parser)) {
      // Name the rules whose fix breaks the file on its own, and keep the file as it was read.
      std::vector<std::string> culprits;
      for (const Diagnostic* d : chosen) {
        const std::optional<std::string> alone = source.encode_edited(current, d->fix->edits);
        if (!alone || !parses_cleanly(*alone, parser)) {
          culprits.push_back(fmt::format("{} ({}) at line {}", d->rule->code, d->rule->name, d->start.line));
        }
      }
      if (culprits.empty()) culprits.emplace_back("several rules together");
      first.error = fmt::format("internal error: the fix of {} would leave a syntax error; the file was not changed",
                                fmt::join(culprits, ", "));
      outcome.result = std::move(first);
      outcome.fixed.reset();
      outcome.by_rule.clear();
      return outcome;
    }
    if (!next) {
      // A character the file's declared encoding cannot spell: leave the rest unfixed.
      result.warnings.push_back(fmt::format(
          "{}: fixes not applied: the result cannot be written in the file's encoding", chosen.front()->start.line));
      outcome.result = std::move(result);
      return outcome;
    }
    for (const Diagnostic* d : chosen) ++outcome.by_rule[std::string(d->rule->code)];
    current = std::move(*next);
    outcome.fixed = current;
  }
}

}  // namespace pyperf::lint
