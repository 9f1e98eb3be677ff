#include "lint/fix.hpp"

#include <algorithm>

#include <fmt/core.h>

#include "lint/context.hpp"

namespace pyperf::lint {

using syntax::Kind;
using syntax::Node;

std::string_view to_string(Applicability applicability) {
  switch (applicability) {
    case Applicability::Display:
      return "display";
    case Applicability::Unsafe:
      return "unsafe";
    case Applicability::Safe:
      return "safe";
  }
  return "display";
}

FixBuilder& FixBuilder::replace(const Node& node, std::string content) {
  if (!node) {
    ok_ = false;
    return *this;
  }
  return replace(node.start_byte(), node.end_byte(), std::move(content));
}

FixBuilder& FixBuilder::replace(std::uint32_t start, std::uint32_t end, std::string content) {
  if (end < start) {
    ok_ = false;
    return *this;
  }
  fix_.edits.push_back({start, end, std::move(content)});
  return *this;
}

FixBuilder& FixBuilder::add(std::optional<syntax::Edit> edit) {
  if (!edit) {
    ok_ = false;
  } else {
    fix_.edits.push_back(std::move(*edit));
  }
  return *this;
}

std::optional<Fix> FixBuilder::build() {
  if (!ok_ || fix_.edits.empty()) return std::nullopt;
  std::stable_sort(fix_.edits.begin(), fix_.edits.end(), [](const syntax::Edit& a, const syntax::Edit& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  for (std::size_t i = 1; i < fix_.edits.size(); ++i) {
    const syntax::Edit& before = fix_.edits[i - 1];
    const syntax::Edit& after = fix_.edits[i];
    // Two insertions at one point would have no defined order; a replacement may not reach into
    // the next edit.
    const bool two_insertions = after.start == before.start && before.start == before.end && after.start == after.end;
    if (after.start < before.end || two_insertions) return std::nullopt;
  }
  return std::move(fix_);
}

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\f';
}

// The byte after the line that holds `byte` (after its newline), or the text's end.
std::uint32_t next_line_start(std::string_view text, std::uint32_t byte) {
  const std::size_t newline = text.find('\n', byte);
  return newline == std::string_view::npos ? static_cast<std::uint32_t>(text.size())
                                           : static_cast<std::uint32_t>(newline + 1);
}

bool is_docstring(const Node& statement) {
  if (!statement.is(Kind::ExpressionStatement) || statement.named_child_count() != 1) return false;
  return statement.named_child(0).is(Kind::String) || statement.named_child(0).is(Kind::ConcatenatedString);
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

// Whether `word` occurs in the file as a whole identifier-like word (in code, strings or comments:
// a name that only looks used is skipped as well, which costs nothing).
bool occurs_as_word(const Context& ctx, std::string_view word) {
  return ctx.names().words.contains(word);
}

const std::vector<semantic::SymbolId>& symbols_named(const Context& ctx, std::string_view name) {
  static const std::vector<semantic::SymbolId> kNone;
  const auto& symbols = ctx.names().symbols;
  const auto it = symbols.find(name);
  return it == symbols.end() ? kNone : it->second;
}

// Where a new top-level import goes: after the leading docstring and imports (at the start of the
// line that follows them), else before the first statement (so a shebang or coding line stays first).
std::optional<std::uint32_t> import_position(const Context& ctx) {
  const Node module = ctx.semantic().scope(0).node;
  const std::string_view text = ctx.source().text();
  std::optional<std::uint32_t> after;
  Node first;
  bool leading = true;
  for (const Node child : module.named_children()) {
    if (child.is(Kind::Comment)) continue;
    if (!first) first = child;
    const bool docstring = child == first && is_docstring(child);
    const bool import =
        child.is(Kind::ImportStatement) || child.is(Kind::ImportFromStatement) || child.is(Kind::FutureImportStatement);
    if (!leading || !(docstring || import)) break;
    after = child.end_byte();
  }
  if (after) {
    // Something else after the import on its line (`import os; x = 1`): no clean place.
    const std::uint32_t line_end = next_line_start(text, *after);
    for (std::uint32_t i = *after; i < line_end; ++i) {
      if (text[i] == '#') break;
      if (!is_space(text[i]) && text[i] != '\n' && text[i] != '\r' && text[i] != ';') return std::nullopt;
      if (text[i] == ';') return std::nullopt;
    }
    return line_end;
  }
  if (!first) return std::nullopt;
  const std::uint32_t line = ctx.source().line_index(first.start_byte());
  if (ctx.source().line_start(line) != first.start_byte()) return std::nullopt;  // indented first statement
  return first.start_byte();
}

// An existing top-level `from <module> import a, b` (not a star import, not relative) to extend.
Node existing_from_import(std::string_view module, const Context& ctx) {
  const auto& imports = ctx.names().from_imports;
  const auto it = imports.find(module);
  return it == imports.end() ? Node{} : it->second;
}

// Whether the identifier `name` is used or bound anywhere in the file other than by
// `from <module> import <name>` at the top level: the state in which it is safe to use it.
enum class NameState { Free, ImportedFromModule, Taken };

NameState name_state(std::string_view module, std::string_view name, const Context& ctx) {
  const semantic::Model& model = ctx.semantic();
  if (model.scope(0).star_import) return NameState::Taken;
  const std::vector<semantic::SymbolId>& symbols = symbols_named(ctx, name);
  if (symbols.empty()) {
    // Never bound: any use of the word (an undefined global, a builtin, an attribute `x.deque`
    // that a plain scan cannot tell apart) makes us keep out.
    return occurs_as_word(ctx, name) ? NameState::Taken : NameState::Free;
  }
  if (symbols.size() != 1) return NameState::Taken;
  const semantic::Symbol& symbol = model.symbol(symbols.front());
  if (symbol.scope != 0) return NameState::Taken;
  for (const semantic::BindingId id : symbol.bindings) {
    const semantic::Binding& binding = model.binding(id);
    if (binding.kind != semantic::BindingKind::ImportFrom) return NameState::Taken;
    const Node statement = binding.statement;
    if (!statement.is(Kind::ImportFromStatement) || statement.parent() != model.scope(0).node) return NameState::Taken;
    const Node from = statement.field(syntax::Field::ModuleName);
    if (!from || ctx.text(from) != module) return NameState::Taken;
    // `from m import other as deque` binds the word to something else.
    const Node alias_parent = binding.target.parent();
    if (alias_parent.is(Kind::AliasedImport)) return NameState::Taken;
  }
  return NameState::ImportedFromModule;
}

}  // namespace

std::optional<std::string> line_indent(const Node& statement, const Context& ctx) {
  const syntax::SourceText& source = ctx.source();
  const std::uint32_t start = source.line_start(source.line_index(statement.start_byte()));
  const std::string_view before = source.text().substr(start, statement.start_byte() - start);
  if (!std::all_of(before.begin(), before.end(), is_space)) return std::nullopt;
  return std::string(before);
}

std::optional<syntax::Edit> insert_line_before(const Node& statement, std::string_view line, const Context& ctx) {
  const std::optional<std::string> indent = line_indent(statement, ctx);
  if (!indent) return std::nullopt;
  return syntax::Edit{statement.start_byte(), statement.start_byte(), fmt::format("{}\n{}", line, *indent)};
}

std::optional<ImportedName> import_name(std::string_view module, std::string_view name, const Context& ctx) {
  switch (name_state(module, name, ctx)) {
    case NameState::Taken:
      return std::nullopt;
    case NameState::ImportedFromModule:
      return ImportedName{std::string(name), std::nullopt};
    case NameState::Free:
      break;
  }
  if (const Node existing = existing_from_import(module, ctx)) {
    // Extend the last imported name: `from collections import OrderedDict` -> `…, deque`.
    Node last;
    for (const Node part : existing.named_children()) {
      if (part.is(Kind::DottedName) || part.is(Kind::AliasedImport)) {
        if (part != existing.field(syntax::Field::ModuleName)) last = part;
      }
    }
    if (last)
      return ImportedName{std::string(name), syntax::Edit{last.end_byte(), last.end_byte(), fmt::format(", {}", name)}};
  }
  const std::optional<std::uint32_t> at = import_position(ctx);
  if (!at) return std::nullopt;
  const std::string_view text = ctx.source().text();
  // After a last line with no newline, the import needs one of its own first.
  const bool needs_newline = *at == text.size() && !text.empty() && text.back() != '\n';
  return ImportedName{
      std::string(name),
      syntax::Edit{*at, *at, fmt::format("{}from {} import {}\n", needs_newline ? "\n" : "", module, name)}};
}

std::optional<ImportedName> import_module(std::string_view module, const Context& ctx) {
  const semantic::Model& model = ctx.semantic();
  if (model.scope(0).star_import) return std::nullopt;
  const std::vector<semantic::SymbolId>& symbols = symbols_named(ctx, module);
  if (symbols.empty()) {
    if (occurs_as_word(ctx, module)) return std::nullopt;
    const std::optional<std::uint32_t> at = import_position(ctx);
    if (!at) return std::nullopt;
    const std::string_view text = ctx.source().text();
    const bool needs_newline = *at == text.size() && !text.empty() && text.back() != '\n';
    return ImportedName{std::string(module),
                        syntax::Edit{*at, *at, fmt::format("{}import {}\n", needs_newline ? "\n" : "", module)}};
  }
  if (symbols.size() != 1) return std::nullopt;
  const semantic::Symbol& symbol = model.symbol(symbols.front());
  if (symbol.scope != 0) return std::nullopt;
  for (const semantic::BindingId id : symbol.bindings) {
    const semantic::Binding& binding = model.binding(id);
    if (binding.kind != semantic::BindingKind::Import || binding.statement.parent() != model.scope(0).node) {
      return std::nullopt;
    }
    // `import itertools` binds the module; `import x as itertools` and `import itertools.y` do not
    // (the latter binds it too, but keep to the plain form).
    if (binding.target.parent().is(Kind::AliasedImport) || ctx.text(binding.target.parent()) != module) {
      return std::nullopt;
    }
  }
  return ImportedName{std::string(module), std::nullopt};
}

std::string fresh_name(std::string_view base, const Context& ctx) {
  std::string name(base);
  for (int n = 2; occurs_as_word(ctx, name); ++n) name = fmt::format("{}_{}", base, n);
  return name;
}

FileNames FileNames::gather(std::string_view text, const semantic::Model& model) {
  FileNames names;
  for (std::size_t i = 0; i < text.size();) {
    if (!is_word_char(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && is_word_char(text[i])) ++i;
    names.words.insert(text.substr(start, i - start));
  }
  for (semantic::ScopeId id = 0; id < model.scope_count(); ++id) {
    for (const auto& [name, symbol] : model.scope(id).symbols) names.symbols[name].push_back(symbol);
  }
  for (const Node child : model.scope(0).node.named_children()) {
    if (!child.is(Kind::ImportFromStatement)) continue;
    const Node module = child.field(syntax::Field::ModuleName);
    if (!module) continue;
    bool star = false;
    for (const Node part : child.named_children()) star = star || part.is(Kind::WildcardImport);
    if (!star) names.from_imports.emplace(module.text(text), child);
  }
  return names;
}

}  // namespace pyperf::lint
