#include "scanner/app_files.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace dbmig::scanner {
namespace {

namespace fs = std::filesystem;

// file_identities resolves each folder once and must name every file as file_identity does:
// through linked folders and linked files, "." and "..", links that lead nowhere, files and
// folders that do not exist, a name that is itself "." or "..", and a path without a folder.
TEST(AppFiles, FileIdentitiesNameEveryKindOfPathAsFileIdentityDoes) {
  test::TempDir dir;
  const fs::path root = dir.path();
  fs::create_directories(root / "real" / "sub");
  test::write_file(root / "real" / "a.hpp", "");
  test::write_file(root / "real" / "sub" / "b.hpp", "");
  fs::create_directory_symlink(root / "real", root / "link");
  fs::create_symlink("a.hpp", root / "real" / "c.hpp");
  fs::create_symlink(root / "nowhere.hpp", root / "real" / "dangling.hpp");

  const std::vector<fs::path> paths = {
      root / "real" / "a.hpp",
      root / "link" / "a.hpp",
      root / "link" / "sub" / ".." / "a.hpp",
      root / "real" / "." / "sub" / "b.hpp",
      root / "link" / "sub" / "b.hpp",
      root / "link" / "c.hpp",
      root / "real" / "c.hpp",
      root / "real" / "dangling.hpp",
      root / "real" / "missing.hpp",
      root / "missing" / ".." / "real" / "a.hpp",
      root / "missing" / "deeper" / "x.hpp",
      root / "link" / "sub" / "..",
      root / "real" / "sub" / ".",
      "relative.hpp",
  };
  std::vector<fs::path> expected;
  for (const fs::path& path : paths) expected.push_back(file_identity(path));
  EXPECT_EQ(file_identities(paths), expected);
  // The cases above are not all the same file: the comparison could fail.
  EXPECT_EQ(expected[1], root / "real" / "a.hpp");
  EXPECT_EQ(expected[5], root / "real" / "a.hpp");
  EXPECT_EQ(expected[11], root / "real");
}

}  // namespace
}  // namespace dbmig::scanner
