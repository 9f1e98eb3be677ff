#pragma once
// A fix is part of a finding: what it does, how far it can be trusted, and the edits that do it.
// Rules build fixes from the helpers below (replace a node, insert before a statement, add an
// import where imports go), never from raw offsets of their own, so that edits stay well-formed.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "semantic/model.hpp"
#include "syntax/source.hpp"
#include "syntax/tree.hpp"

namespace pyperf::lint {

class Context;

// The identifier-like words of a file and the symbols named by each, gathered in one scan the first
// time a fix needs them (Context::names()): a file with thousands of findings must not be rescanned
// per fix.
struct FileNames {
  std::unordered_set<std::string_view> words;
  std::unordered_map<std::string_view, std::vector<semantic::SymbolId>> symbols;
  // Top-level `from <module> import a, b` statements (not star imports), the first per module.
  std::unordered_map<std::string_view, syntax::Node> from_imports;
  static FileNames gather(std::string_view text, const semantic::Model& model);
};

// Ordered: a policy applies every fix at or above its threshold.
enum class Applicability : std::uint8_t {
  Display,  // shown, never applied
  Unsafe,   // can change behaviour in a case the rule's doc names; applied with --unsafe-fixes
  Safe,     // behaviour cannot change; applied with --fix
};
std::string_view to_string(Applicability applicability);

struct Fix {
  Applicability applicability = Applicability::Safe;
  std::string message;              // imperative: "Replace `pop(0)` with `popleft()`"
  std::vector<syntax::Edit> edits;  // sorted by start, non-overlapping
  // Where each edit starts and ends (1-based line, column in characters), parallel to `edits`;
  // filled by the checker with the finding's own positions, for reporters.
  struct Span {
    syntax::Position start;
    syntax::Position end;
  };
  std::vector<Span> spans;
};

// Builds a fix edit by edit; refuses (ok() false) when two edits overlap or an edit is malformed,
// so a rule's bug costs its fix, never the user's file.
class FixBuilder {
 public:
  FixBuilder(Applicability applicability, std::string message) : fix_{applicability, std::move(message), {}, {}} {}

  FixBuilder& replace(const syntax::Node& node, std::string content);
  FixBuilder& replace(std::uint32_t start, std::uint32_t end, std::string content);
  FixBuilder& insert(std::uint32_t at, std::string content) { return replace(at, at, std::move(content)); }
  FixBuilder& remove(std::uint32_t start, std::uint32_t end) { return replace(start, end, {}); }
  // An edit from a helper that may have failed (nullopt): the whole fix fails with it.
  FixBuilder& add(std::optional<syntax::Edit> edit);
  void fail() { ok_ = false; }

  bool ok() const { return ok_; }
  // The fix, edits sorted; nullopt when some edit failed or two overlap.
  std::optional<Fix> build();

 private:
  Fix fix_;
  bool ok_ = true;
};

// The whitespace before a statement that starts its line ("    "), or nullopt when something
// else precedes it on the line (`if x: stmt`, `a; stmt`): new lines cannot go before it then.
std::optional<std::string> line_indent(const syntax::Node& statement, const Context& ctx);

// Inserts `line` (no trailing newline) as a line of its own just before `statement`, at its
// indentation; nullopt when the statement does not start its line.
std::optional<syntax::Edit> insert_line_before(const syntax::Node& statement, std::string_view line,
                                               const Context& ctx);

// The name under which `module.name` (`collections.deque`) can be written at every point of the
// file, with the edit that imports it when no import does yet (`from collections import deque` in
// the module's import block: after the docstring and `from __future__` imports, or merged into an
// existing top-level `from collections import ...`). nullopt when the bare name is bound to
// something else anywhere in the file (a parameter, a local, another import): the fix would have
// to rename, so it is not offered.
struct ImportedName {
  std::string name;
  std::optional<syntax::Edit> edit;  // none: already imported
};
std::optional<ImportedName> import_name(std::string_view module, std::string_view name, const Context& ctx);
// The same for a whole module (`import itertools`): the name is the module's.
std::optional<ImportedName> import_module(std::string_view module, const Context& ctx);

// A name for a new module- or function-level variable: `base`, else `base_2`, … — one bound
// nowhere in the file and used nowhere either, so it cannot clash with any scope.
std::string fresh_name(std::string_view base, const Context& ctx);

}  // namespace pyperf::lint
