#pragma once
// The Python grammar's node kinds and fields, resolved to dense enums once at start-up.
// Hot paths compare `Kind` values looked up by raw symbol in a table; they never compare strings
// or raw grammar symbols (aliased kinds share a name but not a symbol).

#include <cstdint>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

namespace pyperf::syntax {

enum class Kind : std::uint8_t {
  Other = 0,
#define PYPERF_KIND(id, name, named) id,
#include "syntax/kinds.def"
#undef PYPERF_KIND
  Count_
};

enum class Field : std::uint8_t {
#define PYPERF_FIELD(id, name) id,
#include "syntax/fields.def"
#undef PYPERF_FIELD
  Count_
};

inline constexpr std::size_t kKindCount = static_cast<std::size_t>(Kind::Count_);
inline constexpr std::size_t kFieldCount = static_cast<std::size_t>(Field::Count_);

std::string_view kind_name(Kind kind);
std::string_view field_name(Field field);

// Immutable after construction; one instance per process, shared by all threads.
class Language {
 public:
  // The Python language with its tables resolved. Throws std::runtime_error at first use when
  // the grammar lacks a kind or field we rely on, or its ABI is not supported by the runtime.
  static const Language& python();

  const TSLanguage* ts() const noexcept { return language_; }
  Kind kind(TSSymbol symbol) const noexcept {
    if (symbol < kinds_.size()) return kinds_[symbol];
    return symbol == kErrorSymbol ? Kind::Error : Kind::Other;
  }
  TSFieldId field(Field field) const noexcept { return fields_[static_cast<std::size_t>(field)]; }
  // Reverse lookup for the walk: which of our fields a cursor field id is (Count_ when none).
  Field field_of(TSFieldId id) const noexcept { return id < field_of_id_.size() ? field_of_id_[id] : Field::Count_; }

 private:
  explicit Language(const TSLanguage* language);
  // tree-sitter's builtin ERROR symbol lies outside the grammar's counted symbols.
  static constexpr TSSymbol kErrorSymbol = static_cast<TSSymbol>(-1);

  const TSLanguage* language_;
  std::vector<Kind> kinds_;  // indexed by grammar symbol
  TSFieldId fields_[kFieldCount]{};
  std::vector<Field> field_of_id_;
};

}  // namespace pyperf::syntax
