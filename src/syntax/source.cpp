#include "syntax/source.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/core.h>

namespace pyperf::syntax {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_continuation(unsigned char c) {
  return (c & 0xC0U) == 0x80U;
}

// The PEP 263 cookie on line 1 or 2 (line 2 only when line 1 is a comment or blank), lower-cased.
std::string coding_cookie(std::string_view text) {
  std::size_t pos = 0;
  for (int line = 0; line < 2 && pos <= text.size(); ++line) {
    const std::size_t end = std::min(text.find_first_of("\r\n", pos), text.size());
    std::string_view l = text.substr(pos, end - pos);
    const std::size_t first = l.find_first_not_of(" \t\f");
    if (first == std::string_view::npos) {  // blank line: look at the next
    } else if (l[first] != '#') {
      return {};
    } else {
      const std::size_t at = l.find("coding", first);
      if (at != std::string_view::npos && at + 6 < l.size() && (l[at + 6] == ':' || l[at + 6] == '=')) {
        std::size_t i = at + 7;
        while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) ++i;
        std::string name;
        while (i < l.size() &&
               (std::isalnum(static_cast<unsigned char>(l[i])) || l[i] == '-' || l[i] == '_' || l[i] == '.')) {
          name += static_cast<char>(std::tolower(static_cast<unsigned char>(l[i])));
          ++i;
        }
        return name;
      }
    }
    if (end >= text.size()) break;
    pos = end + 1;
    if (text[end] == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
  }
  return {};
}

bool is_utf8_name(std::string name) {
  std::replace(name.begin(), name.end(), '_', '-');
  return name == "utf-8" || name == "utf8" || name.starts_with("utf-8-") || name == "utf-8-sig";
}

// CPython spells some codecs differently from glibc's iconv.
std::string iconv_name(const std::string& name) {
  std::string n = name;
  std::replace(n.begin(), n.end(), '_', '-');
  if (n == "latin-1" || n == "latin1" || n == "l1" || n == "iso-latin-1") return "ISO-8859-1";
  if (n.starts_with("iso8859-")) return "ISO-8859-" + n.substr(8);
  if (n == "cp65001") return "UTF-8";
  return n;
}

// Transcodes `bytes` from `encoding` to UTF-8 with glibc's iconv.
std::optional<std::string> transcode(const std::string& bytes, const std::string& encoding, std::string& error) {
  iconv_t cd = iconv_open("UTF-8", iconv_name(encoding).c_str());
  // NOLINTNEXTLINE(performance-no-int-to-ptr): (iconv_t)-1 is how iconv_open reports failure
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    error = fmt::format("unknown encoding '{}' in the coding declaration", encoding);
    return std::nullopt;
  }
  std::string out(bytes.size() * 4 + 16, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  const std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) {
    error = fmt::format("cannot decode byte {} as {} (the file's coding declaration)",
                        static_cast<std::size_t>(in_ptr - bytes.data()), encoding);
    return std::nullopt;
  }
  out.resize(out.size() - out_left);
  return out;
}

