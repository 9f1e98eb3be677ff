#pragma once
// Source text as the parser sees it: decoded to UTF-8 (PEP 263 coding cookies honoured), validated
// the way CPython validates (no NUL bytes, well-formed UTF-8), BOM stripped, lone CR line endings
// normalised to LF (tree-sitter-python does not treat a lone CR as a newline). Offsets are byte
// offsets into text(); positions are 1-based lines and 1-based columns in characters.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pyperf::syntax {

struct Position {
  std::uint32_t line = 1;    // 1-based
  std::uint32_t column = 1;  // 1-based, in Unicode code points
  friend bool operator==(const Position&, const Position&) = default;
};

// A replacement of text()[start, end) by `content`, whose line breaks are written '\n' (they take
// the file's own line ending when the edit is encoded back).
struct Edit {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::string content;
  friend bool operator==(const Edit&, const Edit&) = default;
};

class SourceText {
 public:
  struct LoadResult;
  // Decodes and validates raw file bytes. On failure, `error` says why and where.
  static LoadResult load(std::string bytes);
  // For text already known to be valid UTF-8 (tests, fixtures): still normalises line endings.
  static SourceText from_utf8(std::string text);

  std::string_view text() const noexcept { return text_; }
  bool had_bom() const noexcept { return had_bom_; }
  // The encoding named by a PEP 263 cookie when it is not UTF-8 (text() is then transcoded).
  const std::string& declared_encoding() const noexcept { return encoding_; }

  // The file `original_bytes` (what this source was loaded from) with `edits` applied: sorted,
  // non-overlapping, in text() offsets. The byte order mark, the declared encoding and the line
  // endings stay as they were; inserted line breaks take the file's first line ending. nullopt
  // when that is impossible: a character the declared encoding cannot spell, or lone-CR line
  // endings in a transcoded file (their offsets do not survive the round trip).
  std::optional<std::string> encode_edited(std::string_view original_bytes, std::span<const Edit> edits) const;
  // The line ending new lines should use: the file's first one ("\n" when it has none).
  std::string_view newline() const noexcept { return newline_; }

  std::uint32_t line_count() const noexcept { return static_cast<std::uint32_t>(line_starts_.size()); }
  std::uint32_t line_index(std::uint32_t byte) const noexcept;  // 0-based line holding `byte`
  std::uint32_t line_start(std::uint32_t line_index) const noexcept { return line_starts_[line_index]; }
  // The line's text without its line terminator.
  std::string_view line_text(std::uint32_t line_index) const noexcept;

  Position position(std::uint32_t byte) const noexcept;           // column in code points
  std::uint32_t utf16_column(std::uint32_t byte) const noexcept;  // 1-based, UTF-16 code units
  std::uint32_t byte_column(std::uint32_t byte) const noexcept;   // 1-based, bytes

 private:
  explicit SourceText(std::string text, bool had_bom, std::string encoding);

  std::string text_;
  bool had_bom_ = false;
  std::string encoding_;
  std::string_view newline_ = "\n";
  bool lone_cr_ = false;  // some lone CR was normalised to LF in text_
  std::vector<std::uint32_t> line_starts_;
  std::vector<bool> ascii_line_;  // lines with only ASCII bytes: column = byte offset
};

struct SourceText::LoadResult {
  std::optional<SourceText> source;
  std::string error;  // set when source is empty: "invalid UTF-8 at line 3, column 7", …
};

// Validates UTF-8 as CPython's decoder does (no overlongs, no surrogates, nothing above U+10FFFF).
// Returns the byte offset of the first invalid sequence, or npos when valid.
std::size_t find_invalid_utf8(std::string_view bytes) noexcept;

}  // namespace pyperf::syntax
