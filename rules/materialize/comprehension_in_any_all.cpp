// PPL404 comprehension-in-any-all: `any([...])` / `all([...])` build the whole list before the
// first test; a generator expression lets any()/all() stop at the first decisive element.

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::Call};

constexpr lint::RuleMeta kMeta{
    .code = "PPL404",
    .name = "comprehension-in-any-all",
    .summary = "any()/all() over a list comprehension evaluates every element before testing",
    .fix_title = "Drop the brackets: pass a generator expression",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::Sometimes,
    .kinds = kKinds,
    .cost_before = "list.comprehension-all",
    .cost_after = "generator.short-circuit",
};

// A truth value computed without running user code: `a is b`, `not` of one, and/or of them, the
// constants True/False/None. Calling bool() on it cannot raise or act.
bool plain_truth(const Node& raw) {
  const Node n = syntax::unparenthesize(raw);
  if (n.is(Kind::True) || n.is(Kind::False) || n.is(Kind::None)) return true;
  if (n.is(Kind::NotOperator)) return plain_truth(n.field(Field::Argument));
  if (n.is(Kind::BooleanOperator)) return plain_truth(n.field(Field::Left)) && plain_truth(n.field(Field::Right));
  if (const auto cmp = lint::binary_comparison(n); cmp && (cmp->op == Kind::KwIs || cmp->op == Kind::KwIsNot)) {
    const Node l = syntax::unparenthesize(cmp->left);
    const Node r = syntax::unparenthesize(cmp->right);
    return (l.is(Kind::Identifier) || lint::is_hashable_constant(l)) &&
           (r.is(Kind::Identifier) || lint::is_hashable_constant(r));
  }
  return false;
}

// Evaluating the comprehension for one more element runs no user code and cannot raise: one
// `for` over a plain name of a builtin container (iterating it has no effects, unlike an iterator
// that the generator would leave half drained), the element a name, a constant or a plain truth,
// every `if` a plain truth (the filter calls bool() on it). Then stopping early changes nothing.
bool effect_free(const Node& comprehension, const lint::Context& ctx) {
  std::size_t fors = 0;
  for (const Node child : comprehension.named_children()) {
    if (child.is(Kind::Comment)) continue;
    if (child.is(Kind::ForInClause)) {
      ++fors;
      if (!child.field(Field::Left).is(Kind::Identifier)) return false;  // unpacking can raise
      const Node iterable = syntax::unparenthesize(child.field(Field::Right));
      // Made in sight: an annotation admits subclasses, whose __iter__ may act.
      const semantic::KindInfo kind = ctx.semantic().kind_of(iterable);
      if (!semantic::is_builtin_kind(kind.kind) ||
          (kind.evidence != semantic::Evidence::Literal && kind.evidence != semantic::Evidence::Comprehension &&
           kind.evidence != semantic::Evidence::Constructor && kind.evidence != semantic::Evidence::BuiltinResult)) {
        return false;
      }
      if (!iterable.is(Kind::Identifier) && !lint::is_hashable_constant(iterable)) return false;
    } else if (child.is(Kind::IfClause)) {
      const Node condition = child.named_child(0);
      if (!plain_truth(condition)) return false;
    } else if (child == comprehension.field(Field::Body)) {
      const Node body = syntax::unparenthesize(child);
      if (!body.is(Kind::Identifier) && !lint::is_hashable_constant(body) && !plain_truth(body)) return false;
    } else {
      return false;
    }
  }
  return fors == 1;
}

// `any([...])` -> `any(...)`: the brackets go; with anything else in the argument list (a trailing
// comma, a comment) they become parentheses, as a generator beside other tokens must be.
std::optional<lint::Fix> generator_fix(const Node& call, const Node& comprehension, const lint::Context& ctx) {
  const std::string_view text = ctx.text(comprehension);
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') return std::nullopt;
  // An `await` would make the generator asynchronous, which any()/all() cannot consume.
  if (lint::any_in_subtree(comprehension, [&](const Node& n) {
        return n.is(Kind::Await) || (n.is(Kind::ForInClause) && ctx.text(n).substr(0, 5) == "async");
      })) {
    return std::nullopt;
  }
  const Node arguments = call.field(Field::Arguments);
  const bool alone = arguments.child_count() == 3 && arguments.named_child_count() == 1;
  const bool safe = effect_free(comprehension, ctx);
  const std::uint32_t start = comprehension.start_byte();
  const std::uint32_t end = comprehension.end_byte();
  return lint::FixBuilder(safe ? lint::Applicability::Safe : lint::Applicability::Unsafe, "Pass a generator expression")
      .replace(start, start + 1, alone ? "" : "(")
      .replace(end - 1, end, alone ? "" : ")")
      .build();
}

class ComprehensionInAnyAll final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const char* fn = nullptr;
    for (const char* name : {"any", "all"}) {
      if (lint::is_builtin_call(node, name, ctx)) fn = name;
    }
    if (fn == nullptr) return;
    const auto args = lint::call_arguments(node, ctx);
    if (args.positional.size() != 1 || !args.keywords.empty() || args.has_unpacking) return;
    const Node arg = syntax::unparenthesize(args.positional[0]);
    if (!arg.is(Kind::ListComprehension)) return;
    lint::Diagnostic& d =
        ctx.report(arg, fmt::format("`{}([...])` builds the whole list before testing: always O(n); a generator "
                                    "expression stops at the first {} element",
                                    fn, std::string_view(fn) == "any" ? "true" : "false"));
    if (arg == args.positional[0]) d.fix = generator_fix(node, arg, ctx);  // `any(([...]))`: leave it
  }
};

}  // namespace

const lint::Rule& comprehension_in_any_all() {
  static const ComprehensionInAnyAll rule;
  return rule;
}

}  // namespace pyperf::rules
