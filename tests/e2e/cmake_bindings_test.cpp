// dbmig_add_bindings(TARGET ... PROJECT ...) from the installed CMake package, in a user's
// project whose models live in a subfolder: the build writes each app's bindings header where
// the target's include path finds it, and writes it again when a model header, a header it
// includes or dbmig itself changes.
#include <gtest/gtest.h>

#include "output_checks.hpp"
#include "shell_command.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

// DBMIG_BINARY is <build>/bin/dbmig.
const fs::path kBuild = fs::path(DBMIG_BINARY).parent_path().parent_path();

// The target's source includes the generated header's folder's neighbour to prove the include
// path, without including the header itself.
const char* kConsumer = R"(cmake_minimum_required(VERSION 3.25)
project(consumer LANGUAGES CXX)
find_package(dbmig REQUIRED)
add_executable(app main.cpp)
dbmig_add_bindings(TARGET app PROJECT backend)
)";

}  // namespace

TEST(CmakeBindings, TheBuildWritesTheHeadersAndWritesThemAgainWhenAModelChanges) {
  TempDir prefix, consumer;
  auto install = shell("cmake --install " + quoted(kBuild) + " --prefix " + quoted(prefix.path()),
                       prefix.path());
  ASSERT_EQ(install.exit_code, 0) << install.output;
  write_file(consumer.path() / "CMakeLists.txt", kConsumer);
  write_file(consumer.path() / "main.cpp",
             "#if !__has_include(<shop/models_soci.hpp>)\n#error no include path\n#endif\n"
             "int main() {}\n");
  fs::copy(fs::path(DBMIG_FIXTURES_DIR) / "scanner/bindings", consumer.path() / "backend",
           fs::copy_options::recursive);
  auto configure =
      shell("cmake -S . -B build -DCMAKE_PREFIX_PATH=" + quoted(prefix.path()), consumer.path());
  ASSERT_EQ(configure.exit_code, 0) << configure.output;

  auto built = shell("cmake --build build", consumer.path());
  ASSERT_EQ(built.exit_code, 0) << built.output;
  fs::path generated = consumer.path() / "build/dbmig-bindings";
  EXPECT_TRUE(contains(read_file(generated / "shop/models_soci.hpp"),
                       "\n#include \"../../../backend/apps/shop/models.hpp\"\n"));
  EXPECT_TRUE(contains(read_file(generated / "blog/models_soci.hpp"), "title = \"title\";"));

  auto unchanged = shell("cmake --build build", consumer.path());
  ASSERT_EQ(unchanged.exit_code, 0) << unchanged.output;
  EXPECT_FALSE(contains(unchanged.output, "Generating the SOCI bindings")) << unchanged.output;

  fs::path models = consumer.path() / "backend/apps/blog/models.hpp";
  std::string text = read_file(models);
  write_file(models, text.replace(text.find("std::string title"), 0,
                                  "DBMIG_FIELD(column = \"headline\") "));
  auto rebuilt = shell("cmake --build build", consumer.path());
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.output;
  EXPECT_TRUE(contains(rebuilt.output, "Generating the SOCI bindings")) << rebuilt.output;
  EXPECT_TRUE(contains(read_file(generated / "blog/models_soci.hpp"), "title = \"headline\";"));

  // An included header, not a model header itself: the depfile brings it in.
  fs::path stamped = consumer.path() / "backend/apps/shop/stamped.hpp";
  text = read_file(stamped);
  write_file(stamped, text.replace(text.find("created{}"), 0, "DBMIG_FIELD(column = \"born\") "));
  auto included = shell("cmake --build build", consumer.path());
  ASSERT_EQ(included.exit_code, 0) << included.output;
  EXPECT_TRUE(contains(read_file(generated / "shop/models_soci.hpp"), "created = \"born\";"));

  // Another dbmig (an upgrade) writes the headers again.
  fs::last_write_time(prefix.path() / "bin/dbmig", fs::file_time_type::clock::now());
  auto upgraded = shell("cmake --build build", consumer.path());
  ASSERT_EQ(upgraded.exit_code, 0) << upgraded.output;
  EXPECT_TRUE(contains(upgraded.output, "Generating the SOCI bindings")) << upgraded.output;
}

}  // namespace dbmig::test
