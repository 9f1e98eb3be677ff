#include "lint/hashability.hpp"

#include <fmt/core.h>

#include <string_view>
#include <vector>

#include "syntax/expressions.hpp"

namespace pyperf::lint {

using semantic::BindingKind;
using semantic::Model;
using semantic::ValueKind;
using syntax::Field;
using syntax::Kind;
using syntax::Node;
using syntax::unparenthesize;

namespace {

// Evidence chains (a name bound to an element of a list built from a comprehension …) are
// followed this far; deeper means unknown.
constexpr int kMaxDepth = 4;
// ... and at most this many steps per question: each step may fan out over a variable's uses, so
// a large file could otherwise make one question expensive.
constexpr int kMaxSteps = 2000;

struct Walk {
  const Model& model;
  int steps = 0;
  bool exhausted() { return ++steps > kMaxSteps; }
};

std::string value_reason(const Node& expression, Walk& w, int depth);
std::string elements_reason(const Node& collection, Walk& w, int depth);
std::string class_reason(const Node& class_def, Walk& w, int depth);

// Builtin container kinds whose instances are never hashable.
bool unhashable_kind(ValueKind kind) {
  return semantic::is_mutable_container(kind);
}

std::string_view display_name(Kind kind) {
  switch (kind) {
    case Kind::List:
    case Kind::ListComprehension:
      return "a list";
    case Kind::Dictionary:
    case Kind::DictionaryComprehension:
      return "a dict";
    case Kind::Set:
    case Kind::SetComprehension:
      return "a set";
    default:
      return {};
  }
}

// The class_definition a name or dotted name refers to when its only reaching binding is a
// `class` statement of this file; null otherwise.
Node class_named(const Node& expression, Walk& w) {
  const Node e = unparenthesize(expression);
  if (!e.is(Kind::Identifier)) return {};
  const semantic::Reference* ref = w.model.reference_at(e);
  if (ref == nullptr || ref->symbol == semantic::kNone) return {};
  const std::vector<semantic::BindingId> bindings = w.model.reaching_bindings(*ref);
  if (bindings.size() != 1) return {};
  const semantic::Binding& b = w.model.binding(bindings.front());
  return b.kind == BindingKind::ClassDef ? b.statement : Node{};
}

std::string annotation_reason(const Node& annotation, Walk& w, int depth) {
  if (!annotation) return {};
  const semantic::KindInfo kind = w.model.kind_of_annotation(annotation);
  if (unhashable_kind(kind.kind)) return fmt::format("a {}", semantic::to_string(kind.kind));
  Node type = annotation;
  if (type.is(Kind::Type) && type.named_child_count() == 1) type = type.named_child(0);
  if (const Node cls = class_named(type, w)) return class_reason(cls, w, depth + 1);
  return {};
}

std::string binding_reason(const semantic::Binding& b, Walk& w, int depth) {
  switch (b.kind) {
    case BindingKind::Assignment:
    case BindingKind::Annotation:
    case BindingKind::Parameter:
    case BindingKind::NamedExpression: {
      if (b.unpacked || b.star != 0) return {};
      if (std::string why = annotation_reason(b.annotation, w, depth); !why.empty()) return why;
      return b.value ? value_reason(b.value, w, depth + 1) : std::string{};
    }
    case BindingKind::ForTarget:
    case BindingKind::ComprehensionTarget:
      if (b.unpacked) return {};
      return elements_reason(b.statement.field(Field::Right), w, depth + 1);
    default:
      return {};
  }
}

std::string value_reason(const Node& expression, Walk& w, int depth) {
  if (depth > kMaxDepth || !expression || w.exhausted()) return {};
  const Node e = unparenthesize(expression);
  if (const std::string_view what = display_name(e.kind()); !what.empty()) return std::string(what);
  if (const semantic::KindInfo kind = w.model.kind_of(e); unhashable_kind(kind.kind)) {
    return fmt::format("a {}", semantic::to_string(kind.kind));
  }
  if (e.is(Kind::Call)) {
    const Node cls = class_named(e.field(Field::Function), w);
    return cls ? class_reason(cls, w, depth + 1) : std::string{};
  }
  if (e.is(Kind::Identifier)) {
    const semantic::Reference* ref = w.model.reference_at(e);
    if (ref == nullptr || ref->symbol == semantic::kNone) return {};
    // Any path that binds an unhashable value is enough: a set or dict key would fail there.
    for (const semantic::BindingId id : w.model.reaching_bindings(*ref)) {
      if (std::string why = binding_reason(w.model.binding(id), w, depth); !why.empty()) return why;
    }
  }
  return {};
}

// The one positional argument of `call` (no keywords, no unpacking), else null.
Node argument(const Node& call, std::uint32_t index) {
  const Node args = call.field(Field::Arguments);
  if (!args.is(Kind::ArgumentList)) return {};
  std::uint32_t i = 0;
  for (const Node arg : args.named_children()) {
    if (arg.is(Kind::Comment)) continue;
    if (arg.is(Kind::KeywordArgument) || arg.is(Kind::ListSplat) || arg.is(Kind::DictionarySplat)) return {};
    if (i++ == index) return arg;
  }
  return {};
}

std::string elements_reason(const Node& collection, Walk& w, int depth) {
  if (depth > kMaxDepth || !collection || w.exhausted()) return {};
  const Node c = unparenthesize(collection);
  switch (c.kind()) {
    case Kind::List:
    case Kind::Tuple:
    case Kind::Set:
      for (const Node element : c.named_children()) {
        if (element.is(Kind::Comment)) continue;
        std::string why = element.is(Kind::ListSplat) ? elements_reason(element.named_child(0), w, depth + 1)
                                                      : value_reason(element, w, depth + 1);
        if (!why.empty()) return why;
      }
      return {};
    case Kind::ListComprehension:
    case Kind::SetComprehension:
    case Kind::GeneratorExpression:
      return value_reason(c.field(Field::Body), w, depth + 1);
    case Kind::BinaryOperator: {
      // `a + b` holds the elements of both; `[[]] * n` repeats the display's elements.
      if (std::string why = elements_reason(c.field(Field::Left), w, depth + 1); !why.empty()) return why;
      return elements_reason(c.field(Field::Right), w, depth + 1);
    }
    case Kind::Call: {
      const Node fn = c.field(Field::Function);
      for (const std::string_view copy : {"list", "tuple", "sorted", "reversed"}) {
        if (w.model.is_builtin(fn, copy)) return elements_reason(argument(c, 0), w, depth + 1);
      }
      return {};
    }
    case Kind::Identifier:
    case Kind::Attribute:
      break;
    default:
      return {};
  }
  // A variable: what its bindings hold, and what is added to it anywhere.
  if (c.is(Kind::Identifier)) {
    if (const semantic::Reference* ref = w.model.reference_at(c); ref != nullptr && ref->symbol != semantic::kNone) {
      for (const semantic::BindingId id : w.model.reaching_bindings(*ref)) {
        const semantic::Binding& b = w.model.binding(id);
        if (b.unpacked || !b.value) continue;
        if (b.kind != BindingKind::Assignment && b.kind != BindingKind::NamedExpression) continue;
        if (std::string why = elements_reason(b.value, w, depth + 1); !why.empty()) return why;
      }
    }
  }
  const Model::Variable variable = w.model.variable_of(c);
  if (!variable) return {};
  if (variable.attribute_class != semantic::kNone) {
    for (const Node store : w.model.attribute_stores(variable)) {
      const Node assignment = store.parent();  // rare: only when a rule is about to report
      if (!assignment.is(Kind::Assignment) || !(assignment.field(Field::Left) == store)) continue;
      if (std::string why = elements_reason(assignment.field(Field::Right), w, depth + 1); !why.empty()) {
        return why;
      }
    }
  }
  for (const Model::UseSite& site : w.model.uses(variable)) {
    if (site.use.kind == semantic::UseKind::AugAssign) {
      Node statement = site.use.site;
      if (statement.is(Kind::ExpressionStatement)) statement = statement.named_child(0);
      if (!statement.is(Kind::AugmentedAssignment) || w.model.text(statement.field(Field::Operator)) != "+=") continue;
      if (std::string why = elements_reason(statement.field(Field::Right), w, depth + 1); !why.empty()) {
        return why;
      }
      continue;
    }
    if (site.use.kind != semantic::UseKind::MethodCall) continue;
    const std::string_view method = site.use.member;
    std::string why;
    if (method == "append") {
      why = value_reason(argument(site.use.site, 0), w, depth + 1);
    } else if (method == "insert") {
      why = value_reason(argument(site.use.site, 1), w, depth + 1);
    } else if (method == "extend") {
      why = elements_reason(argument(site.use.site, 0), w, depth + 1);
    }
    if (!why.empty()) return why;
  }
  return {};
}

// A `True` / `False` keyword argument of a decorator call; `fallback` when absent or not a literal.
bool flag(const Node& call, std::string_view name, bool fallback, Walk& w) {
  if (!call.is(Kind::Call)) return fallback;
  for (const Node arg : call.field(Field::Arguments).named_children()) {
    if (!arg.is(Kind::KeywordArgument) || w.model.text(arg.field(Field::Name)) != name) continue;
    const Node value = unparenthesize(arg.field(Field::Value));
    if (value.is(Kind::True)) return true;
    if (value.is(Kind::False)) return false;
    return fallback;
  }
  return fallback;
}

// `field(hash=False)` / `field(compare=False)`: a dataclass field that the generated hash skips.
bool excluded_from_hash(const Node& value, Walk& w) {
  const Node v = unparenthesize(value);
  return v.is(Kind::Call) && (!flag(v, "hash", true, w) || !flag(v, "compare", true, w));
}

std::string class_reason(const Node& class_def, Walk& w, int depth) {
  if (depth > kMaxDepth || !class_def.is(Kind::ClassDefinition) || w.exhausted()) return {};
  const std::string_view name = w.model.text(class_def.field(Field::Name));
  bool has_eq = false;
  bool has_hash = false;
  bool hash_none = false;
  std::vector<Node> fields;  // annotated assignments of the body: dataclass fields
  for (Node statement : class_def.field(Field::Body).named_children()) {
    if (statement.is(Kind::DecoratedDefinition)) statement = statement.field(Field::Definition);
    if (statement.is(Kind::FunctionDefinition)) {
      const std::string_view fn = w.model.text(statement.field(Field::Name));
      has_eq = has_eq || fn == "__eq__";
      has_hash = has_hash || fn == "__hash__";
      continue;
    }
    if (!statement.is(Kind::ExpressionStatement)) continue;
    const Node assignment = statement.named_child(0);
    if (!assignment.is(Kind::Assignment) || !assignment.field(Field::Left).is(Kind::Identifier)) continue;
    if (w.model.text(assignment.field(Field::Left)) == "__hash__") {
      const bool none = unparenthesize(assignment.field(Field::Right)).is(Kind::None);
      hash_none = hash_none || none;
      has_hash = has_hash || !none;
    } else if (assignment.field(Field::TypeAnnotation)) {
      fields.push_back(assignment);
    }
  }
  if (hash_none) return fmt::format("`{}` sets `__hash__ = None`", name);
  if (has_hash) return {};

  const Node decorated = class_def.parent();  // rare: only when a rule is about to report
  if (decorated.is(Kind::DecoratedDefinition)) {
    for (const Node decorator : decorated.named_children()) {
      if (!decorator.is(Kind::Decorator)) continue;
      const Node expression = unparenthesize(decorator.named_child(0));
      const Node fn = expression.is(Kind::Call) ? expression.field(Field::Function) : expression;
      if (w.model.qualified_name(fn) != "dataclasses.dataclass") continue;
      if (flag(expression, "unsafe_hash", false, w) || !flag(expression, "eq", true, w)) break;
      if (!flag(expression, "frozen", false, w)) {
        return fmt::format("`{}` is a `@dataclass` with eq=True that is not frozen: its `__hash__` is None", name);
      }
      // Frozen: the generated hash hashes the fields' values.
      for (const Node field : fields) {
        const semantic::KindInfo kind = w.model.kind_of_annotation(field.field(Field::TypeAnnotation));
        if (!unhashable_kind(kind.kind)) continue;
        if (const Node value = field.field(Field::Right); value && excluded_from_hash(value, w)) continue;
        return fmt::format("`{}` is a frozen dataclass whose field `{}` is a {}: hashing it raises TypeError", name,
                           w.model.text(field.field(Field::Left)), semantic::to_string(kind.kind));
      }
      break;
    }
  }
  if (has_eq) return fmt::format("`{}` defines `__eq__` without `__hash__`", name);

  // A class that defines neither inherits its bases' `__hash__`.
  const Node bases = class_def.field(Field::Superclasses);
  if (!bases) return {};
  for (const Node base : bases.named_children()) {
    if (base.is(Kind::KeywordArgument) || base.is(Kind::Comment)) continue;
    for (const std::string_view builtin : {"list", "dict", "set", "bytearray"}) {
      if (w.model.is_builtin(base, builtin)) return fmt::format("`{}` subclasses `{}`", name, builtin);
    }
    if (const Node parent = class_named(base, w)) {
      if (std::string why = class_reason(parent, w, depth + 1); !why.empty()) {
        return fmt::format("`{}` inherits from `{}`: {}", name, w.model.text(base), why);
      }
    }
  }
  return {};
}

}  // namespace

std::string unhashable_class_reason(const Node& class_def, const Model& model) {
  Walk walk{model};
  return class_reason(class_def, walk, 0);
}

std::string unhashable_value_reason(const Node& expression, const Model& model) {
  Walk walk{model};
  return value_reason(expression, walk, 0);
}

std::string unhashable_elements_reason(const Node& collection, const Model& model) {
  Walk walk{model};
  return elements_reason(collection, walk, 0);
}

}  // namespace pyperf::lint
