// dbmig_add_migration_check(NAME ... PROJECT ...) and DBMIG_EXECUTABLE from the installed CMake
// package, in a user's project whose models live in a subfolder: the named test exists, runs
// dbmig on that folder, fails when a model changed without its migration and passes once the
// migration is written; DBMIG_EXECUTABLE is the installed, working dbmig.
#include <gtest/gtest.h>

#include "demo_project.hpp"
#include "shell_command.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

// DBMIG_BINARY is <build>/bin/dbmig.
const fs::path kBuild = fs::path(DBMIG_BINARY).parent_path().parent_path();

// A project needing no compiler: the package gives it the check and the program's path. The
// models are in backend/, named once absolutely and once relative to the source folder.
const char* kConsumer = R"(cmake_minimum_required(VERSION 3.25)
project(consumer LANGUAGES NONE)
find_package(dbmig REQUIRED)
enable_testing()
dbmig_add_migration_check(NAME backend_models PROJECT ${CMAKE_CURRENT_SOURCE_DIR}/backend)
dbmig_add_migration_check(NAME backend_models_relative PROJECT backend)
file(WRITE "${CMAKE_BINARY_DIR}/dbmig_executable.txt" "${DBMIG_EXECUTABLE}")
)";

}  // namespace

TEST(CmakeCheck, NamedCheckRunsOnItsProjectAndDbmigExecutableWorks) {
  TempDir prefix, consumer;
  auto install = shell("cmake --install " + quoted(kBuild) + " --prefix " + quoted(prefix.path()),
                       prefix.path());
  ASSERT_EQ(install.exit_code, 0) << install.output;
  write_file(consumer.path() / "CMakeLists.txt", kConsumer);
  fs::path backend = consumer.path() / "backend";
  fs::create_directories(backend);
  copy_demo_project(backend);
  auto configure =
      shell("cmake -S . -B build -DCMAKE_PREFIX_PATH=" + quoted(prefix.path()), consumer.path());
  ASSERT_EQ(configure.exit_code, 0) << configure.output;

  fs::path executable = read_file(consumer.path() / "build/dbmig_executable.txt");
  EXPECT_EQ(executable, prefix.path() / "bin/dbmig");
  auto help = shell(quoted(executable) + " --help", consumer.path());
  EXPECT_EQ(help.exit_code, 0) << help.output;
  EXPECT_NE(help.output.find("makemigrations"), std::string::npos) << help.output;

  // NAME replaces the default name.
  auto listed = shell("ctest --test-dir build -N", consumer.path());
  EXPECT_NE(listed.output.find(": backend_models\n"), std::string::npos) << listed.output;
  EXPECT_NE(listed.output.find(": backend_models_relative\n"), std::string::npos) << listed.output;
  EXPECT_EQ(listed.output.find("dbmig_migrations_in_sync"), std::string::npos) << listed.output;
  EXPECT_NE(listed.output.find("Total Tests: 2"), std::string::npos) << listed.output;

  // -V shows each test's command and output: the installed dbmig, on backend/.
  auto in_sync = shell("ctest --test-dir build -V", consumer.path());
  EXPECT_EQ(in_sync.exit_code, 0) << in_sync.output;
  std::string command = executable.string() + " \"--project\" \"" + backend.string() + "\"";
  EXPECT_NE(in_sync.output.find("1: Test command: " + command), std::string::npos)
      << in_sync.output;
  EXPECT_NE(in_sync.output.find("2: Test command: " + command), std::string::npos)
      << in_sync.output;
  EXPECT_NE(in_sync.output.find("No changes detected"), std::string::npos) << in_sync.output;

  fs::path header = backend / "apps/blog/models.hpp";
  std::string models = read_file(header);
  write_file(header, models.replace(models.find("  bool active"), 0, "  int views = 0;\n"));
  auto out_of_sync = shell("ctest --test-dir build --output-on-failure", consumer.path());
  EXPECT_NE(out_of_sync.exit_code, 0) << out_of_sync.output;
  EXPECT_NE(out_of_sync.output.find("0% tests passed, 2 tests failed out of 2"), std::string::npos)
      << out_of_sync.output;
  EXPECT_NE(out_of_sync.output.find("Add field views to Blog"), std::string::npos)
      << out_of_sync.output;

  auto written = shell(quoted(executable) + " makemigrations", backend);
  ASSERT_EQ(written.exit_code, 0) << written.output;
  auto synced_again = shell("ctest --test-dir build --output-on-failure", consumer.path());
  EXPECT_EQ(synced_again.exit_code, 0) << synced_again.output;
}

}  // namespace dbmig::test
