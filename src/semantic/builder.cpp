#include "semantic/builder.hpp"

#include <array>
#include <initializer_list>

#include <algorithm>

namespace pyperf::semantic {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

namespace {

// Containers through which an assignment target's store context flows to the names inside.
bool is_target_container(Kind kind) {
  switch (kind) {
    case Kind::PatternList:
    case Kind::TuplePattern:
    case Kind::ListPattern:
    case Kind::Tuple:
    case Kind::List:
    case Kind::ParenthesizedExpression:
    case Kind::ExpressionList:
    case Kind::ListSplat:
    case Kind::ListSplatPattern:
    case Kind::DictionarySplatPattern:
    case Kind::AsPatternTarget:
      return true;
    default:
      return false;
  }
}

bool is_case_pattern_kind(Kind kind) {
  switch (kind) {
    case Kind::CasePattern:
    case Kind::ListPattern:
    case Kind::TuplePattern:
    case Kind::UnionPattern:
    case Kind::AsPattern:
    case Kind::DictPattern:
    case Kind::SplatPattern:
    case Kind::ClassPattern:
    case Kind::KeywordPattern:
    case Kind::ComplexPattern:
    case Kind::DottedName:
      return true;
    default:
      return false;
  }
}

// The value finally bound by a (possibly chained) assignment: `a = b = v` binds v to both.
Node final_value(Node value) {
  while (value.is(Kind::Assignment)) value = value.field(Field::Right);
  return value;
}

// The family of statement or expression a parent node belongs to, for child_frame().
enum class Family : std::uint8_t { Other, Definition, Binding, Loop, Import, Expression, Pattern };

constexpr std::array<Family, syntax::kKindCount> kFamilies = [] {
  std::array<Family, syntax::kKindCount> out{};
  const auto set = [&out](Family family, std::initializer_list<Kind> kinds) {
    for (const Kind k : kinds) out[static_cast<std::size_t>(k)] = family;
  };
  set(Family::Definition,
      {Kind::FunctionDefinition, Kind::Lambda, Kind::ClassDefinition, Kind::Parameters, Kind::LambdaParameters,
       Kind::DefaultParameter, Kind::TypedDefaultParameter, Kind::TypedParameter});
  set(Family::Binding, {Kind::Assignment, Kind::AugmentedAssignment, Kind::NamedExpression, Kind::DeleteStatement,
                        Kind::GlobalStatement, Kind::NonlocalStatement, Kind::TypeAliasStatement});
  set(Family::Loop, {Kind::ForStatement, Kind::WhileStatement, Kind::ListComprehension, Kind::SetComprehension,
                     Kind::DictionaryComprehension, Kind::GeneratorExpression, Kind::ForInClause});
  set(Family::Import, {Kind::ImportStatement, Kind::ImportFromStatement, Kind::FutureImportStatement,
                       Kind::AliasedImport, Kind::DottedName});
  set(Family::Expression, {Kind::Attribute, Kind::KeywordArgument, Kind::Subscript});
  set(Family::Pattern, {Kind::WithItem, Kind::ExceptClause, Kind::AsPattern, Kind::CaseClause});
  return out;
}();

}  // namespace

Builder::Builder(Model& model) : model_(model) {
  frames_.reserve(256);
}

ScopeId Builder::push_scope(ScopeKind kind, const Node& node, ScopeId parent, LoopId loop_outside) {
  model_.scopes_.push_back(Scope{kind, parent, node, loop_outside, false, {}, {}, {}});
  return static_cast<ScopeId>(model_.scopes_.size() - 1);
}

LoopId Builder::push_loop(LoopKind kind, const Node& node, const Node& iterable, LoopId parent, ScopeId scope) {
  const std::uint32_t depth = parent == kNone ? 1 : model_.loops_[parent].depth + 1;
  model_.loops_.push_back(Loop{kind, node, iterable, parent, depth, scope});
  return static_cast<LoopId>(model_.loops_.size() - 1);
}

void Builder::enter(const Node& node, Field field) {
  const Kind kind = node.kind();
  if (frames_.empty()) {
    Frame root;
    root.node = node;
    root.kind = kind;
    root.ctx = Ctx::Load;
    root.loop = kNone;
    root.block = 0;
    root.scope = push_scope(ScopeKind::Module, node, kNone, kNone);
    frames_.push_back(root);
    return;
  }
  Frame frame = child_frame(frames_.back(), node, kind, field);
  track_exits(frames_.back(), frame);
  switch (kind) {
    case Kind::Block:
      frame.block = push_block(frame.block);
      for (const Node statement : node.named_children()) {
        if (statement.is(Kind::BreakStatement) || statement.is(Kind::ReturnStatement) ||
            statement.is(Kind::RaiseStatement)) {
          frame.first_exit = statement.start_byte();
          break;
        }
      }
      break;
    case Kind::FunctionDefinition:
    case Kind::Lambda:
    case Kind::ClassDefinition: {
      const ScopeKind scope_kind = kind == Kind::ClassDefinition ? ScopeKind::Class
                                   : kind == Kind::Lambda        ? ScopeKind::Lambda
                                                                 : ScopeKind::Function;
      frame.new_scope = push_scope(scope_kind, node, frame.scope, frame.loop);
      // Parameters live in a block of their own that dominates the whole body.
      frame.outer_block = frame.block;
      frame.block = push_block(frame.block);
      break;
    }
    case Kind::ListComprehension:
    case Kind::SetComprehension:
    case Kind::DictionaryComprehension:
    case Kind::GeneratorExpression: {
      frame.new_scope = push_scope(ScopeKind::Comprehension, node, frame.scope, frame.loop);
      frame.block = push_block(frame.block);
      // Every for_in_clause is one nested loop; the element (which comes first in the source)
      // runs in the innermost. Create them all now so the element sees its loop.
      for (const Node child : node.named_children()) {
        if (!child.is(Kind::ForInClause)) continue;
        const LoopId parent = frame.clauses == 0 ? frame.loop : frame.first_loop + frame.clauses - 1;
        const LoopId id = push_loop(LoopKind::Comprehension, node, child.field(Field::Right), parent, frame.new_scope);
        if (frame.clauses == 0) frame.first_loop = id;
        ++frame.clauses;
      }
      break;
    }
    case Kind::ForStatement: {
      const bool is_async = node.child(0).is(Kind::KwAsync);
      frame.new_loop = push_loop(is_async ? LoopKind::AsyncFor : LoopKind::For, node, node.field(Field::Right),
                                 frame.loop, frame.scope);
      break;
    }
    case Kind::WhileStatement:
      frame.new_loop = push_loop(LoopKind::While, node, Node{}, frame.loop, frame.scope);
      break;
    case Kind::WildcardImport:
      model_.scopes_[frame.scope].star_import = true;
      break;
    case Kind::Call:
      model_.calls_.push_back(node);
      break;
    case Kind::RaiseStatement:
      model_.raises_.emplace_back(node.start_byte(), node.end_byte());
      break;
    case Kind::Identifier:
      frames_.push_back(frame);  // classify() reads the node's own frame on top of the stack
      on_identifier(frames_.back(), node);
      return;
    case Kind::Attribute:
      frames_.push_back(frame);
      on_attribute(frames_.back(), node);
      return;
    default:
      break;
  }
  frames_.push_back(frame);
}

BlockId Builder::push_block(BlockId parent) {
  model_.block_parent_.push_back(parent);
  return static_cast<BlockId>(model_.block_parent_.size() - 1);
}

void Builder::leave(const Node&) {
  if (frames_.size() > 1) frames_.pop_back();
}

void Builder::track_exits(const Frame& parent, Frame& f) {
  switch (parent.kind) {
    case Kind::ForStatement:
    case Kind::WhileStatement:
    case Kind::ListComprehension:
    case Kind::SetComprehension:
    case Kind::DictionaryComprehension:
    case Kind::GeneratorExpression:
    case Kind::FunctionDefinition:
    case Kind::ClassDefinition:
    case Kind::Lambda:
      return;  // a new loop (or none): what followed the statement outside it does not count
    default:
      break;
  }
  f.leaves_loop = parent.leaves_loop;
  f.loop_try = parent.loop_try || parent.kind == Kind::TryStatement;
  if (parent.kind == Kind::Block && !parent.loop_try &&
      parent.first_exit != std::numeric_limits<std::uint32_t>::max() && f.node.start_byte() < parent.first_exit) {
    f.leaves_loop = true;
  }
}

Builder::Frame Builder::child_frame(const Frame& parent, const Node& node, Kind kind, Field field) {
  Frame f;
  f.node = node;
  f.kind = kind;
  f.field = field;
  f.block = parent.block;
  f.ctx = parent.ctx == Ctx::NotAName ? Ctx::NotAName : Ctx::Load;
  f.scope = parent.scope;
  f.loop = parent.loop;
  f.in_case = false;
  f.store_kind = parent.store_kind;
  f.value = parent.value;
  f.statement = parent.statement;
  f.annotation = parent.annotation;
  f.param_scope = parent.param_scope;
  if (kind == Kind::Assignment) {
    const bool inner = parent.kind == Kind::Assignment && field == Field::Right;
    f.chain_value = inner ? parent.chain_value : final_value(node);
  }

  switch (kFamilies[static_cast<std::size_t>(parent.kind)]) {
    case Family::Definition:
      definition_child(parent, f, node, kind, field);
      return f;
    case Family::Binding:
      binding_child(parent, f, field);
      return f;
    case Family::Loop:
      loop_child(parent, f, kind, field);
      return f;
    case Family::Import:
      import_child(parent, f, kind, field);
      return f;
    case Family::Expression:
      expression_child(parent, f, field);
      return f;
    case Family::Pattern:
      pattern_child(parent, f, kind, field);
      return f;
    case Family::Other:
      break;
  }
  if (parent.in_case) {
    case_pattern_child(parent, f, node, kind, field);
  } else {
    target_child(parent, f, kind);
  }
  return f;
}

// Children of def, class and lambda: their name, parameters (with defaults and annotations) and body.
void Builder::definition_child(const Frame& parent, Frame& f, const Node& node, Kind kind, Field field) {
  switch (parent.kind) {
    case Kind::FunctionDefinition:
    case Kind::Lambda:
    case Kind::ClassDefinition:
      if (field == Field::Name) {
        f.block = parent.outer_block;  // the name is bound where the def statement runs
        f.bind(parent.kind == Kind::ClassDefinition ? BindingKind::ClassDef : BindingKind::FunctionDef, parent.node);
      } else if (field == Field::Parameters) {
        f.ctx = Ctx::Param;
        f.param_scope = parent.new_scope;
      } else if (field == Field::Body) {
        f.scope = parent.new_scope;
        // A function body runs when called, not once per iteration of a loop around the def.
        if (parent.kind != Kind::ClassDefinition) f.loop = kNone;
      } else if (field == Field::TypeParameters) {
        f.ctx = Ctx::NotAName;
      }
      return;
    case Kind::Parameters:
    case Kind::LambdaParameters:
      if (parent.ctx == Ctx::Param) {
        f.ctx = Ctx::Param;
        f.annotation = {};
        if (kind == Kind::TypedParameter || kind == Kind::TypedDefaultParameter) {
          f.annotation = node.field(Field::TypeAnnotation);
        }
      }
      return;
    case Kind::DefaultParameter:
    case Kind::TypedDefaultParameter:
    case Kind::TypedParameter:
      if (parent.ctx == Ctx::Param) {
        // Defaults and annotations are evaluated in the enclosing scope when the def runs.
        const bool is_name =
            parent.kind == Kind::TypedParameter ? field != Field::TypeAnnotation : field == Field::Name;
        f.ctx = is_name ? Ctx::Param : Ctx::Load;
      }
      return;
    default:
      return;
  }
}

// Children of statements that bind or unbind names: assignments, walrus, del, type aliases, global/nonlocal.
void Builder::binding_child(const Frame& parent, Frame& f, Field field) {
  switch (parent.kind) {
    case Kind::Assignment:
      if (field == Field::Left) {
        const Node right = parent.node.field(Field::Right);
        f.bind(right ? BindingKind::Assignment : BindingKind::Annotation, parent.node, parent.chain_value,
               parent.node.field(Field::TypeAnnotation));
      }
      return;
    case Kind::AugmentedAssignment:
      if (field == Field::Left) {
        f.ctx = Ctx::AugStore;
        f.store_kind = BindingKind::AugmentedAssignment;
        f.value = parent.node.field(Field::Right);
        f.statement = parent.node;
        f.annotation = {};
        f.unpacked = false;
      }
      return;
    case Kind::NamedExpression:
      if (field == Field::Name) {
        f.bind(BindingKind::NamedExpression, parent.node, parent.node.field(Field::Value));
      }
      return;
    case Kind::DeleteStatement:
      f.ctx = Ctx::Del;
      f.statement = parent.node;
      return;
    case Kind::GlobalStatement:
    case Kind::NonlocalStatement:
      f.ctx = Ctx::Declare;
      f.global_decl = parent.kind == Kind::GlobalStatement;
      return;
    case Kind::TypeAliasStatement:
      if (field == Field::Left) {
        f.bind(BindingKind::TypeAlias, parent.node);
      } else {
        f.ctx = Ctx::NotAName;  // lazily evaluated
      }
      return;
    default:
      return;
  }
}

// Children of for and while loops and comprehension clauses: which loop and scope the child runs in.
void Builder::loop_child(const Frame& parent, Frame& f, Kind kind, Field field) {
  switch (parent.kind) {
    case Kind::ForStatement:
      if (field == Field::Left) {
        f.bind(BindingKind::ForTarget, parent.node);
        f.loop = parent.new_loop;
      } else if (field == Field::Body) {
        f.loop = parent.new_loop;
      }
      return;
    case Kind::WhileStatement:
      if (field == Field::Condition || field == Field::Body) f.loop = parent.new_loop;
      return;
    case Kind::ListComprehension:
    case Kind::SetComprehension:
    case Kind::DictionaryComprehension:
    case Kind::GeneratorExpression: {
      Frame& comp = frames_.back();
      if (field == Field::Body) {
        f.scope = comp.new_scope;
        f.loop = comp.clauses == 0 ? comp.loop : comp.first_loop + comp.clauses - 1;
      } else if (kind == Kind::ForInClause) {
        ++comp.clause;
        f.clause = comp.clause;
        f.scope = comp.new_scope;
        f.new_loop = comp.first_loop + comp.clause - 1;
        f.loop = f.new_loop;
        // The outer loop, where this clause's iterable is evaluated.
        f.first_loop = comp.clause == 1 ? comp.loop : f.new_loop - 1;
      } else if (kind == Kind::IfClause) {
        f.scope = comp.new_scope;
        f.loop = comp.clause == 0 ? comp.loop : comp.first_loop + comp.clause - 1;
      }
      return;
    }
    case Kind::ForInClause:
      if (field == Field::Left) {
        f.bind(BindingKind::ComprehensionTarget, parent.node);
        f.loop = parent.new_loop;
      } else if (field == Field::Right) {
        f.loop = parent.first_loop;
        // The first iterable is evaluated in the scope enclosing the comprehension.
        if (parent.clause == 1) f.scope = model_.scopes_[parent.scope].parent;
      }
      return;
    default:
      return;
  }
}

// Children of import statements and dotted names.
void Builder::import_child(const Frame& parent, Frame& f, Kind kind, Field field) {
  switch (parent.kind) {
    case Kind::ImportStatement:
      if (field == Field::Name) {
        f.ctx = kind == Kind::DottedName ? Ctx::ImportName : Ctx::Load;
        f.store_kind = BindingKind::Import;
        f.statement = parent.node;
        f.value = {};
        f.annotation = {};
      }
      return;
    case Kind::ImportFromStatement:
      if (field == Field::Name) {
        f.bind(BindingKind::ImportFrom, parent.node);
      } else {
        f.ctx = Ctx::NotAName;
      }
      return;
    case Kind::FutureImportStatement:
      f.ctx = Ctx::NotAName;
      return;
    case Kind::AliasedImport:
      f.ctx = field == Field::Alias ? Ctx::Store : Ctx::NotAName;
      return;
    case Kind::DottedName: {
      Frame& dotted = frames_.back();
      if (kind != Kind::Identifier) return;
      ++dotted.clause;
      if (parent.ctx == Ctx::ImportName) {
        f.ctx = dotted.clause == 1 ? Ctx::Store : Ctx::NotAName;  // `import a.b` binds `a`
      } else if (parent.ctx == Ctx::Store || parent.ctx == Ctx::NotAName) {
        f.ctx = parent.ctx;
      } else if (parent.in_case) {
        // A lone name is a capture pattern; a dotted one (Color.RED) is a value pattern.
        if (parent.ctx == Ctx::Capture) {
          f.ctx = Ctx::Capture;
        } else {
          f.ctx = dotted.clause == 1 ? Ctx::Load : Ctx::NotAName;
        }
      } else {
        f.ctx = dotted.clause == 1 ? Ctx::Load : Ctx::NotAName;
      }
      return;
    }
    default:
      return;
  }
}

// Children of expressions whose children are not all names: attributes, keyword arguments, subscripts.
void Builder::expression_child(const Frame& parent, Frame& f, Field field) {
  switch (parent.kind) {
    case Kind::Attribute:
      f.unpacked = false;
      f.ctx = field == Field::Attribute ? Ctx::NotAName : (parent.ctx == Ctx::NotAName ? Ctx::NotAName : Ctx::Load);
      return;
    case Kind::KeywordArgument:
      if (field == Field::Name) f.ctx = Ctx::NotAName;
      return;
    case Kind::Subscript:
      // `x[i] = v` and `del x[i]` store into / delete from x: they read the name x.
      f.unpacked = false;
      if (parent.ctx != Ctx::NotAName) f.ctx = Ctx::Load;
      return;
    default:
      return;
  }
}

// Children of with/except targets and match cases.
void Builder::pattern_child(const Frame& parent, Frame& f, Kind kind, Field field) {
  switch (parent.kind) {
    case Kind::WithItem:
      if (kind == Kind::AsPattern) f.store_kind = BindingKind::WithTarget;
      return;
    case Kind::ExceptClause:
      if (kind == Kind::AsPattern) f.store_kind = BindingKind::ExceptTarget;
      return;
    case Kind::AsPattern:
      if (parent.in_case) {
        f.in_case = true;
        if (kind == Kind::Identifier) f.ctx = Ctx::Capture;  // `case <pattern> as name`
      } else if (field == Field::Alias) {
        f.bind(parent.store_kind, parent.node);
      }
      return;
    case Kind::CaseClause:
      if (kind == Kind::CasePattern) {
        f.in_case = true;
        f.ctx = Ctx::Load;
      }
      return;
    default:
      return;
  }
}
// Inside a match case pattern: which names capture and which are read.
void Builder::case_pattern_child(const Frame& parent, Frame& f, const Node& node, Kind kind, Field field) {
  if (is_case_pattern_kind(kind)) f.in_case = true;
  if (kind == Kind::DottedName) {
    // A single name under a case/keyword/splat pattern captures; under a class pattern it is
    // the class being matched.
    const bool class_name = parent.kind == Kind::ClassPattern;
    f.ctx = (!class_name && node.named_child_count() == 1) ? Ctx::Capture : Ctx::Load;
  } else if (kind == Kind::Identifier) {
    if (parent.kind == Kind::KeywordPattern) {
      f.ctx = parent.node.named_child(0) == node ? Ctx::NotAName : Ctx::Capture;
    } else if (parent.kind == Kind::SplatPattern) {
      f.ctx = Ctx::Capture;
    }
  } else if (parent.kind == Kind::DictPattern && field == Field::Key) {
    f.in_case = false;
  }
  if (f.in_case && f.ctx != Ctx::Capture && f.ctx != Ctx::NotAName) f.ctx = Ctx::Load;
}

// Elsewhere: names inside assignment, deletion and parameter targets (tuples, lists, stars).
void Builder::target_child(const Frame& parent, Frame& f, Kind kind) {
  if (is_target_container(parent.kind) &&
      (parent.ctx == Ctx::Store || parent.ctx == Ctx::Del || parent.ctx == Ctx::Param)) {
    f.ctx = parent.ctx;
    // Names inside a tuple/list pattern or a starred target receive a piece of the value.
    const bool destructures = parent.kind != Kind::ParenthesizedExpression && parent.kind != Kind::AsPatternTarget &&
                              parent.kind != Kind::ExpressionList;
    f.unpacked = parent.unpacked || destructures;
    return;
  }
  if (parent.ctx == Ctx::Del && (kind == Kind::Identifier || is_target_container(kind))) {
    f.ctx = Ctx::Del;
    return;
  }
  if (parent.ctx == Ctx::Store && kind == Kind::Identifier && parent.kind == Kind::DottedName) {
    f.ctx = Ctx::Store;
  }
}

void Builder::on_identifier(const Frame& frame, const Node& node) {
  switch (frame.ctx) {
    case Ctx::Load:
      add_reference(frame, node, classify(frame));
      return;
    case Ctx::Store: {
      ScopeId target = frame.scope;
      if (frame.store_kind == BindingKind::NamedExpression) {
        // A walrus inside a comprehension binds in the enclosing function or module.
        while (model_.scopes_[target].kind == ScopeKind::Comprehension && model_.scopes_[target].parent != kNone) {
          target = model_.scopes_[target].parent;
        }
      }
      add_binding(target, frame.store_kind, node, frame);
      return;
    }
    case Ctx::AugStore:
      add_reference(frame, node, Use{UseKind::AugAssign, {}, frame.statement});
      add_binding(frame.scope, BindingKind::AugmentedAssignment, node, frame);
      return;
    case Ctx::Del:
      add_reference(frame, node, Use{UseKind::Delete, {}, frame.statement});
      add_binding(frame.scope, BindingKind::Deletion, node, frame);
      return;
    case Ctx::Param:
      if (frame.param_scope != kNone) add_binding(frame.param_scope, BindingKind::Parameter, node, frame);
      return;
    case Ctx::Capture:
      add_binding(frame.scope, BindingKind::MatchCapture, node, frame);
      return;
    case Ctx::Declare: {
      Scope& scope = model_.scopes_[frame.scope];
      (frame.global_decl ? scope.globals : scope.nonlocals).push_back(model_.text(node));
      return;
    }
    case Ctx::ImportName:
    case Ctx::NotAName:
      return;
  }
}

void Builder::on_attribute(const Frame& frame, const Node& node) {
  if (frame.ctx == Ctx::NotAName) return;
  const Node object = node.field(Field::Object);
  if (!object.is(Kind::Identifier)) return;
  AttributeAccess a;
  a.node = node;
  a.object = object;
  a.attr = model_.text(node.field(Field::Attribute));
  a.scope = frame.scope;
  a.loop = frame.loop;
  switch (frame.ctx) {
    case Ctx::Store:
      a.store = true;
      a.store_kind = frame.store_kind;
      a.value = frame.unpacked ? Node{} : frame.value;
      a.annotation = frame.annotation;
      if (frame.unpacked) a.store_kind = BindingKind::ForTarget;  // a piece of a value: unknown
      break;
    case Ctx::AugStore:
      a.store = true;
      a.store_kind = BindingKind::AugmentedAssignment;
      a.value = frame.value;
      a.use = Use{UseKind::AugAssign, {}, frame.statement};
      break;
    case Ctx::Del:
      a.store = true;
      a.store_kind = BindingKind::Deletion;
      break;
    default:
      a.use = classify(frame);
      break;
  }
  model_.attribute_index_.emplace_back(node.start_byte(), static_cast<std::uint32_t>(model_.attributes_.size()));
  model_.attributes_.push_back(a);
}

namespace {

// Builtins that neither mutate nor keep a reference to their arguments that could mutate later.
constexpr std::string_view kPureBuiltins[] = {
    "abs",   "all",      "any",       "bool",    "callable", "chr",  "dict", "divmod", "enumerate",  "filter",
    "float", "format",   "frozenset", "getattr", "hasattr",  "hash", "id",   "int",    "isinstance", "issubclass",
    "iter",  "len",      "list",      "map",     "max",      "min",  "next", "ord",    "print",      "repr",
    "range", "reversed", "round",     "set",     "sorted",   "str",  "sum",  "tuple",  "type",       "zip",
};

// Methods of builtin types that read an iterable argument without keeping or changing it.
bool is_copying_method(std::string_view name) {
  for (std::string_view m :
       {"join", "extend", "update", "union", "intersection", "difference", "symmetric_difference", "issubset",
        "issuperset", "isdisjoint", "extendleft", "index", "count", "startswith", "endswith", "format", "fromkeys"}) {
    if (m == name) return true;
  }
  return false;
}

// True when `node` is the right operand of an `in` / `not in` test in `comparison`.
bool is_membership_right(const Node& comparison, const Node& node) {
  Kind last_op = Kind::Other;
  auto children = comparison.children();
  for (auto it = children.begin(), end = children.end(); !(it == end); ++it) {
    const Node child = *it;
    if (it.field() == Field::Operators) {
      last_op = child.kind();
    } else if (child == node) {
      return last_op == Kind::KwIn || last_op == Kind::KwNotIn;
    }
  }
  return false;
}

}  // namespace

bool is_pure_builtin(std::string_view name) {
  for (std::string_view b : kPureBuiltins) {
    if (b == name) return true;
  }
  return false;
}

bool Builder::truth_test_above(std::size_t index) const {
  // frames_[index] is a boolean operator: climb through and/or/not/parentheses to what uses it.
  while (index > 0) {
    const Frame& f = frames_[index];
    const Frame& up = frames_[index - 1];
    switch (up.kind) {
      case Kind::BooleanOperator:
      case Kind::NotOperator:
        return true;  // `not` yields a bool whatever its operand
      case Kind::ParenthesizedExpression:
        --index;
        continue;
      case Kind::IfStatement:
      case Kind::ElifClause:
      case Kind::WhileStatement:
        return f.field == Field::Condition;
      case Kind::IfClause:
      case Kind::AssertStatement:
        return true;
      default:
        return false;
    }
  }
  return false;
}

Use Builder::classify(const Frame& frame) const {
  // frames_: [..., grandparent, parent, frame]
  const std::size_t n = frames_.size();
  if (n < 2) return {};
  const Frame& parent = frames_[n - 2];
  const Frame* grand = n >= 3 ? &frames_[n - 3] : nullptr;
  const Node& node = frame.node;
  switch (parent.kind) {
    case Kind::Attribute:
      if (frame.field == Field::Object) {
        const std::string_view member = model_.text(parent.node.field(Field::Attribute));
        if (grand != nullptr && grand->kind == Kind::Call && parent.field == Field::Function) {
          return {UseKind::MethodCall, member, grand->node};
        }
        return {UseKind::Attribute, member, parent.node};
      }
      return {};
    case Kind::Subscript: {
      if (frame.field != Field::Value) return {UseKind::Read, "index", node};
      bool slice = false;
      for (const Node child : parent.node.named_children()) {
        if (child.is(Kind::Slice)) slice = true;
      }
      switch (parent.ctx) {
        case Ctx::Store:
          return {slice ? UseKind::SliceStore : UseKind::IndexStore, {}, parent.node};
        case Ctx::AugStore:
          return {UseKind::IndexStore, {}, parent.node};
        case Ctx::Del:
          return {UseKind::IndexDelete, {}, parent.node};
        default:
          return {slice ? UseKind::Slice : UseKind::Index, {}, parent.node};
      }
    }
    case Kind::ComparisonOperator:
      if (is_membership_right(parent.node, node)) return {UseKind::Membership, {}, parent.node};
      return {UseKind::Read, "compare", parent.node};
    case Kind::ForStatement:
    case Kind::ForInClause:
      if (frame.field == Field::Right) return {UseKind::Iterate, {}, parent.node};
      return {};
    case Kind::ArgumentList:
      if (grand != nullptr && grand->kind == Kind::Call) {
        // Resolved to BuiltinCall in finish() when the callee is a pure builtin.
        return {UseKind::Argument, {}, grand->node};
      }
      return {};
    case Kind::KeywordArgument:
      return {UseKind::Argument, {}, parent.node};
    case Kind::ReturnStatement:
    case Kind::Yield:
      return {UseKind::Returned, {}, parent.node};
    case Kind::Lambda:
      return frame.field == Field::Body ? Use{UseKind::Returned, {}, parent.node} : Use{};
    case Kind::ExpressionList:
      if (grand != nullptr && (grand->kind == Kind::ReturnStatement || grand->kind == Kind::Yield)) {
        return {UseKind::Returned, {}, grand->node};
      }
      return {UseKind::Aliased, {}, parent.node};
    case Kind::Assignment:
      if (frame.field == Field::Right) return {UseKind::Aliased, {}, parent.node};
      if (frame.field == Field::TypeAnnotation) return {UseKind::Read, "annotation", node};
      return {};
    case Kind::AugmentedAssignment:
      return frame.field == Field::Right ? Use{UseKind::Read, "augmented", parent.node} : Use{};
    case Kind::NamedExpression:
    case Kind::List:
    case Kind::Tuple:
    case Kind::Set:
    case Kind::Dictionary:
    case Kind::Pair:
      return {UseKind::Aliased, {}, parent.node};
    // `member` tells plain reads apart: rules that change a value's type care whether it is
    // compared, formatted or unpacked.
    case Kind::NotOperator:
      return {UseKind::Read, "truth", parent.node};
    case Kind::BooleanOperator:
      // `a or b` may evaluate to a itself: an alias, unless the whole test only decides a branch
      // (`while lines and not lines[0]:`).
      return truth_test_above(n - 2) ? Use{UseKind::Read, "truth", parent.node} : Use{};
    case Kind::Interpolation:
      return {UseKind::Read, "format", parent.node};
    case Kind::ExpressionStatement:
      return {UseKind::Read, "statement", parent.node};
    case Kind::ListSplat:
    case Kind::DictionarySplat:
      return {UseKind::Read, "unpack", parent.node};
    case Kind::PrintStatement:
    case Kind::AssertStatement:
    case Kind::UnaryOperator:
      return {UseKind::Read, "other", parent.node};
    case Kind::BinaryOperator:
      return {UseKind::Read, model_.text(parent.node.field(Field::Operator)), parent.node};
    case Kind::IfStatement:
    case Kind::ElifClause:
    case Kind::WhileStatement:
      return frame.field == Field::Condition ? Use{UseKind::Read, "truth", parent.node} : Use{};
    case Kind::Type:
    case Kind::GenericType:
      return {UseKind::Read, "annotation", node};
    default:
      return {};
  }
}

void Builder::add_binding(ScopeId scope, BindingKind kind, const Node& target, const Frame& frame) {
  Binding b;
  b.scope = scope;
  b.kind = kind;
  b.target = target;
  b.statement = frame.statement;
  b.value = frame.value;
  b.annotation = frame.annotation;
  b.loop = kind == BindingKind::Parameter ? kNone : frame.loop;
  b.block = frame.block;
  b.unpacked = frame.unpacked;
  if (kind == BindingKind::Parameter) {
    const Frame& parent = frames_[frames_.size() - 2];
    if (parent.kind == Kind::ListSplatPattern) b.star = 1;
    if (parent.kind == Kind::DictionarySplatPattern) b.star = 2;
    b.unpacked = false;
  }
  if (kind == BindingKind::Parameter || kind == BindingKind::Deletion || kind == BindingKind::MatchCapture ||
      kind == BindingKind::Import || kind == BindingKind::ImportFrom) {
    b.value = {};
  }
  model_.bindings_.push_back(b);
  const auto id = static_cast<BindingId>(model_.bindings_.size() - 1);
  model_.binding_index_.emplace_back(target.start_byte(), id);
}

void Builder::add_reference(const Frame& frame, const Node& node, Use use) {
  Reference r;
  r.scope = frame.scope;
  r.loop = frame.loop;
  r.block = frame.block;
  r.node = node;
  r.use = use;
  if (!r.use.site) r.use.site = node;
  model_.references_.push_back(r);
  const auto id = static_cast<ReferenceId>(model_.references_.size() - 1);
  model_.reference_index_.emplace_back(node.start_byte(), id);
}

bool Builder::declared(const std::vector<std::string_view>& names, std::string_view name) const {
  return std::find(names.begin(), names.end(), name) != names.end();
}

SymbolId Builder::find_symbol(ScopeId scope, std::string_view name) const {
  const auto& symbols = model_.scopes_[scope].symbols;
  const auto it = symbols.find(name);
  return it == symbols.end() ? kNone : it->second;
}

SymbolId Builder::symbol_in(ScopeId scope, std::string_view name) {
  auto& symbols = model_.scopes_[scope].symbols;
  const auto [it, inserted] = symbols.try_emplace(name, static_cast<SymbolId>(model_.symbols_.size()));
  if (inserted) model_.symbols_.push_back(Symbol{name, scope, {}, {}});
  return it->second;
}

// Where a binding of `name` made by code in `scope` lands, after global/nonlocal declarations.
ScopeId Builder::binding_scope(ScopeId scope, std::string_view name) const {
  const Scope& s = model_.scopes_[scope];
  if (declared(s.globals, name)) return 0;
  if (declared(s.nonlocals, name)) {
    for (ScopeId up = s.parent; up != kNone; up = model_.scopes_[up].parent) {
      const Scope& u = model_.scopes_[up];
      if (u.kind == ScopeKind::Class || u.kind == ScopeKind::Module) continue;
      if (declared(u.nonlocals, name)) continue;
      if (declared(u.globals, name)) return 0;
      if (find_symbol(up, name) != kNone) return up;
    }
  }
  return scope;
}

void Builder::finish() {
  // Bindings in declaration order; nonlocal targets must exist before the nested binding is
  // redirected, so bind everything that is not nonlocal first.
  for (int pass = 0; pass < 2; ++pass) {
    for (BindingId id = 0; id < model_.bindings_.size(); ++id) {
      Binding& b = model_.bindings_[id];
      const std::string_view name = model_.text(b.target);
      const bool is_nonlocal = declared(model_.scopes_[b.scope].nonlocals, name);
      if ((pass == 0) == is_nonlocal) continue;
      b.symbol = symbol_in(binding_scope(b.scope, name), name);
      model_.symbols_[b.symbol].bindings.push_back(id);
    }
  }
  // References: local scope, then enclosing function scopes (class bodies are not visible from
  // nested code), then the module, then builtins unless a star import could provide the name.
  for (ReferenceId id = 0; id < model_.references_.size(); ++id) {
    Reference& r = model_.references_[id];
    const std::string_view name = model_.text(r.node);
    bool star = false;
    SymbolId found = kNone;
    bool first = true;
    for (ScopeId s = r.scope; s != kNone; first = false) {
      const Scope& scope = model_.scopes_[s];
      star = star || scope.star_import;
      if (declared(scope.globals, name)) {
        found = find_symbol(0, name);
        star = star || model_.scopes_[0].star_import;
        break;
      }
      if (scope.kind == ScopeKind::Class && !first) {
        s = scope.parent;
        continue;
      }
      if (!declared(scope.nonlocals, name)) {
        found = find_symbol(s, name);
        if (found != kNone) break;
      }
      s = scope.parent;
    }
    r.symbol = found;
    r.builtin = found == kNone && !star;
    if (found != kNone) model_.symbols_[found].references.push_back(id);
  }
  auto by_byte = [](const auto& a, const auto& b) { return a.first < b.first; };
  if (!std::is_sorted(model_.attribute_index_.begin(), model_.attribute_index_.end(), by_byte)) {
    std::stable_sort(model_.attribute_index_.begin(), model_.attribute_index_.end(), by_byte);
  }
  if (!std::is_sorted(model_.reference_index_.begin(), model_.reference_index_.end(), by_byte)) {
    std::stable_sort(model_.reference_index_.begin(), model_.reference_index_.end(), by_byte);
  }
  if (!std::is_sorted(model_.binding_index_.begin(), model_.binding_index_.end(), by_byte)) {
    std::stable_sort(model_.binding_index_.begin(), model_.binding_index_.end(), by_byte);
  }
  for (Symbol& symbol : model_.symbols_) {
    // The nonlocal pass may append out of order; reaching-definition queries want source order.
    std::sort(symbol.bindings.begin(), symbol.bindings.end(), [&](BindingId a, BindingId b) {
      return model_.bindings_[a].target.start_byte() < model_.bindings_[b].target.start_byte();
    });
  }
  model_.binding_kinds_.assign(model_.bindings_.size(), KindInfo{});
  model_.binding_state_.assign(model_.bindings_.size(), 0);
  model_.binding_positions_.assign(model_.bindings_.size(), Model::kUnknownPosition);
  model_.reach_mark_.assign(model_.bindings_.size(), 0);
  model_.self_class_.assign(model_.symbols_.size(), kNone - 1);
  model_.call_opaque_.assign(model_.calls_.size(), 0);
  // An argument of a builtin (or of a builtin type's method such as str.join or list.extend) that
  // neither mutates nor keeps it is a plain read. Kinds are queryable from here on.
  auto refine = [&](Use& use) {
    if (use.kind != UseKind::Argument || !use.site.is(Kind::Call)) return;
    const Node callee = use.site.field(Field::Function);
    if (callee.is(Kind::Identifier)) {
      const Reference* ref = model_.reference_at(callee);
      const std::string_view name = model_.text(callee);
      if (ref != nullptr && ref->builtin && is_pure_builtin(name)) {
        use.kind = UseKind::BuiltinCall;
        use.member = name;
      }
      return;
    }
    if (callee.is(Kind::Attribute)) {
      const std::string_view method = model_.text(callee.field(Field::Attribute));
      if (is_copying_method(method) && is_builtin_kind(model_.kind_of(callee.field(Field::Object)).kind)) {
        use.kind = UseKind::BuiltinCall;
        use.member = method;
      }
    }
  };
  for (Reference& r : model_.references_) refine(r.use);
  for (AttributeAccess& a : model_.attributes_) refine(a.use);
  model_.self_class_.assign(model_.symbols_.size(), kNone - 1);
  for (AttributeAccess& a : model_.attributes_) refine(a.use);
  model_.binding_kinds_.assign(model_.bindings_.size(), KindInfo{});
  model_.binding_state_.assign(model_.bindings_.size(), 0);
}

}  // namespace pyperf::semantic
