// `full` (default) and `concise` text output. Colour only when the caller decided the terminal
// wants it (a TTY, NO_COLOR unset). Paths and messages go through printable(): a file name with a
// newline or an escape sequence cannot forge lines or drive the terminal. The caret underline is
// laid out in display columns (wide CJK characters take two, combining marks none); the column
// numbers count code points.

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

#include <fmt/core.h>

#include "report/reporter.hpp"
#include "report/style.hpp"

namespace pyperf::report {
namespace {

void write_header(const Style& s, const std::string& path, const lint::Diagnostic& d, lint::Applicability threshold,
                  std::ostream& out) {
  out << s.bold() << printable(path) << s.reset() << ':' << d.start.line << ':' << d.start.column << ": " << s.code()
      << d.rule->code << s.reset() << (fix_applies(d, threshold) ? " [*] " : " ") << printable(d.message) << '\n';
}

// Byte offset in `line` of the code point at 1-based `column`.
std::size_t byte_of_column(std::string_view line, std::uint32_t column) {
  std::size_t i = 0;
  for (std::uint32_t c = 1; c < column && i < line.size(); ++c) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0U) == 0x80U) ++i;
  }
  return i;
}

struct Range {
  char32_t first;
  char32_t last;
};

// Characters a terminal draws in no column: combining marks of the common scripts (Latin, Greek,
// Cyrillic, Hebrew, Arabic, CJK), zero-width and bidirectional format characters, variation
// selectors. A compact table of the main blocks, not all of Unicode's Mn/Me/Cf.
constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489},   {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2}, {0x05C4, 0x05C5},
    {0x05C7, 0x05C7}, {0x0610, 0x061A},   {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
    {0x06E7, 0x06E8}, {0x06EA, 0x06ED},   {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E},
    {0x2060, 0x2064}, {0x20D0, 0x20FF},   {0x302A, 0x302D}, {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
    {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

// East Asian Wide and Fullwidth characters (two columns): Hangul Jamo, CJK symbols, kana,
// ideographs, Hangul syllables, fullwidth forms, the emoji blocks, the supplementary ideographic
// planes: the assigned W and F characters of Unicode 14 (checked with Python's unicodedata).
constexpr Range kWide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x23F0, 0x23F0},
    {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},   {0x267F, 0x267F},
    {0x2693, 0x2693},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
    {0x26CE, 0x26CE},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},
    {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},   {0x2757, 0x2757},   {0x2795, 0x2797},
    {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
    {0x2E80, 0x303E},   {0x3041, 0x3247},   {0x3250, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},
    {0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4}, {0x16FF0, 0x16FF1},
    {0x17000, 0x18D08}, {0x1AFF0, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
    {0x1F191, 0x1F19A}, {0x1F200, 0x1F2FF}, {0x1F300, 0x1F320}, {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C},
    {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4},
    {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E},
    {0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F},
    {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6D7}, {0x1F6DC, 0x1F6DF},
    {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB}, {0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A},
    {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

template <std::size_t N>
bool in_table(char32_t cp, const Range (&table)[N]) {
  const Range* it =
      std::upper_bound(std::begin(table), std::end(table), cp, [](char32_t c, const Range& r) { return c < r.first; });
  return it != std::begin(table) && cp <= std::prev(it)->last;
}

// How many terminal columns the code point takes: the caret line must line up under the source
// line as a terminal draws it, whereas the column number counts code points.
std::size_t display_width(char32_t cp) {
  if (in_table(cp, kZeroWidth)) return 0;
  return in_table(cp, kWide) ? 2 : 1;
}

// The code point starting at byte `i` of well-formed UTF-8 (the source was decoded), and its length.
std::pair<char32_t, std::size_t> decode_at(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const std::size_t len = b < 0x80U ? 1 : b < 0xE0U ? 2 : b < 0xF0U ? 3 : 4;
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1FU) : len == 3 ? (b & 0x0FU) : (b & 0x07U);
  for (std::size_t k = 1; k < len && i + k < s.size(); ++k) {
    cp = (cp << 6U) | (static_cast<unsigned char>(s[i + k]) & 0x3FU);
  }
  return {cp, std::min(len, s.size() - i)};
}

void write_snippet(const Style& s, const lint::Diagnostic& d, std::ostream& out) {
  const std::string number = std::to_string(d.start.line);
  const std::string gutter(number.size(), ' ');
  const std::string_view line = d.source_line;
  const std::size_t start = byte_of_column(line, d.start.column);
  std::size_t end = d.end.line == d.start.line ? byte_of_column(line, d.end.column) : line.size();
  end = std::max(end, start);
  // Keep tabs in the padding so the carets line up under them on any tab width; other characters
  // take their display width (two spaces under 日, none under a combining accent).
  std::string pad;
  for (std::size_t i = 0; i < start;) {
    const auto [cp, len] = decode_at(line, i);
    if (cp == U'\t') {
      pad += '\t';
    } else {
      pad.append(display_width(cp), ' ');
    }
    i += len;
  }
  std::size_t width = 0;
  for (std::size_t i = start; i < end;) {
    const auto [cp, len] = decode_at(line, i);
    width += display_width(cp);
    i += len;
  }
  width = std::max<std::size_t>(width, 1);
  out << s.dim() << gutter << " |" << s.reset() << '\n';
  out << s.dim() << number << " |" << s.reset() << ' ' << line << '\n';
  out << s.dim() << gutter << " |" << s.reset() << ' ' << pad << s.caret() << std::string(width, '^') << ' '
      << d.rule->code << s.reset() << '\n';
  out << s.dim() << gutter << " |" << s.reset() << '\n';
  if (d.fix) {
    const std::string_view level = d.fix->applicability == lint::Applicability::Safe     ? ""
                                   : d.fix->applicability == lint::Applicability::Unsafe ? " (unsafe fix)"
                                                                                         : " (not applied)";
    out << s.dim() << gutter << " = " << s.reset() << s.help() << "help" << s.reset() << ": "
        << printable(d.fix->message) << level << '\n';
  } else if (!d.rule->fix_title.empty()) {
    out << s.dim() << gutter << " = " << s.reset() << s.help() << "help" << s.reset() << ": " << d.rule->fix_title
        << '\n';
  }
  if (!d.cost_before.empty() && !d.cost_after.empty()) {
    out << s.dim() << gutter << " = " << s.reset() << s.help() << "cost" << s.reset() << ": " << d.cost_before << " -> "
        << d.cost_after << " per operation, impact " << d.impact << "/100\n";
  }
  out << '\n';
}

}  // namespace

void write_full(const ReportInput& input, std::ostream& out) {
  const Style style{input.color};
  for (const auto& [file, d] : input.view.findings()) {
    write_header(style, file->path, *d, input.fix_threshold, out);
    write_snippet(style, *d, out);
  }
}

void write_concise(const ReportInput& input, std::ostream& out) {
  const Style style{input.color};
  for (const auto& [file, d] : input.view.findings()) write_header(style, file->path, *d, input.fix_threshold, out);
}

}  // namespace pyperf::report
