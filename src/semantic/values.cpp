// What values are: kind inference with evidence. Every answer is backed by a literal, a
// comprehension, a constructor or known builtin resolved through imports, an operator on known
// operands, or an annotation, on every binding that may reach the use; anything else is Unknown.

#include <algorithm>
#include <string>

#include "semantic/model.hpp"
#include "syntax/expressions.hpp"

namespace pyperf::semantic {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

namespace {

// Deep enough for real code (`a = b; b = c …`), shallow enough to bound the stack on hostile input.
constexpr int kMaxDepth = 24;

struct NamedKind {
  std::string_view name;
  ValueKind kind;
};

// Constructors and functions whose result kind is fixed, by qualified name.
constexpr NamedKind kCallResults[] = {
    {"builtins.list", ValueKind::List},
    {"builtins.tuple", ValueKind::Tuple},
    {"builtins.set", ValueKind::Set},
    {"builtins.frozenset", ValueKind::FrozenSet},
    {"builtins.dict", ValueKind::Dict},
    {"builtins.str", ValueKind::Str},
    {"builtins.bytes", ValueKind::Bytes},
    {"builtins.bytearray", ValueKind::ByteArray},
    {"builtins.sorted", ValueKind::List},
    {"builtins.range", ValueKind::Range},
    {"builtins.len", ValueKind::Int},
    {"builtins.int", ValueKind::Int},
    {"builtins.ord", ValueKind::Int},
    {"builtins.hash", ValueKind::Int},
    {"builtins.id", ValueKind::Int},
    {"builtins.float", ValueKind::Float},
    {"builtins.bool", ValueKind::Bool},
    {"builtins.isinstance", ValueKind::Bool},
    {"builtins.issubclass", ValueKind::Bool},
    {"builtins.callable", ValueKind::Bool},
    {"builtins.hasattr", ValueKind::Bool},
    {"builtins.any", ValueKind::Bool},
    {"builtins.all", ValueKind::Bool},
    {"builtins.repr", ValueKind::Str},
    {"builtins.ascii", ValueKind::Str},
    {"builtins.chr", ValueKind::Str},
    {"builtins.format", ValueKind::Str},
    {"builtins.hex", ValueKind::Str},
    {"builtins.oct", ValueKind::Str},
    {"builtins.bin", ValueKind::Str},
    {"builtins.input", ValueKind::Str},
    {"builtins.enumerate", ValueKind::Iterator},
    {"builtins.zip", ValueKind::Iterator},
    {"builtins.map", ValueKind::Iterator},
    {"builtins.filter", ValueKind::Iterator},
    {"builtins.reversed", ValueKind::Iterator},
    {"builtins.iter", ValueKind::Iterator},
    {"builtins.dict.fromkeys", ValueKind::Dict},
    {"builtins.str.join", ValueKind::Str},
    {"collections.deque", ValueKind::Deque},
    {"collections.Counter", ValueKind::Counter},
    {"collections.defaultdict", ValueKind::DefaultDict},
    {"collections.OrderedDict", ValueKind::OrderedDict},
    {"re.findall", ValueKind::List},
    {"re.compile", ValueKind::Pattern},
    {"re.split", ValueKind::List},
    {"os.listdir", ValueKind::List},
    {"glob.glob", ValueKind::List},
    {"shlex.split", ValueKind::List},
};

// Annotations that promise a concrete kind. Abstract types (Sequence, Iterable, Mapping …) and
// Optional[...] promise nothing we can use.
constexpr NamedKind kAnnotations[] = {
    {"builtins.list", ValueKind::List},
    {"typing.List", ValueKind::List},
    {"typing_extensions.List", ValueKind::List},
    {"builtins.tuple", ValueKind::Tuple},
    {"typing.Tuple", ValueKind::Tuple},
    {"builtins.set", ValueKind::Set},
    {"typing.Set", ValueKind::Set},
    {"builtins.frozenset", ValueKind::FrozenSet},
    {"typing.FrozenSet", ValueKind::FrozenSet},
    {"builtins.dict", ValueKind::Dict},
    {"typing.Dict", ValueKind::Dict},
    {"builtins.str", ValueKind::Str},
    {"builtins.bytes", ValueKind::Bytes},
    {"builtins.bytearray", ValueKind::ByteArray},
    {"builtins.int", ValueKind::Int},
    {"builtins.bool", ValueKind::Bool},
    {"collections.deque", ValueKind::Deque},
    {"typing.Deque", ValueKind::Deque},
    {"collections.Counter", ValueKind::Counter},
    {"typing.Counter", ValueKind::Counter},
    {"collections.defaultdict", ValueKind::DefaultDict},
    {"typing.DefaultDict", ValueKind::DefaultDict},
    {"collections.OrderedDict", ValueKind::OrderedDict},
    {"typing.OrderedDict", ValueKind::OrderedDict},
    {"typing.Mapping", ValueKind::Mapping},
    {"typing.MutableMapping", ValueKind::Mapping},
    {"collections.abc.Mapping", ValueKind::Mapping},
    {"collections.abc.MutableMapping", ValueKind::Mapping},
    {"typing_extensions.Mapping", ValueKind::Mapping},
};

ValueKind lookup(const NamedKind* table, std::size_t size, std::string_view name) {
  for (std::size_t i = 0; i < size; ++i) {
    if (table[i].name == name) return table[i].kind;
  }
  return ValueKind::Unknown;
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The kind a method of a known receiver returns.
ValueKind method_result(ValueKind receiver, std::string_view method) {
  switch (receiver) {
    case ValueKind::Str:
      if (one_of(method, {"split", "rsplit", "splitlines"})) return ValueKind::List;
      if (one_of(method,
                 {"join",   "lower",      "upper",      "strip",      "lstrip",   "rstrip",       "replace",
                  "format", "format_map", "title",      "capitalize", "casefold", "center",       "ljust",
                  "rjust",  "zfill",      "expandtabs", "translate",  "swapcase", "removeprefix", "removesuffix"})) {
        return ValueKind::Str;
      }
      if (method == "encode") return ValueKind::Bytes;
      if (one_of(method, {"partition", "rpartition"})) return ValueKind::Tuple;
      if (one_of(method, {"count", "find", "rfind", "index", "rindex"})) return ValueKind::Int;
      if (one_of(method, {"startswith", "endswith", "isdigit", "isalpha", "isalnum", "isspace", "islower", "isupper",
                          "isidentifier", "isnumeric", "isdecimal", "istitle", "isascii"})) {
        return ValueKind::Bool;
      }
      return ValueKind::Unknown;
    case ValueKind::Bytes:
    case ValueKind::ByteArray:
      if (one_of(method, {"split", "rsplit", "splitlines"})) return ValueKind::List;
      if (method == "decode") return ValueKind::Str;
      if (receiver == ValueKind::Bytes &&
          one_of(method, {"join", "lower", "upper", "strip", "lstrip", "rstrip", "replace"})) {
        return ValueKind::Bytes;
      }
      return ValueKind::Unknown;
    case ValueKind::List:
      if (method == "copy") return ValueKind::List;
      if (one_of(method, {"index", "count"})) return ValueKind::Int;
      return ValueKind::Unknown;
    case ValueKind::Tuple:
      if (one_of(method, {"index", "count"})) return ValueKind::Int;
      return ValueKind::Unknown;
    case ValueKind::Dict:
    case ValueKind::DefaultDict:
    case ValueKind::OrderedDict:
    case ValueKind::Counter:
      if (one_of(method, {"keys", "values", "items"})) return ValueKind::DictView;
      if (method == "copy") return receiver;
      if (receiver == ValueKind::Counter && method == "most_common") return ValueKind::List;
      return ValueKind::Unknown;
    case ValueKind::Set:
    case ValueKind::FrozenSet:
      if (one_of(method, {"copy", "union", "intersection", "difference", "symmetric_difference"})) return receiver;
      return ValueKind::Unknown;
    case ValueKind::Deque:
      return method == "copy" ? ValueKind::Deque : ValueKind::Unknown;
    case ValueKind::Pattern:
      return one_of(method, {"findall", "split"}) ? ValueKind::List : ValueKind::Unknown;
    default:
      return ValueKind::Unknown;
  }
}

// For `target = target + y`, the read of `target` on the right; null otherwise.
Node accumulated_operand(const Node& value, std::string_view target, std::string_view source) {
  const Node v = syntax::unparenthesize(value);
  if (!v.is(Kind::BinaryOperator) || v.field(Field::Operator).text(source) != "+") return {};
  const Node left = syntax::unparenthesize(v.field(Field::Left));
  return left.text(source) == target ? left : Node{};
}

}  // namespace

std::string_view to_string(ValueKind kind) {
  switch (kind) {
    case ValueKind::Unknown:
      return "unknown";
    case ValueKind::List:
      return "list";
    case ValueKind::Tuple:
      return "tuple";
    case ValueKind::Set:
      return "set";
    case ValueKind::FrozenSet:
      return "frozenset";
    case ValueKind::Dict:
      return "dict";
    case ValueKind::DefaultDict:
      return "defaultdict";
    case ValueKind::OrderedDict:
      return "OrderedDict";
    case ValueKind::Counter:
      return "Counter";
    case ValueKind::Deque:
      return "deque";
    case ValueKind::Str:
      return "str";
    case ValueKind::Bytes:
      return "bytes";
    case ValueKind::ByteArray:
      return "bytearray";
    case ValueKind::Int:
      return "int";
    case ValueKind::Float:
      return "float";
    case ValueKind::Bool:
      return "bool";
    case ValueKind::NoneValue:
      return "None";
    case ValueKind::Range:
      return "range";
    case ValueKind::DictView:
      return "dict view";
    case ValueKind::Iterator:
      return "iterator";
    case ValueKind::Function:
      return "function";
    case ValueKind::Class:
      return "class";
    case ValueKind::Module:
      return "module";
    case ValueKind::Pattern:
      return "re.Pattern";
    case ValueKind::Instance:
      return "instance";
    case ValueKind::Mapping:
      return "mapping";
  }
  return "unknown";
}

std::string_view to_string(Evidence evidence) {
  switch (evidence) {
    case Evidence::None:
      return "none";
    case Evidence::Literal:
      return "literal";
    case Evidence::Comprehension:
      return "comprehension";
    case Evidence::Constructor:
      return "constructor";
    case Evidence::BuiltinResult:
      return "builtin result";
    case Evidence::Operator:
      return "operator";
    case Evidence::Annotation:
      return "annotation";
    case Evidence::Definition:
      return "definition";
    case Evidence::CallResult:
      return "call result";
  }
  return "none";
}

bool is_dict_like(ValueKind kind) {
  return kind == ValueKind::Dict || kind == ValueKind::DefaultDict || kind == ValueKind::OrderedDict ||
         kind == ValueKind::Counter;
}

bool has_mapping_protocol(ValueKind kind) {
  return is_dict_like(kind) || kind == ValueKind::Mapping;
}

bool is_mutable_container(ValueKind kind) {
  switch (kind) {
    case ValueKind::List:
    case ValueKind::Set:
    case ValueKind::Dict:
    case ValueKind::DefaultDict:
    case ValueKind::OrderedDict:
    case ValueKind::Counter:
    case ValueKind::Deque:
    case ValueKind::ByteArray:
      return true;
    default:
      return false;
  }
}

bool is_builtin_kind(ValueKind kind) {
  switch (kind) {
    case ValueKind::List:
    case ValueKind::Tuple:
    case ValueKind::Set:
    case ValueKind::FrozenSet:
    case ValueKind::Dict:
    case ValueKind::DefaultDict:
    case ValueKind::OrderedDict:
    case ValueKind::Counter:
    case ValueKind::Deque:
    case ValueKind::Str:
    case ValueKind::Bytes:
    case ValueKind::ByteArray:
    case ValueKind::Range:
    case ValueKind::DictView:
      return true;
    default:
      return false;
  }
}

KindInfo Model::kind_of(const Node& expression) const {
  return kind_of(expression, 0);
}

KindInfo Model::kind_of(const Node& raw, int depth) const {
  if (depth > kMaxDepth || raw.null()) return {};
  const Node e = syntax::unparenthesize(raw);
  switch (e.kind()) {
    case Kind::List:
      return {ValueKind::List, Evidence::Literal, e};
    case Kind::ListComprehension:
      return {ValueKind::List, Evidence::Comprehension, e};
    case Kind::Tuple:
      return {ValueKind::Tuple, Evidence::Literal, e};
    case Kind::Set:
      return {ValueKind::Set, Evidence::Literal, e};
    case Kind::SetComprehension:
      return {ValueKind::Set, Evidence::Comprehension, e};
    case Kind::Dictionary:
      return {ValueKind::Dict, Evidence::Literal, e};
    case Kind::DictionaryComprehension:
      return {ValueKind::Dict, Evidence::Comprehension, e};
    case Kind::GeneratorExpression:
      return {ValueKind::Iterator, Evidence::Comprehension, e};
    case Kind::String:
    case Kind::ConcatenatedString: {
      const Node first = e.is(Kind::ConcatenatedString) ? e.named_child(0) : e;
      const std::string_view t = text(first);
      const std::size_t quote = t.find_first_of("'\"");
      const std::string_view prefix = t.substr(0, quote == std::string_view::npos ? 0 : quote);
      const bool bytes = prefix.find_first_of("bB") != std::string_view::npos;
      return {bytes ? ValueKind::Bytes : ValueKind::Str, Evidence::Literal, e};
    }
    case Kind::Integer:
      return {ValueKind::Int, Evidence::Literal, e};
    case Kind::Float:
      return {ValueKind::Float, Evidence::Literal, e};
    case Kind::True:
    case Kind::False:
      return {ValueKind::Bool, Evidence::Literal, e};
    case Kind::None:
      return {ValueKind::NoneValue, Evidence::Literal, e};
    case Kind::Lambda:
      return {ValueKind::Function, Evidence::Definition, e};
    case Kind::ComparisonOperator:
    case Kind::NotOperator:
      return {ValueKind::Bool, Evidence::Operator, e};
    case Kind::Identifier: {
      const Reference* ref = reference_at(e);
      return ref != nullptr ? kind_of_reference(*ref, depth + 1) : KindInfo{};
    }
    case Kind::Attribute:
      return kind_of_attribute(e, depth + 1);
    case Kind::Call:
      return kind_of_call(e, depth + 1);
    case Kind::NamedExpression:
      return kind_of(e.field(Field::Value), depth + 1);
    case Kind::BinaryOperator: {
      const std::string_view op = text(e.field(Field::Operator));
      const ValueKind left = kind_of(e.field(Field::Left), depth + 1).kind;
      const ValueKind right = op == "%" ? ValueKind::Unknown : kind_of(e.field(Field::Right), depth + 1).kind;
      auto result = [&](ValueKind k) { return KindInfo{k, Evidence::Operator, e}; };
      if (op == "+") {
        // str.__add__ and bytes.__add__ accept only their own type, so the result keeps the left
        // operand's type (a foreign __radd__ on a str is not worth guessing about). A list or
        // tuple plus an unknown operand may be an ndarray (its __radd__), so both must be known.
        if (left == ValueKind::Str || left == ValueKind::Bytes) return result(left);
        if (left == right && (left == ValueKind::List || left == ValueKind::Tuple || left == ValueKind::Int)) {
          return result(left);
        }
        return {};
      }
      if (op == "*") {
        // seq * n and n * seq: the other operand must be an int, or the expression raises.
        for (const ValueKind k : {left, right}) {
          if (k == ValueKind::List || k == ValueKind::Tuple || k == ValueKind::Str || k == ValueKind::Bytes) {
            return result(k);
          }
        }
        if (left == ValueKind::Int && right == ValueKind::Int) return result(ValueKind::Int);
        return {};
      }
      if (op == "%") {
        if (left == ValueKind::Str || left == ValueKind::Bytes) return result(left);
        return {};
      }
      if (one_of(op, {"|", "&", "-", "^"})) {
        if ((left == ValueKind::Set || left == ValueKind::FrozenSet) && left == right) return result(left);
        if (op == "|" && left == ValueKind::Dict && right == ValueKind::Dict) return result(ValueKind::Dict);
        return {};
      }
      return {};
    }
    case Kind::ConditionalExpression: {
      // body if condition else alternative: both branches must agree.
      const Node body = e.named_child(0);
      const Node alternative = e.named_child(2);
      const KindInfo a = kind_of(body, depth + 1);
      const KindInfo b = kind_of(alternative, depth + 1);
      if (a && a.kind == b.kind && a.cls == b.cls) {
        KindInfo both = a;  // neither branch alone is the origin
        both.evidence = Evidence::Operator;
        both.origin = e;
        return both;
      }
      return {};
    }
    case Kind::Subscript: {
      const KindInfo base = kind_of(e.field(Field::Value), depth + 1);
      const Node index = e.field(Field::SubscriptIndex);
      const bool slice = index.is(Kind::Slice);
      switch (base.kind) {
        case ValueKind::List:
        case ValueKind::Tuple:
        case ValueKind::Bytes:
        case ValueKind::ByteArray:
          if (slice) return {base.kind, Evidence::Operator, e};
          return {};
        case ValueKind::Str:
          return {ValueKind::Str, Evidence::Operator, e};
        default:
          return {};
      }
    }
    default:
      return {};
  }
}

KindInfo Model::kind_of_call(const Node& call, int depth) const {
  const Node fn = call.field(Field::Function);
  const std::string qualified = qualified_name(fn, depth);
  if (!qualified.empty()) {
    const ValueKind k = lookup(kCallResults, std::size(kCallResults), qualified);
    if (k == ValueKind::Unknown) return {};
    const bool constructor =
        one_of(qualified, {"builtins.list", "builtins.tuple", "builtins.set", "builtins.frozenset", "builtins.dict",
                           "builtins.str", "builtins.bytes", "builtins.bytearray", "collections.deque",
                           "collections.Counter", "collections.defaultdict", "collections.OrderedDict"});
    return {k, constructor ? Evidence::Constructor : Evidence::BuiltinResult, call};
  }
  if (const ScopeId cls = defined_class(fn); cls != kNone) {
    KindInfo instance{ValueKind::Instance, Evidence::Constructor, call};
    instance.cls = cls;
    return instance;
  }
  if (const Node definition = called_definition(fn); definition) {
    const KindInfo k = function_result(definition, depth + 1);
    if (!k) return {};
    KindInfo result = k;
    result.evidence = Evidence::CallResult;
    result.origin = call;
    return result;
  }
  if (!fn.is(Kind::Attribute)) return {};
  const KindInfo receiver = kind_of(fn.field(Field::Object), depth + 1);
  const std::string_view method = text(fn.field(Field::Attribute));
  if (!receiver) {
    if (splits_a_string(call, depth)) return {ValueKind::List, Evidence::BuiltinResult, call};
    return {};
  }
  const ValueKind k = method_result(receiver.kind, method);
  if (k == ValueKind::Unknown) return {};
  return {k, Evidence::BuiltinResult, call};
}

ScopeId Model::class_scope(const Node& class_definition) const {
  if (class_scopes_.empty()) {
    for (ScopeId id = 0; id < scopes_.size(); ++id) {
      if (scopes_[id].kind == ScopeKind::Class) class_scopes_.emplace(scopes_[id].node.start_byte(), id);
    }
    class_scopes_.emplace(std::numeric_limits<std::uint32_t>::max(), kNone);  // marks the map as built
  }
  const auto it = class_scopes_.find(class_definition.start_byte());
  return it == class_scopes_.end() ? kNone : it->second;
}

ScopeId Model::defined_class(const Node& raw) const {
  const Node name = syntax::unparenthesize(raw);
  if (!name.is(Kind::Identifier)) return kNone;
  const Reference* ref = reference_at(name);
  if (ref == nullptr || ref->symbol == kNone) return kNone;
  const Symbol& symbol = symbols_[ref->symbol];
  if (symbol.bindings.size() != 1) return kNone;
  const Binding& b = bindings_[symbol.bindings.front()];
  if (b.kind != BindingKind::ClassDef || !b.statement.is(Kind::ClassDefinition)) return kNone;
  return class_scope(b.statement);
}

ScopeId Model::instance_class(const Node& identifier) const {
  if (const ScopeId cls = self_class(identifier); cls != kNone) return cls;
  if (!identifier.is(Kind::Identifier)) return kNone;
  const KindInfo k = kind_of(identifier);
  return k.kind == ValueKind::Instance ? k.cls : kNone;
}

Node Model::called_definition(const Node& raw) const {
  // `f(...)` with f bound once, by a def of this file; `self.f(...)` with f a method of self's class.
  const Node fn = syntax::unparenthesize(raw);
  SymbolId id = kNone;
  if (fn.is(Kind::Identifier)) {
    const Reference* ref = reference_at(fn);
    if (ref == nullptr || ref->symbol == kNone) return {};
    id = ref->symbol;
  } else if (fn.is(Kind::Attribute)) {
    const Node object = fn.field(Field::Object);
    if (!object.is(Kind::Identifier)) return {};
    const ScopeId cls = self_class(object);
    if (cls == kNone) return {};
    const auto it = scopes_[cls].symbols.find(text(fn.field(Field::Attribute)));
    if (it == scopes_[cls].symbols.end()) return {};
    id = it->second;
  } else {
    return {};
  }
  const Symbol& symbol = symbols_[id];
  if (symbol.bindings.size() != 1) return {};
  const Binding& b = bindings_[symbol.bindings.front()];
  if (b.kind != BindingKind::FunctionDef || !b.statement.is(Kind::FunctionDefinition)) return {};
  return b.statement;
}

KindInfo Model::function_result(const Node& definition, int depth) const {
  if (depth > kMaxDepth) return {};
  const auto [it, fresh] = function_results_.try_emplace(definition.start_byte());
  if (!fresh) return it->second;  // also stops recursion: a function calling itself is unknown
  KindInfo result;
  const auto done = [&](KindInfo k) {
    function_results_[definition.start_byte()] = k;
    return k;
  };
  // A decorator may replace the function (lru_cache shares one result between calls), `async def`
  // returns a coroutine.
  if (definition.parent().is(Kind::DecoratedDefinition)) return done({});
  if (text(definition).starts_with("async")) return done({});
  if (const Node annotation = definition.field(Field::ReturnType); annotation) {
    KindInfo k = kind_of_annotation(annotation);
    if (k) k.origin = annotation;
    return done(k);
  }
  const Node body = definition.field(Field::Body);
  // The body must end in a return (or raise): otherwise it may fall off the end and return None.
  Node last;
  for (const Node statement : body.named_children()) {
    if (!statement.is(Kind::Comment)) last = statement;
  }
  if (!last.is(Kind::ReturnStatement)) return done({});
  std::vector<Node> pending{body};
  while (!pending.empty()) {
    const Node n = pending.back();
    pending.pop_back();
    if (n.is(Kind::FunctionDefinition) || n.is(Kind::ClassDefinition) || n.is(Kind::Lambda)) continue;
    if (n.is(Kind::Yield)) return done({});
    if (n.is(Kind::ReturnStatement)) {
      const Node value = n.named_child(0);
      if (!value || value.is(Kind::Comment)) return done({});
      const KindInfo k = kind_of(value, depth + 1);
      // Only fresh values: a returned global or attribute would be shared between callers.
      const bool fresh_value = k.evidence == Evidence::Literal || k.evidence == Evidence::Comprehension ||
                               k.evidence == Evidence::Constructor || k.evidence == Evidence::BuiltinResult ||
                               k.evidence == Evidence::Operator || k.evidence == Evidence::CallResult;
      if (!k || !fresh_value) return done({});
      const Node v = syntax::unparenthesize(value);
      if (v.is(Kind::Attribute)) return done({});  // `return self.items`: one object for every call
      if (v.is(Kind::Identifier)) {
        // `return out` of a local built in the body is fresh; a global is shared.
        const Reference* ref = reference_at(v);
        if (ref == nullptr || ref->symbol == kNone) return done({});
        const Scope& owner = scopes_[symbols_[ref->symbol].scope];
        if (owner.kind != ScopeKind::Function || owner.node.start_byte() != definition.start_byte()) return done({});
      }
      if (result && (result.kind != k.kind || result.cls != k.cls)) return done({});
      if (!result) {
        result = k;
        result.evidence = Evidence::CallResult;
      }
      continue;
    }
    for (const Node child : n.named_children()) pending.push_back(child);
  }
  return done(result);
}

bool Model::splits_a_string(const Node& call, int depth) const {
  // `line.split(",")`, `text.splitlines()` on a receiver of unknown type: only str and bytes have
  // splitlines(), and split() with a string separator raises on anything else we know of. A
  // module's function (`os.path.split`) or a pandas `.str` accessor is not such a receiver.
  const Node fn = call.field(Field::Function);
  const std::string_view method = text(fn.field(Field::Attribute));
  const bool splitlines = method == "splitlines";
  if (!splitlines && method != "split" && method != "rsplit") return false;
  const Node receiver = syntax::unparenthesize(fn.field(Field::Object));
  if (receiver.is(Kind::Attribute) && text(receiver.field(Field::Attribute)) == "str") return false;
  if (!qualified_name(receiver, depth + 1).empty()) return false;
  if (splitlines) return true;
  const Node arguments = call.field(Field::Arguments);
  if (!arguments.is(Kind::ArgumentList)) return false;
  const Node first = arguments.named_child(0);
  return first && syntax::unparenthesize(first).is(Kind::String);
}

std::string Model::qualified_name(const Node& expression) const {
  return qualified_name(expression, 0);
}

std::string Model::qualified_name(const Node& raw, int depth) const {
  if (depth > kMaxDepth) return {};
  const Node e = syntax::unparenthesize(raw);
  if (e.is(Kind::Attribute)) {
    const std::string base = qualified_name(e.field(Field::Object), depth + 1);
    if (base.empty()) return {};
    return base + "." + std::string(text(e.field(Field::Attribute)));
  }
  if (!e.is(Kind::Identifier)) return {};
  const Reference* ref = reference_at(e);
  if (ref == nullptr) return {};
  if (ref->builtin) return "builtins." + std::string(text(e));
  if (ref->symbol == kNone) return {};
  const Symbol& symbol = symbols_[ref->symbol];
  // Only a name bound once, by an import, has a stable qualified name; `import a` and `import a.b`
  // bind the same module `a` to the name a.
  if (symbol.bindings.size() != 1) {
    for (const BindingId id : symbol.bindings) {
      const Binding& b = bindings_[id];
      if (b.kind != BindingKind::Import || b.target.parent().is(Kind::AliasedImport)) return {};
    }
  }
  const Binding& b = bindings_[symbol.bindings.front()];
  const Node parent = b.target.parent();
  const bool aliased = parent.is(Kind::AliasedImport);
  if (b.kind == BindingKind::Import) {
    return std::string(aliased ? text(parent.field(Field::Name)) : text(b.target));
  }
  if (b.kind == BindingKind::ImportFrom) {
    const Node module = b.statement.field(Field::ModuleName);
    if (!module.is(Kind::DottedName)) return {};  // relative imports are first-party
    const std::string_view name = aliased ? text(parent.field(Field::Name)) : text(b.target);
    return std::string(text(module)) + "." + std::string(name);
  }
  return {};
}

KindInfo Model::kind_of_annotation(const Node& annotation) const {
  Node t = annotation;
  if (t.is(Kind::Type)) t = t.named_child(0);
  t = syntax::unparenthesize(t);
  Node base = t;
  if (t.is(Kind::GenericType)) base = t.named_child(0);
  if (t.is(Kind::Subscript)) base = t.field(Field::Value);
  if (!base.is(Kind::Identifier) && !base.is(Kind::Attribute)) return {};
  const std::string qualified = qualified_name(base, 1);
  const ValueKind k = lookup(kAnnotations, std::size(kAnnotations), qualified);
  if (k == ValueKind::Unknown) {
    // A class of this file: `player: Player` (a subclass instance keeps its declared attributes).
    if (const ScopeId cls = defined_class(base); cls != kNone) {
      KindInfo instance{ValueKind::Instance, Evidence::Annotation, annotation};
      instance.cls = cls;
      return instance;
    }
    return {};
  }
  return {k, Evidence::Annotation, annotation};
}

namespace {

// The type arguments of `list[int]` / `t.Dict[str, C]`: each a type or expression node.
std::vector<Node> type_arguments(const Node& annotation) {
  std::vector<Node> out;
  Node t = annotation;
  if (t.is(Kind::Type)) t = t.named_child(0);
  t = syntax::unparenthesize(t);
  if (t.is(Kind::GenericType)) {
    for (const Node child : t.named_children()) {
      if (!child.is(Kind::TypeParameter)) continue;
      for (const Node argument : child.named_children()) {
        if (!argument.is(Kind::Comment)) out.push_back(argument);
      }
    }
  } else if (t.is(Kind::Subscript)) {
    bool first = true;
    for (const Node child : t.named_children()) {
      if (first || child.is(Kind::Comment)) {
        first = false;
        continue;
      }
      out.push_back(child);
    }
  }
  return out;
}

Node annotation_base(const Node& annotation) {
  Node t = annotation;
  if (t.is(Kind::Type)) t = t.named_child(0);
  t = syntax::unparenthesize(t);
  if (t.is(Kind::GenericType)) return t.named_child(0);
  if (t.is(Kind::Subscript)) return t.field(Field::Value);
  return {};
}

// Generic containers whose first type argument is what iterating them yields (keys for mappings).
constexpr std::string_view kIterableGenerics[] = {
    "builtins.list",
    "typing.List",
    "builtins.set",
    "typing.Set",
    "builtins.frozenset",
    "typing.FrozenSet",
    "collections.deque",
    "typing.Deque",
    "typing.Sequence",
    "collections.abc.Sequence",
    "typing.MutableSequence",
    "collections.abc.MutableSequence",
    "typing.Iterable",
    "collections.abc.Iterable",
    "typing.Iterator",
    "collections.abc.Iterator",
    "typing.Collection",
    "collections.abc.Collection",
    "typing.AbstractSet",
    "collections.abc.Set",
    "builtins.dict",
    "typing.Dict",
    "typing.Mapping",
    "collections.abc.Mapping",
    "typing.MutableMapping",
    "collections.abc.MutableMapping",
    "collections.defaultdict",
    "typing.DefaultDict",
    "collections.OrderedDict",
    "typing.OrderedDict",
};

}  // namespace

Node Model::declared_annotation(const Node& raw) const {
  const Node e = syntax::unparenthesize(raw);
  if (e.is(Kind::Identifier)) {
    const Reference* ref = reference_at(e);
    if (ref == nullptr || ref->symbol == kNone) return {};
    Node declared;
    for (const BindingId id : symbols_[ref->symbol].bindings) {
      const Binding& b = bindings_[id];
      if (b.kind == BindingKind::Annotation && b.annotation) declared = b.annotation;  // `x: list[int]` alone
    }
    Node agreed;
    for (const BindingId id : reaching_bindings(*ref)) {
      const Binding& b = bindings_[id];
      if (b.star != 0 || b.unpacked) return {};  // `*args: int` annotates the elements
      if (b.kind != BindingKind::Parameter && b.kind != BindingKind::Assignment) return {};
      Node a = b.annotation ? b.annotation : declared;
      if (!a) return {};
      if (agreed && text(agreed) != text(a)) return {};
      agreed = a;
    }
    return agreed;
  }
  if (e.is(Kind::Attribute)) {
    // A class-level field declaration (`hand: list[str]`, dataclass and NamedTuple fields), for an
    // attribute whose every store agrees with it.
    if (!kind_of(e)) return {};
    const Node object = e.field(Field::Object);
    const ScopeId cls = instance_class(object);
    if (cls == kNone) return {};
    const auto it = scopes_[cls].symbols.find(text(e.field(Field::Attribute)));
    if (it == scopes_[cls].symbols.end()) return {};
    for (const BindingId id : symbols_[it->second].bindings) {
      if (bindings_[id].annotation) return bindings_[id].annotation;
    }
  }
  return {};
}

KindInfo Model::element_kind(const Node& iterable) const {
  return element_kind(iterable, 0);
}

KindInfo Model::element_kind(const Node& raw, int depth) const {
  if (depth > kMaxDepth) return {};
  Node container = syntax::unparenthesize(raw);
  std::size_t position = 0;  // which type argument iteration yields
  if (container.is(Kind::Call)) {
    // `d.values()` / `d.keys()` of a mapping annotated with its key and value types.
    const Node fn = container.field(Field::Function);
    const Node arguments = container.field(Field::Arguments);
    if (!fn.is(Kind::Attribute) || arguments.named_child_count() != 0) return {};
    const std::string_view method = text(fn.field(Field::Attribute));
    if (method != "values" && method != "keys") return {};
    container = fn.field(Field::Object);
    if (!has_mapping_protocol(kind_of(container, depth + 1).kind)) return {};
    position = method == "values" ? 1 : 0;
  }
  const Node annotation = declared_annotation(container);
  if (!annotation) return {};
  const Node base = annotation_base(annotation);
  if (!base) return {};
  const std::string qualified = qualified_name(base, depth + 1);
  if (std::find(std::begin(kIterableGenerics), std::end(kIterableGenerics), qualified) == std::end(kIterableGenerics)) {
    return {};
  }
  const std::vector<Node> arguments = type_arguments(annotation);
  const bool mapping =
      has_mapping_protocol(lookup(kAnnotations, std::size(kAnnotations), qualified)) || qualified.ends_with("Mapping");
  if (arguments.size() != (mapping ? 2U : 1U) || position >= arguments.size()) return {};
  KindInfo element = kind_of_annotation(arguments[position]);
  if (element) element.origin = arguments[position];
  return element;
}

bool Model::dominates(BlockId outer, BlockId inner) const {
  for (BlockId b = inner; b != kNone; b = block_parent_[b]) {
    if (b == outer) return true;
  }
  return false;
}

namespace {

// Where in the source a binding takes effect: after the value it binds has been evaluated.
std::uint32_t effective_position(const Binding& b) {
  switch (b.kind) {
    case BindingKind::ForTarget:
    case BindingKind::ComprehensionTarget: {
      const Node iterable = b.statement.field(Field::Right);
      return iterable ? iterable.end_byte() : b.target.end_byte();
    }
    case BindingKind::Parameter:
    case BindingKind::MatchCapture:
      return b.target.start_byte();
    default:
      return b.statement ? b.statement.end_byte() : b.target.end_byte();
  }
}

}  // namespace

std::uint32_t Model::binding_position(BindingId id) const {
  std::uint32_t& position = binding_positions_[id];
  if (position == kUnknownPosition) position = effective_position(bindings_[id]);
  return position;
}

std::vector<BindingId> Model::reaching_bindings(const Reference& ref) const {
  std::vector<BindingId> out;
  if (ref.symbol == kNone) return out;
  const Symbol& symbol = symbols_[ref.symbol];
  // Comprehensions run inline, so a use inside one is ordered with its enclosing scope's code.
  const ScopeId use_scope = running_scope(ref.scope);
  const bool ordered = use_scope == symbol.scope && scopes_[symbol.scope].kind != ScopeKind::Comprehension;
  if (!ordered) {
    // A use from a nested function (or of a module name from a function) may run after any binding.
    for (const BindingId id : symbol.bindings) {
      if (bindings_[id].kind != BindingKind::Annotation) out.push_back(id);
    }
    return out;
  }
  const std::uint32_t pos = ref.node.start_byte();
  BindingId dominating = kNone;
  for (const BindingId id : symbol.bindings) {
    const Binding& b = bindings_[id];
    if (b.kind == BindingKind::Annotation || b.kind == BindingKind::NamedExpression) continue;
    if (binding_position(id) <= pos && dominates(b.block, ref.block)) dominating = id;
  }
  const std::uint32_t from = dominating == kNone ? 0 : binding_position(dominating);
  for (const BindingId id : symbol.bindings) {
    const Binding& b = bindings_[id];
    if (b.kind == BindingKind::Annotation) continue;
    const std::uint32_t at = binding_position(id);
    if (at <= pos && at >= from) out.push_back(id);
  }
  // Back edges: a binding later in an enclosing loop reaches the use on the next iteration,
  // unless the dominating binding re-runs inside that loop first. An outer loop holds the inner
  // one's bindings again: marks keep each listed once without searching the list. The bindings
  // listed above all lie at or before the use, so none of them can come up here.
  const std::size_t back_edges = out.size();
  for (LoopId l = ref.loop; l != kNone; l = loops_[l].parent) {
    const Node& loop_node = loops_[l].node;
    if (dominating != kNone && contains(loop_node, bindings_[dominating].target)) break;
    for (const BindingId id : symbol.bindings) {
      const Binding& b = bindings_[id];
      if (b.kind == BindingKind::Annotation || reach_mark_[id] != 0) continue;
      if (binding_position(id) > pos && contains(loop_node, b.target)) {
        out.push_back(id);
        reach_mark_[id] = 1;
      }
    }
  }
  for (std::size_t i = back_edges; i < out.size(); ++i) reach_mark_[out[i]] = 0;
  return out;
}

KindInfo Model::kind_of_reference(const Reference& ref, int depth) const {
  if (ref.symbol == kNone || depth > kMaxDepth) return {};
  const std::vector<BindingId> reaching = reaching_bindings(ref);
  KindInfo agreed;
  for (const BindingId id : reaching) {
    if (binding_state_[id] == 1) continue;  // a cycle through a loop: the other paths decide
    const KindInfo k = kind_of_binding(id, depth + 1);
    if (!k) return {};
    if (!agreed) {
      agreed = k;
    } else if (agreed.kind != k.kind || agreed.cls != k.cls) {
      return {};
    }
  }
  return agreed;
}

Node Model::unpacked_element(const Binding& b) const {
  // `a, b = x, y` binds a to x when both sides are flat sequences of the same length.
  if (!b.statement.is(Kind::Assignment)) return {};
  const Node left = b.statement.field(Field::Left);
  const Node right = syntax::unparenthesize(b.statement.field(Field::Right));
  const auto flat = [](const Node& n) {
    return n.is(Kind::PatternList) || n.is(Kind::TuplePattern) || n.is(Kind::ListPattern) ||
           n.is(Kind::ExpressionList) || n.is(Kind::Tuple) || n.is(Kind::List);
  };
  if (!flat(left) || !flat(right) || left.named_child_count() != right.named_child_count()) return {};
  std::uint32_t index = 0;
  bool found = false;
  for (const Node child : left.named_children()) {
    if (child.is(Kind::ListSplatPattern) || child.is(Kind::Comment)) return {};
    if (child.start_byte() == b.target.start_byte() && child.end_byte() == b.target.end_byte()) found = true;
    if (!found) ++index;
  }
  if (!found) return {};
  std::uint32_t i = 0;
  for (const Node child : right.named_children()) {
    if (child.is(Kind::ListSplat) || child.is(Kind::Comment)) return {};
    if (i++ == index) return child;
  }
  return {};
}

KindInfo Model::kind_of_binding(BindingId id, int depth) const {
  if (binding_state_[id] == 2) return binding_kinds_[id];
  if (binding_state_[id] == 1 || depth > kMaxDepth) return {};
  binding_state_[id] = 1;
  const Binding& b = bindings_[id];
  KindInfo k;
  switch (b.kind) {
    case BindingKind::Assignment:
      if (b.unpacked) {
        k = kind_of(unpacked_element(b), depth + 1);  // `a, b = [], []`
        break;
      }
      if (const Node prior = accumulated_operand(b.value, text(b.target), source_->text()); prior) {
        // `x = x + y` keeps x's type, like `x += y`: it is the accumulator of a loop.
        const KindInfo before = kind_of(prior, depth + 1);
        if (before.kind == ValueKind::List || before.kind == ValueKind::Tuple || before.kind == ValueKind::Str ||
            before.kind == ValueKind::Bytes) {
          k = before;
          break;
        }
      }
      k = kind_of(b.value, depth + 1);
      if (!k && b.annotation) k = kind_of_annotation(b.annotation);
      if (!k && b.symbol != kNone) {
        // A bare declaration `x: list[int]` elsewhere in the scope types later assignments.
        for (const BindingId other : symbols_[b.symbol].bindings) {
          const Binding& o = bindings_[other];
          if (o.kind == BindingKind::Annotation && o.annotation) k = kind_of_annotation(o.annotation);
        }
      }
      break;
    case BindingKind::AugmentedAssignment: {
      const Reference* prior_ref = reference_at(b.target);
      if (prior_ref == nullptr) break;
      const KindInfo prior = kind_of_reference(*prior_ref, depth + 1);
      const std::string_view op = text(b.statement.field(Field::Operator));
      // NOLINTNEXTLINE(bugprone-branch-clone): one case per branch, each with its reason
      if (is_mutable_container(prior.kind)) {
        k = prior;  // in-place operators keep the container's type
      } else if ((prior.kind == ValueKind::Str || prior.kind == ValueKind::Bytes || prior.kind == ValueKind::Tuple) &&
                 (op == "+=" || op == "*=")) {
        k = prior;
      } else if (prior.kind == ValueKind::Int && kind_of(b.value, depth + 1).kind == ValueKind::Int &&
                 one_of(op, {"+=", "-=", "*=", "//=", "%="})) {
        k = prior;
      }
      break;
    }
    case BindingKind::Parameter:
      if (b.star == 1) {
        k = {ValueKind::Tuple, Evidence::Definition, b.target};
      } else if (b.star == 2) {
        k = {ValueKind::Dict, Evidence::Definition, b.target};
      } else if (b.annotation) {
        k = kind_of_annotation(b.annotation);
      }
      break;
    case BindingKind::ForTarget:
    case BindingKind::ComprehensionTarget: {
      if (b.unpacked) break;
      const KindInfo iterable = kind_of(b.statement.field(Field::Right), depth + 1);
      if (iterable.kind == ValueKind::Range) k = {ValueKind::Int, Evidence::BuiltinResult, iterable.origin};
      if (iterable.kind == ValueKind::Str) k = {ValueKind::Str, Evidence::BuiltinResult, iterable.origin};
      if (!k) k = element_kind(b.statement.field(Field::Right), depth + 1);
      break;
    }
    case BindingKind::NamedExpression:
      k = kind_of(b.value, depth + 1);
      break;
    case BindingKind::FunctionDef:
      k = {ValueKind::Function, Evidence::Definition, b.statement};
      break;
    case BindingKind::ClassDef:
      k = {ValueKind::Class, Evidence::Definition, b.statement};
      break;
    case BindingKind::Import:
      k = {ValueKind::Module, Evidence::Definition, b.statement};
      break;
    default:
      break;
  }
  binding_kinds_[id] = k;
  binding_state_[id] = 2;
  return k;
}

ScopeId Model::self_class(const Node& identifier) const {
  const Reference* ref = reference_at(identifier);
  if (ref == nullptr || ref->symbol == kNone) return kNone;
  ScopeId& memo = self_class_[ref->symbol];
  if (memo != kNone - 1) return memo;
  memo = kNone;
  const Symbol& symbol = symbols_[ref->symbol];
  if (symbol.bindings.size() != 1) return kNone;  // `self` rebound: not the instance any more
  const Binding& b = bindings_[symbol.bindings.front()];
  if (b.kind != BindingKind::Parameter) return kNone;
  const Scope& fn = scopes_[b.scope];
  if (fn.kind != ScopeKind::Function || fn.parent == kNone || scopes_[fn.parent].kind != ScopeKind::Class) {
    return kNone;
  }
  // The first parameter of a plain method (not a static or class method).
  const Node params = fn.node.field(Field::Parameters);
  Node first;
  for (const Node p : params.named_children()) {
    first = p;
    break;
  }
  const Node first_name = first.is(Kind::Identifier) ? first : Node{};
  if (!first_name || first_name.start_byte() != b.target.start_byte()) return kNone;
  const Node decorated = fn.node.parent();
  if (decorated.is(Kind::DecoratedDefinition)) {
    for (const Node child : decorated.named_children()) {
      if (!child.is(Kind::Decorator)) continue;
      const std::string_view d = text(child);
      if (d.find("staticmethod") != std::string_view::npos || d.find("classmethod") != std::string_view::npos) {
        return kNone;
      }
    }
  }
  memo = fn.parent;
  return memo;
}

const std::vector<std::uint32_t>& Model::attribute_stores_named(std::string_view attr) const {
  if (!attribute_stores_ready_) {
    for (std::uint32_t i = 0; i < attributes_.size(); ++i) {
      if (attributes_[i].store) attribute_stores_[attributes_[i].attr].push_back(i);
    }
    attribute_stores_ready_ = true;
  }
  static const std::vector<std::uint32_t> kEmpty;
  const auto it = attribute_stores_.find(attr);
  return it == attribute_stores_.end() ? kEmpty : it->second;
}

KindInfo Model::kind_of_attribute(const Node& attribute, int depth) const {
  if (depth > kMaxDepth) return {};
  const Node object = attribute.field(Field::Object);
  if (!object.is(Kind::Identifier)) return {};
  ScopeId cls = self_class(object);
  if (cls == kNone) {
    const KindInfo instance = kind_of(object, depth + 1);
    if (instance.kind != ValueKind::Instance || instance.cls == kNone) return {};
    cls = instance.cls;
  }
  const std::string_view attr = text(attribute.field(Field::Attribute));
  KindInfo agreed;
  bool aug = false;
  auto agree = [&](const KindInfo& k) {
    if (!k) return false;
    if (!agreed) agreed = k;
    return agreed.kind == k.kind && agreed.cls == k.cls;
  };
  // Class-level declarations: `items: list[int]` (dataclass fields too) or `items = []`.
  const auto it = scopes_[cls].symbols.find(attr);
  if (it != scopes_[cls].symbols.end()) {
    for (const BindingId id : symbols_[it->second].bindings) {
      const Binding& b = bindings_[id];
      KindInfo k;
      if (b.kind == BindingKind::Annotation || (b.kind == BindingKind::Assignment && b.annotation)) {
        k = kind_of_annotation(b.annotation);
      } else if (b.kind == BindingKind::Assignment) {
        k = kind_of_binding(id, depth + 1);
      }  // a method or nested class of that name is not a data attribute: k stays unknown
      if (!agree(k)) return {};
    }
  }
  // Every store of this attribute name in the file must be a `self.attr` store of this class.
  for (const std::uint32_t i : attribute_stores_named(attr)) {
    const AttributeAccess& a = attributes_[i];
    if (self_class(a.object) != cls) return {};  // `obj.attr = …` from outside: any value
    if (a.store_kind == BindingKind::AugmentedAssignment ||
        (a.store_kind == BindingKind::Assignment && accumulated_operand(a.value, text(a.node), source_->text()))) {
      aug = true;  // `self.x += y` / `self.x = self.x + y` keep the type the other stores give
      continue;
    }
    KindInfo k;
    if (a.store_kind == BindingKind::Assignment || a.store_kind == BindingKind::Annotation) {
      if (a.annotation) k = kind_of_annotation(a.annotation);
      if (!k && a.value) k = kind_of(a.value, depth + 1);
    }
    if (!agree(k)) return {};
  }
  if (aug && !is_mutable_container(agreed.kind) && agreed.kind != ValueKind::Str && agreed.kind != ValueKind::Bytes) {
    return {};
  }
  return agreed;
}

}  // namespace pyperf::semantic
