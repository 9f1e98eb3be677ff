// The parse-only baseline for bench/bench.py: the same discovery, reading, validation, parse and
// cursor walk as pyperf-lint, with no semantic model and no rules. The linter's cost is measured as
// a ratio to this, in the same run, on the same files.
//
// usage: pyperf-parse-only [--threads N] PATHS...

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "app/discovery.hpp"
#include "app/runner.hpp"
#include "syntax/language.hpp"
#include "syntax/source.hpp"
#include "syntax/tree.hpp"
#include "syntax/walk.hpp"

namespace {

struct Counter {
  std::uint64_t nodes = 0;
  std::uint64_t named = 0;
  bool enter(const pyperf::syntax::Node& node, pyperf::syntax::Field) {
    ++nodes;
    // A stand-in for dispatch: one table lookup per node.
    if (node.kind() != pyperf::syntax::Kind::Other) ++named;
    return true;
  }
  void leave(const pyperf::syntax::Node&) {}
};

}  // namespace

int main(int argc, char** argv) {
  unsigned threads = std::max(1U, std::thread::hardware_concurrency());
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threads" && i + 1 < argc) {
      threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    } else {
      paths.push_back(arg);
    }
  }
  pyperf::syntax::install_fast_allocator();
  const auto& language = pyperf::syntax::Language::python();
  // The same discovery as the linter's (configuration files, excludes, .gitignore).
  const pyperf::app::Settings settings;
  pyperf::app::ConfigResolver configs(settings);
  const auto discovery = pyperf::app::discover(paths.empty() ? std::vector<std::string>{"."} : paths, configs);
  const auto& files = discovery.files;
  std::atomic<std::size_t> next{0};
  std::atomic<std::uint64_t> total_nodes{0};
  std::atomic<std::uint64_t> total_bytes{0};
  std::atomic<std::uint64_t> total_lines{0};
  auto worker = [&] {
    pyperf::syntax::Parser parser(language);
    std::uint64_t nodes = 0;
    std::uint64_t bytes_read = 0;
    std::uint64_t lines = 0;
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= files.size()) break;
      std::string bytes;
      if (!pyperf::app::read_file(files[i].path, 10'000'000, bytes).empty()) continue;
      bytes_read += bytes.size();
      lines += static_cast<std::uint64_t>(std::count(bytes.begin(), bytes.end(), '\n'));
      auto loaded = pyperf::syntax::SourceText::load(std::move(bytes));
      if (!loaded.source) continue;
      const auto tree = parser.parse(loaded.source->text());
      Counter counter;
      pyperf::syntax::walk(tree.root(), counter);
      nodes += counter.nodes;
    }
    total_nodes += nodes;
    total_bytes += bytes_read;
    total_lines += lines;
  };
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  pool.clear();
  std::cout << files.size() << " files, " << total_lines.load() << " lines, " << total_bytes.load() << " bytes, "
            << total_nodes.load() << " nodes\n";
  return 0;
}
