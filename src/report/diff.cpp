#include "report/diff.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/core.h>

namespace pyperf::report {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t newline = text.find('\n', start);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

using Lines = std::vector<std::string_view>;
using Match = std::pair<std::size_t, std::size_t>;  // a line of `a` equal to a line of `b`

struct Range {
  std::size_t a_lo, a_hi, b_lo, b_hi;
};

// Longest common subsequence of two small ranges by dynamic programming.
void lcs(const Lines& a, const Lines& b, const Range& r, std::vector<Match>& out) {
  const std::size_t n = r.a_hi - r.a_lo;
  const std::size_t m = r.b_hi - r.b_lo;
  std::vector<std::uint32_t> table((n + 1) * (m + 1), 0);
  const auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return table[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      at(i, j) = a[r.a_lo + i] == b[r.b_lo + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  for (std::size_t i = 0, j = 0; i < n && j < m;) {
    if (a[r.a_lo + i] == b[r.b_lo + j]) {
      out.emplace_back(r.a_lo + i, r.b_lo + j);
      ++i;
      ++j;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
}

// Lines that occur exactly once in each range, in an order both share (the longest increasing
// run of their positions in `b`): patience diff's anchors.
std::vector<Match> unique_anchors(const Lines& a, const Lines& b, const Range& r) {
  struct Seen {
    std::uint32_t in_a = 0, in_b = 0;
    std::size_t a = 0, b = 0;
  };
  std::unordered_map<std::string_view, Seen> seen;
  for (std::size_t i = r.a_lo; i < r.a_hi; ++i) {
    Seen& s = seen[a[i]];
    ++s.in_a;
    s.a = i;
  }
  for (std::size_t j = r.b_lo; j < r.b_hi; ++j) {
    const auto it = seen.find(b[j]);
    if (it == seen.end()) continue;
    ++it->second.in_b;
    it->second.b = j;
  }
  std::vector<Match> candidates;
  for (std::size_t i = r.a_lo; i < r.a_hi; ++i) {
    const Seen& s = seen[a[i]];
    if (s.in_a == 1 && s.in_b == 1) candidates.emplace_back(i, s.b);
  }
  // Longest increasing subsequence of the b positions (patience sorting).
  std::vector<std::size_t> tails;  // index into candidates of the smallest tail per length
  std::vector<std::size_t> previous(candidates.size(), SIZE_MAX);
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const auto pos = std::lower_bound(tails.begin(), tails.end(), candidates[k].second,
                                      [&](std::size_t t, std::size_t b_pos) { return candidates[t].second < b_pos; });
    if (pos != tails.begin()) previous[k] = *std::prev(pos);
    if (pos == tails.end()) {
      tails.push_back(k);
    } else {
      *pos = k;
    }
  }
  std::vector<Match> anchors;
  for (std::size_t k = tails.empty() ? SIZE_MAX : tails.back(); k != SIZE_MAX; k = previous[k]) {
    anchors.push_back(candidates[k]);
  }
  std::reverse(anchors.begin(), anchors.end());
  return anchors;
}

// Matching lines of `a` and `b`, in order: common ends, then unique anchors, then the gaps
// between them by LCS (a gap too large for that is all deletions and insertions: still a
// correct diff, if not the shortest).
std::vector<Match> match_lines(const Lines& a, const Lines& b) {
  std::vector<Match> matches;
  std::vector<Range> pending{{0, a.size(), 0, b.size()}};
  while (!pending.empty()) {
    Range r = pending.back();
    pending.pop_back();
    while (r.a_lo < r.a_hi && r.b_lo < r.b_hi && a[r.a_lo] == b[r.b_lo]) matches.emplace_back(r.a_lo++, r.b_lo++);
    while (r.a_lo < r.a_hi && r.b_lo < r.b_hi && a[r.a_hi - 1] == b[r.b_hi - 1])
      matches.emplace_back(--r.a_hi, --r.b_hi);
    if (r.a_lo == r.a_hi || r.b_lo == r.b_hi) continue;
    const std::vector<Match> anchors = unique_anchors(a, b, r);
    if (anchors.empty()) {
      constexpr std::size_t kMaxCells = 4'000'000;
      if ((r.a_hi - r.a_lo) * (r.b_hi - r.b_lo) <= kMaxCells) lcs(a, b, r, matches);
      continue;
    }
    std::size_t a_at = r.a_lo;
    std::size_t b_at = r.b_lo;
    for (const Match& anchor : anchors) {
      pending.push_back({a_at, anchor.first, b_at, anchor.second});
      matches.push_back(anchor);
      a_at = anchor.first + 1;
      b_at = anchor.second + 1;
    }
    pending.push_back({a_at, r.a_hi, b_at, r.b_hi});
  }
  std::sort(matches.begin(), matches.end());
  return matches;
}

struct Change {
  std::size_t a_lo, a_hi, b_lo, b_hi;
};

std::string unified_range(std::size_t start, std::size_t length) {
  if (length == 1) return fmt::format("{}", start + 1);
  return fmt::format("{},{}", length == 0 ? start : start + 1, length);
}

void add_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view path, int context) {
  if (before == after) return {};
  const Lines a = split_lines(before);
  const Lines b = split_lines(after);
  std::vector<Match> matches = match_lines(a, b);
  matches.emplace_back(a.size(), b.size());  // a sentinel closes the last change

  std::vector<Change> changes;
  std::size_t i = 0;
  std::size_t j = 0;
  for (const Match& m : matches) {
    if (m.first > i || m.second > j) changes.push_back({i, m.first, j, m.second});
    i = m.first + 1;
    j = m.second + 1;
  }
  const auto n = static_cast<std::size_t>(context);
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
  for (std::size_t first = 0; first < changes.size();) {
    std::size_t last = first;
    while (last + 1 < changes.size() && changes[last + 1].a_lo - changes[last].a_hi <= 2 * n) ++last;
    const Change& head = changes[first];
    const Change& tail = changes[last];
    const std::size_t lead = std::min(n, head.a_lo);
    const std::size_t a_lo = head.a_lo - lead;
    const std::size_t b_lo = head.b_lo - lead;
    const std::size_t trail = std::min(n, a.size() - tail.a_hi);
    const std::size_t a_hi = tail.a_hi + trail;
    const std::size_t b_hi = tail.b_hi + trail;
    out += fmt::format("@@ -{} +{} @@\n", unified_range(a_lo, a_hi - a_lo), unified_range(b_lo, b_hi - b_lo));
    std::size_t at = a_lo;
    for (std::size_t k = first; k <= last; ++k) {
      for (; at < changes[k].a_lo; ++at) add_line(out, ' ', a[at]);
      for (std::size_t x = changes[k].a_lo; x < changes[k].a_hi; ++x) add_line(out, '-', a[x]);
      for (std::size_t y = changes[k].b_lo; y < changes[k].b_hi; ++y) add_line(out, '+', b[y]);
      at = changes[k].a_hi;
    }
    for (; at < a_hi; ++at) add_line(out, ' ', a[at]);
    first = last + 1;
  }
  return out;
}

}  // namespace pyperf::report
