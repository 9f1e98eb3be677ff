// PPL001 parse-error: a region the parser could not parse. tree-sitter-python also fails on some
// valid code (a dedent inside brackets, upstream #256), so the message never calls the code invalid.
// The grammar also takes U+FEFF, U+200B and U+2060 for blanks, which CPython rejects outside strings
// and comments ("invalid non-printable character"): a doubled BOM would otherwise pass silently.

#include <fmt/core.h>

#include <cstring>
#include <string_view>

#include "lint/context.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Kind;

constexpr Kind kKinds[] = {Kind::Error, Kind::Module};

constexpr lint::RuleMeta kMeta{
    .code = "PPL001",
    .name = "parse-error",
    .summary = "A region pyperf-lint could not parse was not analysed",
    .fix_title = "Check the region; if it is valid Python, report it to pyperf-lint",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Tool,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "",
    .cost_after = "",
};

class ParseError final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const syntax::Node& node, lint::Context& ctx) const override {
    if (node.is(Kind::Module)) {
      report_invisible_characters(node, ctx);
      return;
    }
    if (node.is_missing()) {
      ctx.report(
          node, fmt::format("the parser expected `{}` here; the enclosing code was not analysed", node.grammar_type()));
      return;
    }
    const auto first = ctx.source().position(node.start_byte()).line;
    const auto last =
        ctx.source().position(node.end_byte() > node.start_byte() ? node.end_byte() - 1 : node.end_byte()).line;
    const std::string where = first == last ? fmt::format("line {}", first) : fmt::format("lines {}-{}", first, last);
    ctx.report(node, fmt::format("could not parse {}; this region was not analysed (if it is valid Python, "
                                 "the parser does not support it yet)",
                                 where));
  }

 private:
  struct Invisible {
    std::string_view utf8;
    std::string_view name;
  };
  static constexpr Invisible kInvisible[] = {
      {"\xEF\xBB\xBF", "U+FEFF (a byte order mark)"},
      {"\xE2\x80\x8B", "U+200B (zero width space)"},
      {"\xE2\x81\xA0", "U+2060 (word joiner)"},
  };

  // Inside a string or a comment the characters are text; anywhere else CPython stops.
  static bool is_text(const syntax::Node& leaf) {
    const std::string_view type = leaf.grammar_type();
    return leaf.is(Kind::Comment) || leaf.is(Kind::String) || type == "string_content" || type == "string_start" ||
           type == "string_end" || type == "escape_sequence";
  }

  static void report_invisible_characters(const syntax::Node& module, lint::Context& ctx) {
    const std::string_view text = ctx.source().text();
    // All three start with 0xE2 or 0xEF, bytes absent from ASCII-only files: memchr skips those fast.
    for (const char lead : {'\xE2', '\xEF'}) {
      const char* at = text.data();
      const char* const end = text.data() + text.size();
      while ((at = static_cast<const char*>(std::memchr(at, lead, static_cast<std::size_t>(end - at)))) != nullptr) {
        const std::string_view rest(at, static_cast<std::size_t>(end - at));
        const auto offset = static_cast<std::uint32_t>(at - text.data());
        ++at;
        for (const Invisible& invisible : kInvisible) {
          if (!rest.starts_with(invisible.utf8)) continue;
          const auto last = offset + static_cast<std::uint32_t>(invisible.utf8.size());
          if (is_text(module.descendant_for_bytes(offset, last))) break;
          ctx.report(offset, last,
                     fmt::format("invalid non-printable character {}: CPython rejects it outside strings and "
                                 "comments, and the parser skipped it",
                                 invisible.name));
          break;
        }
      }
    }
  }
};

}  // namespace

const lint::Rule& parse_error() {
  static const ParseError rule;
  return rule;
}

}  // namespace pyperf::rules
