// Questions rules ask about a variable or a statement that need the whole model: where a name is
// bound again, how all of its uses look, which frame holds it.

#include <algorithm>
#include <iterator>

#include "semantic/model.hpp"
#include "syntax/expressions.hpp"

namespace pyperf::semantic {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

bool Model::rebound_within(const Variable& variable, const Node& region, const Node& ignore) const {
  if (variable.symbol != kNone) {
    for (const BindingId id : symbol(variable.symbol).bindings) {
      const Binding& b = binding(id);
      if (b.kind == BindingKind::Annotation) continue;
      if (contains(region, b.target) && !(ignore && contains(ignore, b.target))) return true;
    }
    return false;
  }
  // `self.attr`: a store anywhere in the region (stores are found through the uses' twin list).
  for (const auto& site : attribute_stores(variable)) {
    if (contains(region, site) && !(ignore && contains(ignore, site))) return true;
  }
  return false;
}

bool Model::deque_compatible(const Variable& variable, const Node& ignore) const {
  static constexpr std::string_view kDequeMethods[] = {"append",     "appendleft", "pop",    "popleft", "extend",
                                                       "extendleft", "insert",     "remove", "clear",   "count",
                                                       "index",      "reverse",    "rotate", "copy"};
  const std::string_view text = source().text();
  for (const auto& site : uses(variable)) {
    if (ignore && contains(ignore, site.node)) continue;
    const Use& use = site.use;
    switch (use.kind) {
      case UseKind::MethodCall:
        if (std::find(std::begin(kDequeMethods), std::end(kDequeMethods), use.member) == std::end(kDequeMethods)) {
          return false;  // sort(), or a method deque lacks
        }
        break;
      case UseKind::Index:
      case UseKind::IndexStore: {
        // Indexing a deque is O(1) only at its ends.
        const Node index = use.site.field(Field::SubscriptIndex);
        if (!syntax::is_int_literal(index, 0, text) && !syntax::is_int_literal(index, -1, text)) return false;
        break;
      }
      case UseKind::Slice:
      case UseKind::SliceStore:
      case UseKind::IndexDelete:
      case UseKind::Argument:
      case UseKind::Returned:
      case UseKind::Aliased:
      case UseKind::Other:
      case UseKind::Attribute:
        return false;
      case UseKind::Read:
        if (use.member == "+" || use.member == "*" || use.member == "compare" || use.member == "format") return false;
        break;
      case UseKind::BuiltinCall:
        if (use.member == "sorted" || use.member == "len" || use.member == "list" || use.member == "tuple" ||
            use.member == "set" || use.member == "any" || use.member == "all" || use.member == "sum" ||
            use.member == "min" || use.member == "max" || use.member == "enumerate" || use.member == "zip" ||
            use.member == "iter" || use.member == "reversed" || use.member == "bool" || use.member == "join" ||
            use.member == "extend" || use.member == "update") {
          break;
        }
        return false;  // print(), str(), repr() … would show a deque
      default:
        break;
    }
  }
  return true;
}

bool Model::accumulator_reset_within(const Node& target, const Node& loop_node) const {
  const std::string_view src = source().text();
  const auto variable = variable_of(target);
  if (!variable) return true;
  // Every accumulation in a loop asks this about the same variable: list its resetting stores once
  // (a loop of N accumulations would otherwise look at its N stores N times).
  auto [cached, fresh] = reset_starts_.try_emplace({variable.symbol, variable.attribute_class, variable.attr},
                                                   std::vector<std::uint32_t>{});
  std::vector<std::uint32_t>& resets = cached->second;
  if (fresh) {
    std::vector<Node> stores;
    if (variable.symbol != kNone) {
      for (const BindingId id : symbol(variable.symbol).bindings) {
        const Binding& b = binding(id);
        if (b.kind != BindingKind::Annotation) stores.push_back(b.statement ? b.statement : b.target);
      }
    } else {
      for (const Node& store : attribute_stores(variable)) {
        Node statement = store.parent();  // O(depth), once per store
        while (statement && !statement.is(Kind::Assignment) && !statement.is(Kind::AugmentedAssignment)) {
          statement = statement.parent();
        }
        stores.push_back(statement ? statement : store);
      }
    }
    for (const Node& statement : stores) {
      if (!syntax::concatenation_target(statement, src)) resets.push_back(statement.start_byte());
    }
    std::sort(resets.begin(), resets.end());
  }
  // Statements nest, so one starting inside the loop lies inside it.
  const auto first = std::lower_bound(resets.begin(), resets.end(), loop_node.start_byte());
  return first != resets.end() && *first < loop_node.end_byte();
}

bool Model::is_fast_local(const Node& target) const {
  if (!target.is(Kind::Identifier)) return false;
  const Reference* ref = reference_at(target);
  const Binding* bound = binding_at(target);
  const SymbolId id = ref != nullptr ? ref->symbol : (bound != nullptr ? bound->symbol : kNone);
  if (id == kNone) return false;
  const Symbol& s = symbol(id);
  const auto kind = scope(s.scope).kind;
  if (kind != ScopeKind::Function && kind != ScopeKind::Lambda) return false;
  for (const BindingId b : s.bindings) {
    if (binding(b).scope != s.scope) return false;  // nonlocal from a nested function: a cell
  }
  for (const ReferenceId r : s.references) {
    if (running_scope(reference(r).scope) != s.scope) return false;  // captured by a nested function: a cell
  }
  return true;
}

}  // namespace pyperf::semantic
