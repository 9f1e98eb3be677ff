#include "support/fixture.hpp"

#include <fstream>
#include <regex>
#include <sstream>

#include <fmt/core.h>

#include "syntax/source.hpp"
#include "syntax/tree.hpp"
#include "syntax/walk.hpp"

namespace pyperf::testing {
namespace {

struct CommentCollector {
  std::string_view text;
  std::vector<syntax::Node> comments;
  bool enter(const syntax::Node& node, syntax::Field) {
    if (node.is(syntax::Kind::Comment)) comments.push_back(node);
    return true;
  }
  void leave(const syntax::Node&) {}
};

bool blank_or_comment(std::string_view line) {
  const auto first = line.find_first_not_of(" \t\f");
  return first == std::string_view::npos || line[first] == '#';
}

}  // namespace

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Fixture parse_fixture(const std::string& path, const std::string& text) {
  Fixture fixture;
  fixture.path = path;
  const syntax::SourceText source = syntax::SourceText::from_utf8(text);
  syntax::Parser parser(syntax::Language::python());
  const syntax::Tree tree = parser.parse(source.text());
  CommentCollector collector{source.text(), {}};
  syntax::walk(tree.root(), collector);

  static const std::regex header(R"(^#\s*pyperf-test:\s*select=([A-Z0-9,]+)(?:\s+target-version=(py3[0-9]+))?\s*$)");
  static const std::regex expect_token(R"(\[([A-Z]+[0-9]+)(?:@([0-9]+))?\])");
  static const std::regex quoted(R"re("([^"]*)")re");

  for (const syntax::Node& comment : collector.comments) {
    const std::string body(comment.text(source.text()));
    const std::uint32_t line_index = source.line_index(comment.start_byte());
    const std::string_view line = source.line_text(line_index);
    const bool own_line = blank_or_comment(line.substr(0, comment.start_byte() - source.line_start(line_index)));
    std::smatch m;
    if (std::regex_match(body, m, header)) {
      std::stringstream codes(m[1].str());
      std::string code;
      while (std::getline(codes, code, ',')) {
        code.erase(0, code.find_first_not_of(' '));
        code.erase(code.find_last_not_of(' ') + 1);
        if (!code.empty()) fixture.select.push_back(code);
      }
      if (m[2].matched) fixture.target_version = m[2].str();
      continue;
    }
    if (body.starts_with("# ok:")) ++fixture.hard_negatives;
    if (!body.starts_with("# expect:")) continue;
    const std::string spec = body.substr(9);
    std::string substring;
    if (std::smatch q; std::regex_search(spec, q, quoted)) substring = q[1].str();
    // An own-line expectation applies to the next line holding code; stacked ones all do.
    std::uint32_t target = line_index;
    if (own_line) {
      ++target;
      while (target < source.line_count() && blank_or_comment(source.line_text(target))) ++target;
    }
    bool any = false;
    for (auto it = std::sregex_iterator(spec.begin(), spec.end(), expect_token); it != std::sregex_iterator(); ++it) {
      Expectation e;
      e.code = (*it)[1].str();
      if ((*it)[2].matched) e.column = static_cast<std::uint32_t>(std::stoul((*it)[2].str()));
      e.substring = substring;
      e.line = target + 1;
      fixture.expectations.push_back(e);
      any = true;
    }
    if (!any) fixture.errors.push_back(fmt::format("{}:{}: `# expect:` without a [CODE]", path, line_index + 1));
  }
  if (fixture.select.empty()) fixture.errors.push_back(path + ": no `# pyperf-test: select=...` header");
  return fixture;
}

std::vector<std::string> compare(const Fixture& fixture, const std::vector<lint::Diagnostic>& diagnostics) {
  std::vector<std::string> problems = fixture.errors;
  std::vector<bool> used(diagnostics.size(), false);
  for (const Expectation& e : fixture.expectations) {
    bool matched = false;
    for (std::size_t i = 0; i < diagnostics.size() && !matched; ++i) {
      const lint::Diagnostic& d = diagnostics[i];
      if (used[i] || d.rule->code != e.code || d.start.line != e.line) continue;
      if (e.column != 0 && d.start.column != e.column) continue;
      if (!e.substring.empty() && d.message.find(e.substring) == std::string::npos) continue;
      used[i] = matched = true;
    }
    if (!matched) {
      std::string near;
      for (const lint::Diagnostic& d : diagnostics) {
        if (d.start.line == e.line)
          near += fmt::format("\n      got {}:{} {} {}", d.start.line, d.start.column, d.rule->code, d.message);
      }
      problems.push_back(fmt::format("{}:{}: expected [{}]{}{} but no such finding{}", fixture.path, e.line, e.code,
                                     e.column != 0 ? fmt::format(" at column {}", e.column) : "",
                                     e.substring.empty() ? "" : fmt::format(" with \"{}\"", e.substring), near));
    }
  }
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    if (used[i]) continue;
    const lint::Diagnostic& d = diagnostics[i];
    problems.push_back(
        fmt::format("{}:{}:{}: unexpected {} {}", fixture.path, d.start.line, d.start.column, d.rule->code, d.message));
  }
  return problems;
}

}  // namespace pyperf::testing
