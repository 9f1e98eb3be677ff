// Globs for exclude and per-file-ignores, with ruff's (globset's) semantics.

#include <catch2/catch.hpp>

#include "app/glob.hpp"

using pyperf::app::escape_glob;
using pyperf::app::Glob;
using pyperf::app::PathPattern;

namespace {

bool match(std::string_view pattern, std::string_view path) {
  std::string error;
  const auto glob = Glob::compile(pattern, &error);
  INFO(pattern << ": " << error);
  REQUIRE(glob);
  return glob->matches(path);
}

}  // namespace

TEST_CASE("star, question mark and classes", "[glob]") {
  CHECK(match("*.py", "mod.py"));
  CHECK_FALSE(match("*.py", "mod.pyi"));
  CHECK(match("*.py", "pkg/mod.py"));  // like ruff: `*` crosses `/`
  CHECK(match("test_?.py", "test_a.py"));
  CHECK(match("test_?.py", "test_é.py"));  // one character, two bytes
  CHECK_FALSE(match("test_?.py", "test_ab.py"));
  CHECK(match("[abc]x", "bx"));
  CHECK_FALSE(match("[abc]x", "dx"));
  CHECK(match("[a-c]x", "cx"));
  CHECK(match("[!a-c]x", "dx"));
  CHECK_FALSE(match("[^a-c]x", "ax"));
  CHECK(match("[]]x", "]x"));
  CHECK(match("[a-]x", "-x"));
  CHECK(match("\\*.py", "*.py"));
  CHECK_FALSE(match("\\*.py", "a.py"));
  CHECK(match("a*b*c", "aXbYbZc"));
  CHECK_FALSE(match("a*b*c", "aXbYbZ"));
}

TEST_CASE("double star and alternatives", "[glob]") {
  CHECK(match("tests/**/*.py", "tests/a.py"));
  CHECK(match("tests/**/*.py", "tests/x/y/a.py"));
  CHECK(match("**/test_*.py", "test_a.py"));
  CHECK(match("**/test_*.py", "deep/down/test_a.py"));
  CHECK(match("src/**", "src/a/b.py"));
  CHECK_FALSE(match("src/**", "lib/a.py"));
  CHECK(match("**", "anything/at/all"));
  CHECK(match("{tests,docs}/*.py", "docs/conf.py"));
  CHECK(match("{tests,docs}/*.py", "tests/a.py"));
  CHECK_FALSE(match("{tests,docs}/*.py", "src/a.py"));
  CHECK(match("a{b,c{d,e}}f", "acef"));
  CHECK(match("**/{tests,docs}/**", "x/tests/y.py"));
}

TEST_CASE("malformed globs are refused with a reason", "[glob]") {
  std::string error;
  CHECK_FALSE(Glob::compile("[abc", &error));
  CHECK(error.find("unclosed `[`") != std::string::npos);
  CHECK_FALSE(Glob::compile("{a,b", &error));
  CHECK(error.find("unclosed `{`") != std::string::npos);
  CHECK_FALSE(Glob::compile("a}", &error));
  CHECK_FALSE(Glob::compile("trailing\\", &error));
}

TEST_CASE("long paths do not blow up the matcher", "[glob]") {
  const std::string path = std::string(20000, 'a') + "/b.py";
  CHECK(match("**/*.py", path));
  CHECK_FALSE(match("*a*a*a*a*a*a*c", std::string(5000, 'a')));
}

TEST_CASE("path patterns are anchored at the config directory, bare names match anywhere", "[glob]") {
  const auto tests = PathPattern::compile("tests/*", "/repo");
  REQUIRE(tests);
  CHECK(tests->matches("/repo/tests/a.py", "a.py"));
  CHECK_FALSE(tests->matches("/other/tests/a.py", "a.py"));
  const auto name = PathPattern::compile("migrations", "/repo");
  REQUIRE(name);
  CHECK(name->matches("/repo/app/migrations", "migrations"));
  const auto dotted = PathPattern::compile("./gen/*.py", "/repo");
  REQUIRE(dotted);
  CHECK(dotted->matches("/repo/gen/a.py", "a.py"));
  const auto up = PathPattern::compile("../shared/*.py", "/repo/sub");
  REQUIRE(up);
  CHECK(up->matches("/repo/shared/a.py", "a.py"));
  const auto absolute = PathPattern::compile("/abs/*.py", "/repo");
  REQUIRE(absolute);
  CHECK(absolute->matches("/abs/x.py", "x.py"));
  // A root holding glob characters is taken literally.
  const auto odd = PathPattern::compile("*.py", "/tmp/[x]{a,b}");
  REQUIRE(odd);
  CHECK(odd->matches("/tmp/[x]{a,b}/m.py", "m.py"));
  CHECK(escape_glob("a[b]*") == "a\\[b\\]\\*");
}
