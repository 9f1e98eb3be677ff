// A main() for fuzz_lint.cpp without libFuzzer: runs LLVMFuzzerTestOneInput once on every file
// named, and on every regular file under every directory named, so the seed corpus and the
// inputs that once crashed (tests/fuzz/regressions/) are checked in every build, sanitizers
// included. A crash or a broken invariant aborts; an unreadable path or no input at all fails.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

bool collect(const fs::path& path, std::vector<fs::path>& inputs) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    inputs.push_back(path);
    return true;
  }
  if (!fs::is_directory(path, ec)) {
    std::cerr << "fuzz-replay: " << path.string() << ": not a file or directory\n";
    return false;
  }
  std::vector<fs::path> found;
  for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file(ec)) found.push_back(it->path());
  }
  if (ec) {
    std::cerr << "fuzz-replay: " << path.string() << ": " << ec.message() << '\n';
    return false;
  }
  std::sort(found.begin(), found.end());  // a stable order, so a failure reproduces alike
  inputs.insert(inputs.end(), found.begin(), found.end());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<fs::path> inputs;
  bool ok = true;
  for (int i = 1; i < argc; ++i) ok = collect(argv[i], inputs) && ok;
  if (inputs.empty()) {
    std::cerr << "fuzz-replay: no inputs (usage: fuzz-replay FILE|DIR...)\n";
    return 2;
  }
  for (const fs::path& input : inputs) {
    std::ifstream in(input, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
      std::cerr << "fuzz-replay: " << input.string() << ": cannot read\n";
      ok = false;
      continue;
    }
    // Named before the run, so that the input is known when it aborts.
    std::cerr << "fuzz-replay: " << input.string() << '\n';
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  if (!ok) return 1;
  std::cout << "fuzz-replay: " << inputs.size() << " input(s) passed\n";
  return 0;
}
