#pragma once
// What a rule sees while it checks one node: the source, the semantic model, where the node sits
// (scope, loop) and a sink for diagnostics.

#include <string>
#include <string_view>
#include <vector>

#include "lint/diagnostic.hpp"
#include "lint/rule.hpp"
#include "semantic/model.hpp"
#include "syntax/source.hpp"
#include "syntax/tree.hpp"

namespace pyperf::lint {

class Context {
 public:
  Context(const syntax::SourceText& source, const semantic::Model& model, std::vector<Diagnostic>& sink)
      : source_(source), model_(model), sink_(sink) {}

  const syntax::SourceText& source() const { return source_; }
  const semantic::Model& semantic() const { return model_; }
  std::string_view text(const syntax::Node& node) const { return node.text(source_.text()); }

  // Where the node being checked sits.
  semantic::ScopeId scope() const { return scope_; }
  semantic::LoopId loop() const { return loop_; }
  std::uint32_t loop_depth() const { return model_.loop_depth(loop_); }

  // Records a finding of the current rule anchored at `anchor` (its whole span).
  Diagnostic& report(const syntax::Node& anchor, std::string message);
  Diagnostic& report(std::uint32_t start_byte, std::uint32_t end_byte, std::string message);

  // Set by the checker before each check call.
  void set_site(const Rule* rule, semantic::ScopeId scope, semantic::LoopId loop) {
    rule_ = rule;
    scope_ = scope;
    loop_ = loop;
  }

 private:
  const syntax::SourceText& source_;
  const semantic::Model& model_;
  std::vector<Diagnostic>& sink_;
  const Rule* rule_ = nullptr;
  semantic::ScopeId scope_ = 0;
  semantic::LoopId loop_ = semantic::kNone;
};

}  // namespace pyperf::lint
