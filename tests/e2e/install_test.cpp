// `cmake --install` into a temporary prefix, then a user's project against it: examples/runtime
// builds with find_package(dbmig) and dbmig::model, the installed dbmig migrates its database
// using the installed <dbmig/model.hpp>, the program writes and reads rows, and its ctest runs
// dbmig_add_migration_check.
#include <gtest/gtest.h>

#include "shell_command.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

const fs::path kSource = DBMIG_SOURCE_DIR;
// DBMIG_BINARY is <build>/bin/dbmig.
const fs::path kBuild = fs::path(DBMIG_BINARY).parent_path().parent_path();

}  // namespace

TEST(Install, ConsumerProjectBuildsMigratesRunsAndChecks) {
  TempDir prefix, consumer;
  auto install =
      shell("cmake --install '" + kBuild.string() + "' --prefix '" + prefix.path().string() + "'",
            prefix.path());
  ASSERT_EQ(install.exit_code, 0) << install.output;
  for (const char* file : {"bin/dbmig", "include/dbmig/model.hpp", "include/dbmig/soci_rows.hpp",
                           "lib/cmake/dbmig/dbmigConfig.cmake"})
    EXPECT_TRUE(fs::exists(prefix.path() / file)) << file;
  std::string dbmig = "'" + (prefix.path() / "bin/dbmig").string() + "'";
  // The install built the precompiled prelude where the installed dbmig looks for it, and a
  // first scan parses with it (at -v 2 a scan says when it does not).
  EXPECT_TRUE(fs::exists(prefix.path() / "lib/dbmig/prelude.arguments"));
  fs::path first = consumer.path() / "first";
  write_file(first / "apps/first/models.hpp",
             "#include <dbmig/model.hpp>\nnamespace first { struct DBMIG_MODEL() Thing { "
             "DBMIG_FIELD(primary_key) long id; }; }\n");
  auto first_scan = shell(dbmig + " -v 2 inspectmodels", first);
  EXPECT_EQ(first_scan.exit_code, 0) << first_scan.output;
  EXPECT_EQ(first_scan.output.find("precompiled prelude"), std::string::npos) << first_scan.output;

  // The installed dbmig scans with the installed header, not the source tree's.
  fs::path probe = consumer.path() / "probe";
  write_file(
      prefix.path() / "include/dbmig/model.hpp",
      read_file(prefix.path() / "include/dbmig/model.hpp") + "#define DBMIG_INSTALLED_HEADER 1\n");
  write_file(probe / "apps/probe/models.hpp",
             "#include <dbmig/model.hpp>\n#ifndef DBMIG_INSTALLED_HEADER\n"
             "#error not the installed header\n#endif\n"
             "namespace probe { struct DBMIG_MODEL() Thing { DBMIG_FIELD(primary_key) long id; "
             "}; }\n");
  auto scanned = shell(dbmig + " -v 2 inspectmodels", probe);
  EXPECT_EQ(scanned.exit_code, 0) << scanned.output;
  EXPECT_NE(scanned.output.find("Thing"), std::string::npos) << scanned.output;
  // The prelude was built from the header as installed, so libclang refuses it now.
  EXPECT_NE(scanned.output.find("the models were not parsed with the precompiled prelude shipped "
                                "with dbmig: libclang refused"),
            std::string::npos)
      << scanned.output;

  fs::path project = consumer.path() / "runtime";
  fs::create_directories(project);
  for (const char* part : {"CMakeLists.txt", "dbmig.json", "apps", "migrations", "src"})
    fs::copy(kSource / "examples/runtime" / part, project / part, fs::copy_options::recursive);
  auto configure = shell("cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH='" +
                             prefix.path().string() + "' -DDBMIG_CMAKE_MODULES='" +
                             (kSource / "cmake").string() + "'",
                         project);
  ASSERT_EQ(configure.exit_code, 0) << configure.output;
  auto build = shell("cmake --build build", project);
  ASSERT_EQ(build.exit_code, 0) << build.output;

  auto migrate = shell(dbmig + " migrate", project);
  ASSERT_EQ(migrate.exit_code, 0) << migrate.output;
  auto run = shell("./build/blog_runtime", project);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output,
            "user 1: Ada <ada@example.org>\n"
            "  blog 1: Notes on the Analytical Engine (active)\n"
            "  blog 2: On Bernoulli numbers (active)\n");

  auto in_sync = shell("ctest --test-dir build --output-on-failure", project);
  EXPECT_EQ(in_sync.exit_code, 0) << in_sync.output;
  EXPECT_NE(in_sync.output.find("dbmig_migrations_in_sync"), std::string::npos);
  // A model edited without its migration fails the project's tests.
  write_file(project / "apps/blog/models.hpp", [&] {
    std::string text = read_file(project / "apps/blog/models.hpp");
    return text.replace(text.find("  bool active"), 0, "  int views = 0;\n");
  }());
  auto out_of_sync = shell("ctest --test-dir build --output-on-failure", project);
  EXPECT_NE(out_of_sync.exit_code, 0);
  EXPECT_NE(out_of_sync.output.find("Add field views to Blog"), std::string::npos)
      << out_of_sync.output;
}

}  // namespace dbmig::test
