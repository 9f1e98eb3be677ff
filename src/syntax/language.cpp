#include "syntax/language.hpp"

#include <stdexcept>
#include <string>

extern "C" const TSLanguage* tree_sitter_python(void);

namespace pyperf::syntax {
namespace {

struct KindSpec {
  Kind kind;
  std::string_view name;
  bool named;
};

constexpr KindSpec kKindSpecs[] = {
#define PYPERF_KIND(id, name, named) {Kind::id, name, named},
#include "syntax/kinds.def"
#undef PYPERF_KIND
};

constexpr std::string_view kFieldNames[] = {
#define PYPERF_FIELD(id, name) name,
#include "syntax/fields.def"
#undef PYPERF_FIELD
};

}  // namespace

std::string_view kind_name(Kind kind) {
  if (kind == Kind::Other || kind == Kind::Count_) return "<other>";
  return kKindSpecs[static_cast<std::size_t>(kind) - 1].name;
}

std::string_view field_name(Field field) {
  if (field == Field::Count_) return "<none>";
  return kFieldNames[static_cast<std::size_t>(field)];
}

const Language& Language::python() {
  static const Language instance(tree_sitter_python());
  return instance;
}

Language::Language(const TSLanguage* language) : language_(language) {
  const std::uint32_t abi = ts_language_abi_version(language);
  if (abi < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION || abi > TREE_SITTER_LANGUAGE_VERSION) {
    throw std::runtime_error("tree-sitter-python ABI " + std::to_string(abi) +
                             " is not supported by the tree-sitter runtime");
  }
  const std::uint32_t symbol_count = ts_language_symbol_count(language);
  kinds_.assign(symbol_count, Kind::Other);
  std::vector<bool> found(kKindCount, false);
  // Every symbol whose name (and namedness) matches maps to the kind: aliases of one visible
  // name live under several symbols, and ts_node_symbol may return any of them.
  for (TSSymbol symbol = 0; symbol < symbol_count; ++symbol) {
    const TSSymbolType type = ts_language_symbol_type(language, symbol);
    const char* raw_name = ts_language_symbol_name(language, symbol);
    if (raw_name == nullptr || type == TSSymbolTypeAuxiliary) continue;
    const std::string_view name(raw_name);
    const bool named = type == TSSymbolTypeRegular;
    for (const KindSpec& spec : kKindSpecs) {
      if (spec.name == name && spec.named == named) {
        kinds_[symbol] = spec.kind;
        found[static_cast<std::size_t>(spec.kind)] = true;
      }
    }
  }
  found[static_cast<std::size_t>(Kind::Error)] = true;  // builtin symbol, see Language::kind
  for (const KindSpec& spec : kKindSpecs) {
    if (!found[static_cast<std::size_t>(spec.kind)]) {
      throw std::runtime_error("tree-sitter-python has no node kind '" + std::string(spec.name) + "'");
    }
  }

  const std::uint32_t field_count = ts_language_field_count(language);
  field_of_id_.assign(field_count + 1, Field::Count_);
  for (std::size_t i = 0; i < kFieldCount; ++i) {
    const std::string_view name = kFieldNames[i];
    const TSFieldId id = ts_language_field_id_for_name(language, name.data(), static_cast<std::uint32_t>(name.size()));
    if (id == 0) throw std::runtime_error("tree-sitter-python has no field '" + std::string(name) + "'");
    fields_[i] = id;
    if (id < field_of_id_.size()) field_of_id_[id] = static_cast<Field>(i);
  }
}

}  // namespace pyperf::syntax
