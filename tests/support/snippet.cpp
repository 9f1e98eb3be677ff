#include "support/snippet.hpp"

#include <cctype>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "semantic/builder.hpp"
#include "syntax/walk.hpp"

namespace pyperf::testing {

namespace {

struct Feed {
  semantic::Builder& builder;
  bool enter(const syntax::Node& n, syntax::Field f) {
    builder.enter(n, f);
    return true;
  }
  void leave(const syntax::Node& n) { builder.leave(n); }
};

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

}  // namespace

Snippet::Snippet(std::string code)
    : source_(syntax::SourceText::from_utf8(std::move(code))),
      parser_(syntax::Language::python()),
      tree_(parser_.parse(source_.text())),
      model_(source_) {
  semantic::Builder builder(model_);
  Feed feed{builder};
  syntax::walk(tree_.root(), feed);
  builder.finish();
}

syntax::Node Snippet::ident(const std::string& name, int nth) const {
  const std::string_view text = source_.text();
  std::vector<std::size_t> found;
  for (std::size_t pos = text.find(name); pos != std::string_view::npos; pos = text.find(name, pos + 1)) {
    const std::size_t end = pos + name.size();
    if ((pos == 0 || !word_char(text[pos - 1])) && (end >= text.size() || !word_char(text[end]))) found.push_back(pos);
  }
  REQUIRE(!found.empty());
  const std::size_t index = nth < 0 ? found.size() - 1 : static_cast<std::size_t>(nth);
  REQUIRE(index < found.size());
  const auto p = static_cast<std::uint32_t>(found[index]);
  return {ts_node_named_descendant_for_byte_range(tree_.root().raw(), p, p + static_cast<std::uint32_t>(name.size())),
          tree_.root().language()};
}

}  // namespace pyperf::testing
