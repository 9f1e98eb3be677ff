#include "semantic/model.hpp"

#include <algorithm>

namespace pyperf::semantic {
namespace {

template <class Index>
std::uint32_t lookup(const Index& index, std::uint32_t byte) {
  const auto it = std::lower_bound(index.begin(), index.end(), byte,
                                   [](const auto& entry, std::uint32_t b) { return entry.first < b; });
  return (it != index.end() && it->first == byte) ? it->second : kNone;
}

}  // namespace

const Reference* Model::reference_at(const syntax::Node& identifier) const {
  if (!identifier.is(syntax::Kind::Identifier)) return nullptr;
  const std::uint32_t id = lookup(reference_index_, identifier.start_byte());
  return id == kNone ? nullptr : &references_[id];
}

const Binding* Model::binding_at(const syntax::Node& identifier) const {
  if (!identifier.is(syntax::Kind::Identifier)) return nullptr;
  const std::uint32_t id = lookup(binding_index_, identifier.start_byte());
  return id == kNone ? nullptr : &bindings_[id];
}

bool Model::is_builtin(const syntax::Node& node, std::string_view name) const {
  if (!node.is(syntax::Kind::Identifier) || text(node) != name) return false;
  const Reference* ref = reference_at(node);
  return ref != nullptr && ref->builtin;
}

}  // namespace pyperf::semantic