// UTF-8 `text` in `encoding`, or nullopt when some character has no spelling there.
std::optional<std::string> encode_as(const std::string& text, const std::string& encoding) {
  iconv_t cd = iconv_open(iconv_name(encoding).c_str(), "UTF-8");
  // NOLINTNEXTLINE(performance-no-int-to-ptr): (iconv_t)-1 is how iconv_open reports failure
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(text.size() * 4 + 16, '\0');
  char* in_ptr = const_cast<char*>(text.data());
  std::size_t in_left = text.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  const std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

// 1-based line and column (in characters, counting invalid bytes as one each) of `byte`.
std::pair<std::size_t, std::size_t> rough_position(std::string_view text, std::size_t byte) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if (!is_continuation(static_cast<unsigned char>(text[i]))) {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view bytes) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // Fast path: 8 ASCII bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t chunk;
      std::memcpy(&chunk, s + i, 8);
      if ((chunk & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1FU;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0FU;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07U;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if (!is_continuation(s[i + k])) return i;
      cp = (cp << 6) | (s[i + k] & 0x3FU);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

SourceText::LoadResult SourceText::load(std::string bytes) {
  LoadResult result;
  bool had_bom = false;
  if (std::string_view(bytes).starts_with(kBom)) {
    bytes.erase(0, kBom.size());
    had_bom = true;
  }
  std::string encoding;
  const std::string cookie = coding_cookie(bytes);
  if (!cookie.empty() && !is_utf8_name(cookie)) {
    if (had_bom) {
      result.error = fmt::format("encoding problem: '{}' with a UTF-8 byte order mark", cookie);
      return result;
    }
    auto decoded = transcode(bytes, cookie, result.error);
    if (!decoded) return result;
    bytes = std::move(*decoded);
    encoding = cookie;
  }
  if (const std::size_t nul = bytes.find('\0'); nul != std::string::npos) {
    const auto [line, column] = rough_position(bytes, nul);
    result.error = fmt::format("source contains a NUL byte at line {}, column {}", line, column);
    return result;
  }
  if (const std::size_t bad = find_invalid_utf8(bytes); bad != std::string_view::npos) {
    const auto [line, column] = rough_position(bytes, bad);
    result.error = fmt::format(
        "invalid UTF-8 at line {}, column {} (byte 0x{:02X}); declare the encoding "
        "with a '# -*- coding: ... -*-' line or save the file as UTF-8",
        line, column, static_cast<unsigned char>(bytes[bad]));
    return result;
  }
  result.source.emplace(SourceText(std::move(bytes), had_bom, std::move(encoding)));
  return result;
}

std::optional<std::string> SourceText::encode_edited(std::string_view original_bytes,
                                                     std::span<const Edit> edits) const {
  const bool transcoded = !encoding_.empty();
  if (transcoded && lone_cr_) return std::nullopt;
  // UTF-8 files: text() is the file less its BOM, byte for byte (a lone CR became an LF of the
  // same length), so the edits apply to the file itself and its line endings survive untouched.
  const std::size_t offset = had_bom_ && !transcoded ? kBom.size() : 0;
  const std::string_view base = transcoded ? std::string_view(text_) : original_bytes.substr(offset);
  if (!transcoded && (original_bytes.size() < offset || base.size() != text_.size())) return std::nullopt;
  std::string out(original_bytes.substr(0, offset));
  out.reserve(original_bytes.size() + 64);
  std::size_t at = 0;
  for (const Edit& edit : edits) {
    if (edit.start < at || edit.end < edit.start || edit.end > base.size()) return std::nullopt;
    out.append(base.substr(at, edit.start - at));
    for (const char c : edit.content) {
      if (c == '\n') {
        out.append(newline_);
      } else {
        out.push_back(c);
      }
    }
    at = edit.end;
  }
  out.append(base.substr(at));
  if (!transcoded) return out;
  return encode_as(out, encoding_);
}

SourceText SourceText::from_utf8(std::string text) {
  bool had_bom = false;
  if (std::string_view(text).starts_with(kBom)) {
    text.erase(0, kBom.size());
    had_bom = true;
  }
  return SourceText(std::move(text), had_bom, {});
}

SourceText::SourceText(std::string text, bool had_bom, std::string encoding)
    : text_(std::move(text)), had_bom_(had_bom), encoding_(std::move(encoding)) {
  // Lone CR -> LF, in place (same length, so offsets are unchanged). CRLF stays as it is.
  const std::size_t n = text_.size();
  bool first = true;
  for (std::size_t i = 0; i < n; ++i) {
    if (text_[i] == '\r' && (i + 1 == n || text_[i + 1] != '\n')) {
      text_[i] = '\n';
      lone_cr_ = true;
      if (first) newline_ = "\r";
      first = false;
    } else if (text_[i] == '\n' && first) {
      newline_ = i > 0 && text_[i - 1] == '\r' ? "\r\n" : "\n";
      first = false;
    }
  }
  line_starts_.reserve(n / 32 + 1);
  line_starts_.push_back(0);
  bool ascii = true;
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c >= 0x80) ascii = false;
    if (c == '\n') {
      ascii_line_.push_back(ascii);
      ascii = true;
      line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
  ascii_line_.push_back(ascii);
}

std::uint32_t SourceText::line_index(std::uint32_t byte) const noexcept {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte);
  return static_cast<std::uint32_t>((it - line_starts_.begin()) - 1);
}

std::string_view SourceText::line_text(std::uint32_t line_index) const noexcept {
  if (line_index >= line_starts_.size()) return {};
  const std::size_t start = line_starts_[line_index];
  std::size_t end = line_index + 1 < line_starts_.size() ? line_starts_[line_index + 1] : text_.size();
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(start, end - start);
}

Position SourceText::position(std::uint32_t byte) const noexcept {
  byte = std::min<std::uint32_t>(byte, static_cast<std::uint32_t>(text_.size()));
  const std::uint32_t line = line_index(byte);
  const std::uint32_t start = line_starts_[line];
  if (ascii_line_[line]) return {line + 1, byte - start + 1};
  std::uint32_t column = 1;
  for (std::uint32_t i = start; i < byte; ++i) {
    if (!is_continuation(static_cast<unsigned char>(text_[i]))) ++column;
  }
  return {line + 1, column};
}

std::uint32_t SourceText::utf16_column(std::uint32_t byte) const noexcept {
  byte = std::min<std::uint32_t>(byte, static_cast<std::uint32_t>(text_.size()));
  const std::uint32_t line = line_index(byte);
  const std::uint32_t start = line_starts_[line];
  if (ascii_line_[line]) return byte - start + 1;
  std::uint32_t column = 1;
  for (std::uint32_t i = start; i < byte; ++i) {
    const auto c = static_cast<unsigned char>(text_[i]);
    if (is_continuation(c)) continue;
    column += c >= 0xF0 ? 2 : 1;  // code points above U+FFFF take a surrogate pair
  }
  return column;
}

std::uint32_t SourceText::byte_column(std::uint32_t byte) const noexcept {
  byte = std::min<std::uint32_t>(byte, static_cast<std::uint32_t>(text_.size()));
  return byte - line_starts_[line_index(byte)] + 1;
}

}  // namespace pyperf::syntax
