#pragma once
// A Python snippet parsed and modelled for unit tests: the semantic model of `code` and the
// identifier nodes of the names in it, found by whole-word text search.

#include <string>

#include "semantic/model.hpp"
#include "syntax/source.hpp"
#include "syntax/tree.hpp"

namespace pyperf::testing {

class Snippet {
 public:
  explicit Snippet(std::string code);
  Snippet(const Snippet&) = delete;
  Snippet& operator=(const Snippet&) = delete;

  // The named node spanning the `nth` (0-based) whole-word occurrence of `name`; the last one when
  // nth is negative. Fails the test when there is no such occurrence.
  syntax::Node ident(const std::string& name, int nth = 0) const;
  syntax::Node last(const std::string& name) const { return ident(name, -1); }
  const semantic::Model& model() const { return model_; }

 private:
  syntax::SourceText source_;
  syntax::Parser parser_;
  syntax::Tree tree_;
  semantic::Model model_;
};

}  // namespace pyperf::testing
