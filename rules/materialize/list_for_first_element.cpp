// PPL401 list-for-first-element: `list(x)[0]`, `tuple(x)[0]`, `[... for ...][0]` materialise every
// element to read the first.

#include <fmt/core.h>

#include <initializer_list>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::Subscript};

constexpr lint::RuleMeta kMeta{
    .code = "PPL401",
    .name = "list-for-first-element",
    .summary = "A whole list is built only to read its first element",
    .fix_title = "Take the first element with next(iter(...)) or a generator expression",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::Sometimes,
    .kinds = kKinds,
    .cost_before = "list.materialize",
    .cost_after = "iterator.next",
};

// Never safe: on an empty input `IndexError` becomes `StopIteration` (a `RuntimeError` when it
// escapes a generator), an iterator is no longer drained, and the elements after the first are no
// longer computed. Offered only where `next` and `iter` are the builtins and no comment is lost.
bool can_write(const Node& subscript, std::initializer_list<const char*> builtins, const lint::Context& ctx) {
  if (lint::is_store_target(subscript, ctx)) return false;  // `list(x)[0] = v`: a call cannot be assigned
  for (const char* name : builtins) {
    if (!lint::builtin_unshadowed(name, ctx)) return false;
  }
  return !lint::any_in_subtree(subscript, [](const Node& n) { return n.is(Kind::Comment); });
}

// `[e for x in xs][0]` -> `next(e for x in xs)`. Not with `await` or `async for` inside: the
// generator would become an asynchronous one, which next() cannot drive.
std::optional<lint::Fix> comprehension_fix(const Node& subscript, const Node& comprehension, const lint::Context& ctx) {
  if (!can_write(subscript, {"next"}, ctx)) return std::nullopt;
  const std::string_view text = ctx.text(comprehension);
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') return std::nullopt;
  if (lint::any_in_subtree(comprehension, [&](const Node& n) {
        return n.is(Kind::Await) || (n.is(Kind::ForInClause) && ctx.text(n).substr(0, 5) == "async");
      })) {
    return std::nullopt;
  }
  return lint::FixBuilder(lint::Applicability::Unsafe, "Replace with `next(...)` over a generator expression")
      .replace(subscript, fmt::format("next({})", text.substr(1, text.size() - 2)))
      .build();
}

// `list(x)[0]` -> `next(iter(x))`.
// A generator argument keeps its own parentheses: `list(r for r in rows)[0]` -> `next(iter(r for r in rows))`.
std::optional<lint::Fix> constructor_fix(const Node& subscript, const lint::CallArguments& args,
                                         const lint::Context& ctx) {
  if (!can_write(subscript, {"next", "iter"}, ctx)) return std::nullopt;
  const std::string_view argument = ctx.text(args.positional[0]);
  return lint::FixBuilder(lint::Applicability::Unsafe, "Replace with `next(iter(...))`")
      .replace(subscript, args.generator_argument ? fmt::format("next(iter{})", argument)
                                                  : fmt::format("next(iter({}))", argument))
      .build();
}

class ListForFirstElement final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const Node index = node.field(Field::SubscriptIndex);
    // Exactly one index, the literal 0 (a slice or a tuple index is something else).
    if (!index || node.named_child_count() != 2 || !syntax::is_int_literal(index, 0, ctx.source().text())) return;
    const Node value = syntax::unparenthesize(node.field(Field::Value));
    if (value.is(Kind::ListComprehension)) {
      lint::Diagnostic& d = ctx.report(node,
                                       "`[...][0]` evaluates the whole comprehension to read its first element: O(n); "
                                       "`next(... for ...)` stops after one element, O(1)");
      for (const Node clause : value.named_children()) {
        if (!clause.is(Kind::ForInClause)) continue;
        d.impact = ctx.impact(lint::visible_collection_size(clause.field(Field::Right), ctx));
        break;
      }
      d.fix = comprehension_fix(node, value, ctx);
      return;
    }
    for (const char* ctor : {"list", "tuple"}) {
      if (!lint::is_builtin_call(value, ctor, ctx)) continue;
      const auto args = lint::call_arguments(value, ctx);
      if (args.positional.size() != 1 || !args.keywords.empty() || args.has_unpacking) return;
      lint::Diagnostic& d = ctx.report(node, fmt::format("`{}(...)[0]` copies every element to read the first: O(n); "
                                                         "`next(iter(...))` reads one element, O(1)",
                                                         ctor));
      d.impact = ctx.impact(lint::visible_collection_size(args.positional[0], ctx));  // `list(one)[0]` saves little
      d.fix = constructor_fix(node, args, ctx);
      return;
    }
  }
};

}  // namespace

const lint::Rule& list_for_first_element() {
  static const ListForFirstElement rule;
  return rule;
}

}  // namespace pyperf::rules
