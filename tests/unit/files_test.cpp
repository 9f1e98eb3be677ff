// app::write_fixed: the atomic replacement of a fixed file, and its refusal to overwrite a file
// that changed since it was read.

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "app/files.hpp"
#include "support/fixture.hpp"

namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string name = (fs::temp_directory_path() / "pyperf-files-XXXXXX").string();
    path = ::mkdtemp(name.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("write_fixed replaces the file and keeps its mode", "[files]") {
  const TempDir dir;
  const fs::path file = dir.path / "m.py";
  write(file, "old\n");
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  CHECK(pyperf::app::write_fixed(file.string(), "old\n", "new\n").empty());
  CHECK(pyperf::testing::read_text(file.string()) == "new\n");
  CHECK((fs::status(file).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);  // no temporary left
}

TEST_CASE("write_fixed refuses a file that changed since it was read", "[files]") {
  const TempDir dir;
  const fs::path file = dir.path / "m.py";
  write(file, "edited meanwhile\n");
  const std::string error = pyperf::app::write_fixed(file.string(), "as read\n", "fixed\n");
  CHECK(error.find("changed on disk") != std::string::npos);
  CHECK(pyperf::testing::read_text(file.string()) == "edited meanwhile\n");
}

TEST_CASE("write_fixed writes through a symbolic link", "[files]") {
  const TempDir dir;
  const fs::path target = dir.path / "real.py";
  const fs::path link = dir.path / "link.py";
  write(target, "old\n");
  fs::create_symlink(target, link);
  CHECK(pyperf::app::write_fixed(link.string(), "old\n", "new\n").empty());
  CHECK(fs::is_symlink(link));
  CHECK(pyperf::testing::read_text(target.string()) == "new\n");
}
