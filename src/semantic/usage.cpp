// How variables are used: every reference of a name (or every `self.attr` access of one class)
// summarised into mutation, escape and shape facts, and loop invariance.

#include <algorithm>

#include "semantic/model.hpp"
#include "syntax/expressions.hpp"

namespace pyperf::semantic {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

namespace {

bool is_mutating_method(std::string_view m) {
  static constexpr std::string_view kMutating[] = {
      "append",
      "extend",
      "insert",
      "pop",
      "remove",
      "sort",
      "reverse",
      "clear",
      "update",
      "add",
      "discard",
      "setdefault",
      "popitem",
      "appendleft",
      "popleft",
      "extendleft",
      "rotate",
      "intersection_update",
      "difference_update",
      "symmetric_difference_update",
      "__setitem__",
      "__delitem__",
      "__iadd__",
  };
  return std::find(std::begin(kMutating), std::end(kMutating), m) != std::end(kMutating);
}

bool is_end_index(const Node& subscript, std::string_view source) {
  const Node index = subscript.field(Field::SubscriptIndex);
  return syntax::is_int_literal(index, 0, source) || syntax::is_int_literal(index, -1, source);
}

bool is_mutation(const Use& use) {
  switch (use.kind) {
    case UseKind::MethodCall:
    case UseKind::Attribute:
      return is_mutating_method(use.member);
    case UseKind::IndexStore:
    case UseKind::SliceStore:
    case UseKind::IndexDelete:
    case UseKind::AugAssign:
    case UseKind::Delete:
      return true;
    default:
      return false;
  }
}

}  // namespace

Model::Variable Model::variable_of(const Node& raw) const {
  const Node e = syntax::unparenthesize(raw);
  Variable v;
  if (e.is(Kind::Identifier)) {
    if (const Reference* ref = reference_at(e); ref != nullptr) {
      v.symbol = ref->symbol;
    } else if (const Binding* b = binding_at(e); b != nullptr) {
      v.symbol = b->symbol;
    }
    return v;
  }
  if (e.is(Kind::Attribute)) {
    const Node object = e.field(Field::Object);
    if (!object.is(Kind::Identifier)) return v;
    ScopeId cls = self_class(object);
    if (cls == kNone) {
      cls = instance_class(object);
      if (cls == kNone) return v;
      const Reference* ref = reference_at(object);
      if (ref == nullptr || ref->symbol == kNone) return v;
      v.object_symbol = ref->symbol;
    }
    v.attribute_class = cls;
    v.attr = text(e.field(Field::Attribute));
  }
  return v;
}

std::vector<Model::UseSite> Model::uses(const Variable& variable) const {
  std::vector<UseSite> out;
  if (variable.symbol != kNone) {
    for (const ReferenceId id : symbols_[variable.symbol].references) {
      const Reference& r = references_[id];
      out.push_back({r.use, r.node, r.loop, r.scope});
    }
    return out;
  }
  if (variable.attribute_class == kNone) return out;
  for (const AttributeAccess& a : attributes_) {
    if (a.attr != variable.attr) continue;
    if (a.store && a.store_kind != BindingKind::AugmentedAssignment && a.store_kind != BindingKind::Deletion) continue;
    if (instance_class(a.object) != variable.attribute_class) continue;
    Use use = a.use;
    if (a.store && a.store_kind == BindingKind::Deletion) use = Use{UseKind::Delete, {}, a.node};
    out.push_back({use, a.node, a.loop, a.scope});
  }
  return out;
}

std::vector<Node> Model::attribute_stores(const Variable& variable) const {
  std::vector<Node> out;
  if (variable.attribute_class == kNone) return out;
  for (const std::uint32_t i : attribute_stores_named(variable.attr)) {
    if (instance_class(attributes_[i].object) == variable.attribute_class) out.push_back(attributes_[i].node);
  }
  return out;
}

UsageSummary Model::usage(const Variable& variable) const {
  UsageSummary s;
  const std::string_view source = source_->text();
  for (const UseSite& site : uses(variable)) {
    const Use& use = site.use;
    if (is_mutation(use)) s.mutated = true;
    switch (use.kind) {
      case UseKind::MethodCall:
        s.methods.push_back(use.member);
        if (use.member == "sort") s.sorted = true;
        break;
      case UseKind::Attribute:
        // A bound method taken away (push = lst.append) can mutate later, out of sight.
        if (is_mutating_method(use.member)) s.escapes = true;
        break;
      case UseKind::Index:
        if (!is_end_index(use.site, source)) s.indexed = true;
        break;
      case UseKind::Slice:
        s.sliced = true;
        break;
      case UseKind::Membership:
        s.membership = true;
        break;
      case UseKind::Read:
        if (use.member == "+") s.concatenated = true;
        break;
      case UseKind::Argument:
      case UseKind::Returned:
      case UseKind::Aliased:
      case UseKind::Other:
        s.escapes = true;
        break;
      default:
        break;
    }
  }
  if (variable.symbol != kNone) {
    const Symbol& symbol = symbols_[variable.symbol];
    if (symbol.name == "__all__") s.exported = true;
    // Listed in the module's __all__ (a list or tuple of string literals).
    if (symbol.scope == 0) {
      const auto it = scopes_[0].symbols.find("__all__");
      if (it != scopes_[0].symbols.end()) {
        for (const BindingId id : symbols_[it->second].bindings) {
          const Node value = bindings_[id].value;
          if (!value) continue;
          for (const Node element : value.named_children()) {
            if (!element.is(Kind::String)) continue;
            const std::string_view t = text(element);
            if (t.size() >= 2 && t.substr(1, t.size() - 2) == symbol.name) s.exported = true;
          }
        }
      }
    }
  }
  return s;
}

bool Model::opaque_call_within(const Node& range) const {
  return opaque_call_between(range.start_byte(), range.end_byte());
}

bool Model::opaque_call_between(std::uint32_t start, std::uint32_t end, ScopeId instance_of) const {
  const auto first = std::lower_bound(calls_.begin(), calls_.end(), start,
                                      [](const Node& call, std::uint32_t b) { return call.start_byte() < b; });
  for (auto it = first; it != calls_.end() && it->start_byte() < end; ++it) {
    std::uint8_t& state = call_opaque_[static_cast<std::size_t>(it - calls_.begin())];
    if (state == 0) {
      // Transparent: a pure builtin, or a method of a value of a builtin type.
      const Node callee = it->field(Field::Function);
      bool transparent = false;
      if (callee.is(Kind::Identifier)) {
        const Reference* ref = reference_at(callee);
        transparent = ref != nullptr && ref->builtin && is_pure_builtin(text(callee));
      } else if (callee.is(Kind::Attribute)) {
        transparent = is_builtin_kind(kind_of(callee.field(Field::Object)).kind);
      }
      state = transparent ? 2 : 1;
    }
    if (state == 1 && !in_raise(it->start_byte()) && (instance_of == kNone || mentions_instance(*it, instance_of))) {
      return true;
    }
  }
  return false;
}

bool Model::invariant_in(const Variable& variable, LoopId loop_id, Callers callers) const {
  if (!variable || loop_id == kNone) return false;
  const Node& loop_node = loops_[loop_id].node;
  // Rebound inside the loop?
  if (variable.symbol != kNone) {
    for (const BindingId id : symbols_[variable.symbol].bindings) {
      if (bindings_[id].kind != BindingKind::Annotation && contains(loop_node, bindings_[id].target)) return false;
    }
  } else {
    for (const std::uint32_t i : attribute_stores_named(variable.attr)) {
      if (contains(loop_node, attributes_[i].node)) return false;
    }
    // `p.hand` with p rebound in the loop is another object's list on each iteration.
    if (variable.object_symbol != kNone) {
      for (const BindingId id : symbols_[variable.object_symbol].bindings) {
        if (bindings_[id].kind != BindingKind::Annotation && contains(loop_node, bindings_[id].target)) return false;
      }
    }
  }
  // Mutated inside the loop?
  for (const UseSite& site : uses(variable)) {
    if (contains(loop_node, site.node) && is_mutation(site.use)) return false;
  }
  // Code we cannot see may mutate it only if it can reach it. A call reaches a value through its
  // arguments, its receiver, a global, an attribute or a closure: a local or parameter that none of
  // those expose is stable across any call (the residual risk, documented: a caller that keeps an
  // alias of a parameter and mutates it from a callback). A name of another scope (a global, a
  // closure cell) is reachable by any call; `self.attr` by a call that is handed the instance.
  bool reachable = false;
  ScopeId reaching_class = kNone;  // attributes: only calls that mention this class's instance reach it
  if (variable.symbol != kNone) {
    const Symbol& symbol = symbols_[variable.symbol];
    reachable = symbol.scope != running_scope(loops_[loop_id].scope) || captured_by_nested_scope(variable.symbol) ||
                usage(variable).escapes;
    if (callers == Callers::Untrusted) {
      for (const BindingId id : symbol.bindings) {
        if (bindings_[id].kind == BindingKind::Parameter) reachable = true;
      }
    }
  } else if (callers == Callers::Untrusted || usage(variable).escapes) {
    reachable = true;  // an object's attribute: reachable from wherever the object is
  } else if (attribute_changed_outside_init(variable)) {
    reaching_class = variable.attribute_class;
  } else {
    return true;  // only ever set up by __init__ and never handed out: no call can change it
  }
  if (!reachable && reaching_class == kNone) return true;
  // The loop's own iterable runs once, before the first iteration: only calls after it repeat.
  const Node& iterable = loops_[loop_id].iterable;
  if (iterable && iterable.start_byte() >= loop_node.start_byte()) {
    return !opaque_call_between(loop_node.start_byte(), iterable.start_byte(), reaching_class) &&
           !opaque_call_between(iterable.end_byte(), loop_node.end_byte(), reaching_class);
  }
  return !opaque_call_between(loop_node.start_byte(), loop_node.end_byte(), reaching_class);
}

bool Model::in_raise(std::uint32_t byte) const {
  // Raise statements do not nest: only the last one starting before `byte` can hold it.
  const auto after = std::upper_bound(raises_.begin(), raises_.end(), byte,
                                      [](std::uint32_t b, const auto& range) { return b < range.first; });
  return after != raises_.begin() && byte < std::prev(after)->second;
}

bool Model::captured_by_nested_scope(SymbolId id) const {
  const Symbol& symbol = symbols_[id];
  for (const ReferenceId r : symbol.references) {
    if (running_scope(references_[r].scope) != symbol.scope) return true;
  }
  for (const BindingId b : symbol.bindings) {
    if (running_scope(bindings_[b].scope) != symbol.scope) return true;  // nonlocal / global rebinding
  }
  return false;
}

bool Model::attribute_changed_outside_init(const Variable& variable) const {
  const auto in_init = [&](ScopeId scope) {
    const Scope& s = scopes_[scope];
    return s.kind == ScopeKind::Function && s.parent == variable.attribute_class &&
           text(s.node.field(Field::Name)) == "__init__";
  };
  for (const std::uint32_t i : attribute_stores_named(variable.attr)) {
    const AttributeAccess& a = attributes_[i];
    if (instance_class(a.object) == variable.attribute_class && !in_init(a.scope)) return true;
  }
  for (const UseSite& site : uses(variable)) {
    if (is_mutation(site.use) && !in_init(site.scope)) return true;
  }
  return false;
}

bool Model::mentions_instance(const Node& call, ScopeId cls) const {
  // The receiver chain and every argument: `self.helper()`, `f(self)`, `g(self.items)`.
  std::vector<Node> pending{call};
  while (!pending.empty()) {
    const Node n = pending.back();
    pending.pop_back();
    if (n.is(Kind::Identifier)) {
      if (instance_class(n) == cls) return true;
      continue;
    }
    for (const Node child : n.named_children()) pending.push_back(child);
  }
  return false;
}

}  // namespace pyperf::semantic
