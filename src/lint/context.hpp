#pragma once
// What a rule sees while it checks one node: the source, the semantic model, where the node sits
// (scope, loop) and a sink for diagnostics.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <optional>

#include "cost/measurements.hpp"
#include "lint/diagnostic.hpp"
#include "lint/options.hpp"
#include "lint/rule.hpp"
#include "semantic/model.hpp"
#include "syntax/source.hpp"
#include "syntax/tree.hpp"

namespace pyperf::lint {

// How many elements an iterable visibly has: a display's length, or N of `range(N)` with a
// literal N; nullopt when the source does not say.
std::optional<std::uint64_t> visible_size(const syntax::Node& iterable, const semantic::Model& model);

class Context {
 public:
  Context(const syntax::SourceText& source, const semantic::Model& model, std::vector<Diagnostic>& sink,
          Options options = {})
      : source_(source), model_(model), sink_(sink), options_(options) {}

  const syntax::SourceText& source() const { return source_; }
  const semantic::Model& semantic() const { return model_; }
  std::string_view text(const syntax::Node& node) const { return node.text(source_.text()); }

  // Where the node being checked sits.
  semantic::ScopeId scope() const { return scope_; }
  semantic::LoopId loop() const { return loop_; }
  // The loops that repeat the checked node: the enclosing loops, less the innermost when the node's
  // statement is followed by `break`, `return` or `raise` in its block (it runs once per entry).
  std::uint32_t loop_depth() const;
  // How many times the innermost loop visibly runs (a display's length, `range(N)` with a
  // literal N), when the source says so.
  std::optional<std::uint64_t> loop_size() const;

  cost::PythonVersion target_version() const { return options_.target_version; }
  // Whether the current rule's measured advice (`variant` in bench/cost-model) holds, i.e. is
  // not slower, on every CPython from the target version on, for inputs of `size`.
  cost::Verdict advice_holds(std::string_view variant, std::optional<std::uint64_t> size) const;
  // "1.07x measured on CPython 3.9-3.13": the verdict's median ratio over the target versions,
  // for messages (the numbers come from bench/cost-model, never from the rule's prose).
  std::string measured_gain(const cost::Verdict& verdict) const;

  // The impact estimate (1-100) of a finding of the current rule here, on a collection of visible
  // size `n` (nullopt: not visible). report() fills it in without n; rules that know the size of
  // the collection itself (a literal's length) recompute it.
  int impact(std::optional<std::uint64_t> n) const;
  // How often the checked node runs: the loops that repeat it (a statement followed by `break`,
  // `return` or `raise` in its block leaves its loop after one pass), handlers, import-time code.
  SiteFrequency frequency(std::optional<std::uint64_t> n = std::nullopt) const;

  // Records a finding of the current rule anchored at `anchor` (its whole span).
  Diagnostic& report(const syntax::Node& anchor, std::string message);
  Diagnostic& report(std::uint32_t start_byte, std::uint32_t end_byte, std::string message);

  // The file's words and symbols by name, for fixes that add a name (gathered on first use).
  const FileNames& names() const {
    if (!names_) names_ = std::make_unique<FileNames>(FileNames::gather(source_.text(), model_));
    return *names_;
  }

  // The parent and grandparent of the node being checked (null above the root). Rules ask these
  // instead of Node::parent(), which costs a walk from the root and turns nesting quadratic.
  const syntax::Node& parent() const { return parent_; }
  const syntax::Node& grandparent() const { return grandparent_; }

  // Set by the checker before each check call.
  void set_site(const Rule* rule, semantic::ScopeId scope, semantic::LoopId loop, const syntax::Node& parent = {},
                const syntax::Node& grandparent = {}, const syntax::Node& node = {}, bool leaves_loop = false) {
    rule_ = rule;
    leaves_loop_ = leaves_loop;
    node_ = node;
    scope_ = scope;
    loop_ = loop;
    parent_ = parent;
    grandparent_ = grandparent;
  }

 private:
  const syntax::SourceText& source_;
  const semantic::Model& model_;
  std::vector<Diagnostic>& sink_;
  Options options_;
  const Rule* rule_ = nullptr;
  semantic::ScopeId scope_ = 0;
  semantic::LoopId loop_ = semantic::kNone;
  syntax::Node parent_;
  syntax::Node grandparent_;
  syntax::Node node_;
  bool leaves_loop_ = false;
  mutable std::unique_ptr<FileNames> names_;  // the node runs once per entry of its innermost loop
  // Whether the checked node sits in an `except` handler of its innermost loop (one descent from
  // the loop: asked only for findings).
  bool in_loop_handler() const;
  // impact_score() of the current rule at `site`, with its measured ratio taken at size `measured_at`.
  int score(const SiteFrequency& site, std::optional<std::uint64_t> measured_at) const;
};

}  // namespace pyperf::lint
