// `cmake --install` into a temporary prefix, then a user's projects against it: the installed
// dbmig scans with the installed <dbmig/model.hpp> and the precompiled prelude installed with
// it; examples/runtime builds with find_package(dbmig), its SOCI bindings generated at build
// time (dbmig_add_bindings), migrates, writes and reads rows on each database, follows a column
// rename with its code unchanged, and its ctest runs dbmig_add_migration_check.
#include <gtest/gtest.h>

#include <regex>

#include "shell_command.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

const fs::path kSource = DBMIG_SOURCE_DIR;
// DBMIG_BINARY is <build>/bin/dbmig.
const fs::path kBuild = fs::path(DBMIG_BINARY).parent_path().parent_path();

void install_into(const fs::path& prefix) {
  auto install = shell("cmake --install " + quoted(kBuild) + " --prefix " + quoted(prefix), prefix);
  ASSERT_EQ(install.exit_code, 0) << install.output;
}

// examples/runtime copied into `folder` and built against the dbmig installed in `prefix`.
fs::path built_example(const fs::path& folder, const fs::path& prefix) {
  fs::path project = folder / "runtime";
  fs::create_directories(project);
  for (const char* part : {"CMakeLists.txt", "dbmig.json", "apps", "migrations", "src"})
    fs::copy(kSource / "examples/runtime" / part, project / part, fs::copy_options::recursive);
  auto configure =
      shell("cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=" + quoted(prefix) +
                " -DDBMIG_CMAKE_MODULES=" + quoted(kSource / "cmake"),
            project);
  EXPECT_EQ(configure.exit_code, 0) << configure.output;
  auto build = shell("cmake --build build", project);
  EXPECT_EQ(build.exit_code, 0) << build.output;
  return project;
}

void edit(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = read_file(file);
  ASSERT_NE(text.find(from), std::string::npos) << file << " has no " << from;
  write_file(file, text.replace(text.find(from), from.size(), to));
}

// The program's output with its ids as `#`: a second run gets new ones on some databases.
std::string without_ids(const std::string& output) {
  return std::regex_replace(output, std::regex("[0-9]+"), "#");
}

}  // namespace

TEST(Install, TheHeadersThePreludeAndTheHeaderTheInstalledDbmigScansWith) {
  TempDir prefix, consumer;
  ASSERT_NO_FATAL_FAILURE(install_into(prefix.path()));
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
}

class InstalledRuntime : public ::testing::TestWithParam<Dialect> {};

TEST_P(InstalledRuntime, TheExampleRunsOnItsDatabaseAndFollowsAColumnRename) {
  TempDir prefix, consumer;
  std::optional<std::string> url = fresh_database_url(GetParam(), consumer.path());
  if (!url) GTEST_SKIP() << "no " << to_string(GetParam()) << " server";
  ASSERT_NO_FATAL_FAILURE(install_into(prefix.path()));
  std::string dbmig = quoted(prefix.path() / "bin/dbmig");
  std::string on_database = "DATABASE_URL=" + quoted(fs::path(*url)) + " ";
  fs::path project = built_example(consumer.path(), prefix.path());
  ASSERT_FALSE(HasFailure());
  fs::path bindings = project / "build/dbmig-bindings/blog/models_soci.hpp";
  EXPECT_NE(read_file(bindings).find("user_id = \"user_id\""), std::string::npos);

  auto migrate = shell(on_database + dbmig + " migrate", project);
  ASSERT_EQ(migrate.exit_code, 0) << migrate.output;
  auto run = shell(on_database + "./build/blog_runtime", project);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output,
            "user 1: Ada <ada@example.org>\n"
            "  blog 1: Notes on the Analytical Engine (active)\n"
            "  blog 2: On Bernoulli numbers (active)\n");
  auto in_sync = shell("ctest --test-dir build --output-on-failure", project);
  EXPECT_EQ(in_sync.exit_code, 0) << in_sync.output;
  EXPECT_NE(in_sync.output.find("dbmig_migrations_in_sync"), std::string::npos);

  // The column user_id (which main.cpp's WHERE names through the generated constant) renamed:
  // the build regenerates the bindings and the unchanged program uses the new name.
  ASSERT_NO_FATAL_FAILURE(edit(project / "apps/blog/models.hpp", "on_delete = cascade)",
                               "on_delete = cascade, column = \"author_id\")"));
  auto made = shell(dbmig + " makemigrations --noinput", project);
  ASSERT_EQ(made.exit_code, 0) << made.output;
  EXPECT_NE(made.output.find("Alter field user_id on Blog"), std::string::npos) << made.output;
  auto renamed = shell(on_database + dbmig + " migrate", project);
  ASSERT_EQ(renamed.exit_code, 0) << renamed.output;
  auto rebuild = shell("cmake --build build", project);
  ASSERT_EQ(rebuild.exit_code, 0) << rebuild.output;
  EXPECT_NE(read_file(bindings).find("user_id = \"author_id\""), std::string::npos);
  auto run_again = shell(on_database + "./build/blog_runtime", project);
  EXPECT_EQ(run_again.exit_code, 0) << run_again.output;
  EXPECT_EQ(without_ids(run_again.output), without_ids(run.output));
  auto still_in_sync = shell("ctest --test-dir build --output-on-failure", project);
  EXPECT_EQ(still_in_sync.exit_code, 0) << still_in_sync.output;

  // A model edited without its migration fails the project's tests.
  ASSERT_NO_FATAL_FAILURE(
      edit(project / "apps/blog/models.hpp", "  bool active", "  int views = 0;\n  bool active"));
  auto out_of_sync = shell("ctest --test-dir build --output-on-failure", project);
  EXPECT_NE(out_of_sync.exit_code, 0);
  EXPECT_NE(out_of_sync.output.find("Add field views to Blog"), std::string::npos)
      << out_of_sync.output;
}

INSTANTIATE_TEST_SUITE_P(Dialects, InstalledRuntime,
                         ::testing::Values(Dialect::sqlite, Dialect::postgresql, Dialect::mysql),
                         [](const auto& info) { return std::string(to_string(info.param)); });

}  // namespace dbmig::test
