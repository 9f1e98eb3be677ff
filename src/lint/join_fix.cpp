// The `+=` accumulator -> list + join fix shared by PPL302 and PPL303 (see join_fix.hpp).

#include "lint/join_fix.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "lint/context.hpp"
#include "syntax/expressions.hpp"

namespace pyperf::lint {
namespace {

using semantic::SymbolId;
using syntax::Field;
using syntax::Kind;
using syntax::Node;

SymbolId symbol_at(const Node& identifier, const semantic::Model& model) {
  if (const auto* ref = model.reference_at(identifier); ref != nullptr) return ref->symbol;
  if (const auto* b = model.binding_at(identifier); b != nullptr) return b->symbol;
  return semantic::kNone;
}

// The accumulation statement an occurrence of the accumulator belongs to: `s += x` (its target) or
// `s = s + x` (its target or the left operand); null for any other occurrence.
Node accumulation_of(const Node& identifier, std::string_view name, std::string_view src) {
  Node parent = identifier.parent();
  if (parent.is(Kind::BinaryOperator) && parent.field(Field::Left) == identifier) {
    Node up = parent.parent();
    while (up.is(Kind::ParenthesizedExpression)) up = up.parent();
    if (!up.is(Kind::Assignment) || !(syntax::unparenthesize(up.field(Field::Right)) == parent)) return {};
    parent = up;
  } else if (!(parent.field(Field::Left) == identifier)) {
    return {};
  }
  if (!parent.is(Kind::AugmentedAssignment) && !parent.is(Kind::Assignment)) return {};
  const Node target = syntax::concatenation_target(parent, src);
  if (!target.is(Kind::Identifier) || target.text(src) != name) return {};
  if (!parent.parent().is(Kind::ExpressionStatement)) return {};  // `a = s = s + x`: not a plain statement
  return parent;
}

Node piece_of(const Node& accumulation) {
  if (accumulation.is(Kind::AugmentedAssignment)) return accumulation.field(Field::Right);
  return syntax::unparenthesize(accumulation.field(Field::Right)).field(Field::Right);
}

// Every accumulation statement of `symbol` inside `loop`, or nullopt when the loop (header, body,
// else) touches it any other way.
std::optional<std::vector<Node>> accumulations_in(const Node& loop, SymbolId symbol, std::string_view name,
                                                  const Context& ctx) {
  const std::string_view src = ctx.source().text();
  std::vector<Node> found;
  std::vector<Node> pending{loop};
  while (!pending.empty()) {
    const Node n = pending.back();
    pending.pop_back();
    if (n.is(Kind::Identifier)) {
      if (n.text(src) != name || symbol_at(n, ctx.semantic()) != symbol) continue;
      const Node statement = accumulation_of(n, name, src);
      if (!statement) return std::nullopt;
      if (std::find(found.begin(), found.end(), statement) == found.end()) found.push_back(statement);
      continue;
    }
    for (const Node child : n.named_children()) pending.push_back(child);
  }
  // The piece must not read the accumulator (`s += s`): its occurrence would not be a target.
  return found;
}

// `s = ""` / `s = b''` as the statement right before the loop: the list can start empty.
Node empty_init_before(const Node& loop, std::string_view name, const Context& ctx) {
  const Node previous = loop.prev_named_sibling();
  if (!previous.is(Kind::ExpressionStatement) || previous.named_child_count() != 1) return {};
  const Node assignment = previous.named_child(0);
  if (!assignment.is(Kind::Assignment) || assignment.field(Field::TypeAnnotation)) return {};
  const Node left = assignment.field(Field::Left);
  if (!left.is(Kind::Identifier) || ctx.text(left) != name) return {};
  const std::string_view right = ctx.text(assignment.field(Field::Right));
  for (const std::string_view empty : {"''", "\"\"", "b''", "b\"\"", "B''", "B\"\""}) {
    if (right == empty) return assignment;
  }
  return {};
}

}  // namespace

bool enclosed_by_try_or_with(const Node& statement) {
  for (Node n = statement.parent(); n; n = n.parent()) {
    if (n.is(Kind::FunctionDefinition) || n.is(Kind::Module)) return false;
    if (n.is(Kind::TryStatement) || n.is(Kind::WithStatement)) return true;
  }
  return false;
}

std::optional<Fix> concat_to_join_fix(const Node& statement, semantic::ValueKind kind, const Context& ctx) {
  const semantic::Model& model = ctx.semantic();
  const std::string_view src = ctx.source().text();
  const Node target = syntax::concatenation_target(statement, src);
  if (!target.is(Kind::Identifier) || !model.is_fast_local(target)) return std::nullopt;
  const SymbolId symbol = symbol_at(target, model);
  if (symbol == semantic::kNone) return std::nullopt;
  const std::string_view name = ctx.text(target);

  // The outermost loop of the function in which the accumulator is only accumulated.
  Node loop;
  std::vector<Node> accumulations;
  for (semantic::LoopId id = ctx.loop(); id != semantic::kNone; id = model.loop(id).parent) {
    const semantic::Loop& candidate = model.loop(id);
    if (candidate.kind == semantic::LoopKind::Comprehension) break;
    auto found = accumulations_in(candidate.node, symbol, name, ctx);
    if (!found) break;
    loop = candidate.node;
    accumulations = std::move(*found);
  }
  if (!loop || (!loop.is(Kind::ForStatement) && !loop.is(Kind::WhileStatement))) return std::nullopt;
  const auto indent = line_indent(loop, ctx);
  if (!indent) return std::nullopt;

  bool known = true;
  for (const Node& accumulation : accumulations) {
    const Node piece = piece_of(accumulation);
    if (!piece || piece.is(Kind::ExpressionList) || piece.is(Kind::Yield)) return std::nullopt;
    if (model.kind_of(piece).kind != kind) known = false;
  }

  const std::string parts = fresh_name(fmt::format("{}_parts", name), ctx);
  const char* empty = kind == semantic::ValueKind::Bytes ? "b\"\"" : "\"\"";
  FixBuilder fix(known && !enclosed_by_try_or_with(loop) ? Applicability::Safe : Applicability::Unsafe,
                 fmt::format("Collect the pieces in `{}` and join them once after the loop", parts));
  if (const Node init = empty_init_before(loop, name, ctx)) {
    fix.replace(init, fmt::format("{} = []", parts));
  } else {
    fix.add(insert_line_before(loop, fmt::format("{} = [{}]", parts, name), ctx));
  }
  for (const Node& accumulation : accumulations) {
    fix.replace(accumulation, fmt::format("{}.append({})", parts, ctx.text(piece_of(accumulation))));
  }
  const std::string join = fmt::format("{}{} = {}.join({})", *indent, name, empty, parts);
  const std::size_t newline = src.find('\n', loop.end_byte());
  if (newline == std::string_view::npos) {
    fix.insert(static_cast<std::uint32_t>(src.size()), "\n" + join + "\n");
  } else {
    fix.insert(static_cast<std::uint32_t>(newline + 1), join + "\n");
  }
  return fix.build();
}

}  // namespace pyperf::lint
