// Commands that only read the database never create one: a SQLite file that does not exist
// reads as an empty database (nothing applied) and is still absent afterwards.
#include <gtest/gtest.h>

#include "demo_project.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace fs = std::filesystem;

TEST(ReadersNeverCreate, AMissingSqliteFileReadsAsEmptyAndStaysMissing) {
  TempDir project;
  copy_demo_project(project.path());
  struct Reader {
    std::vector<std::string> args;
    int exit_code;
    std::string output;  // a fragment of stdout
  };
  const std::vector<Reader> readers = {
      {{"showmigrations"}, 0, "accounts\n [ ] 0001_initial\nblog\n [ ] 0001_initial\n"},
      {{"showmigrations", "--plan"}, 0, "[ ]  blog.0001_initial ... (accounts.0001_initial)"},
      {{"showmigrations", "--format", "json"}, 0, "\"applied\": false"},
      {{"migrate", "--plan"}, 0, "Planned operations:\naccounts.0001_initial"},
      {{"migrate", "--check"}, 1, "accounts.0001_initial"},
  };
  // The default database (db.sqlite3), a relative and an absolute path, one in a missing folder.
  const std::vector<std::pair<std::vector<std::string>, fs::path>> databases = {
      {{}, project.path() / "db.sqlite3"},
      {{"--database", "sqlite:///fresh.db"}, project.path() / "fresh.db"},
      {{"--database", "sqlite:///" + (project.path() / "abs.db").string()},
       project.path() / "abs.db"},
      {{"--database", "sqlite:///no/such/folder/x.db"}, project.path() / "no"},
  };
  for (const auto& [flags, file] : databases) {
    for (const Reader& reader : readers) {
      std::vector<std::string> args = flags;
      args.insert(args.end(), reader.args.begin(), reader.args.end());
      RunResult result = run_dbmig(args, project.path());
      EXPECT_EQ(result.exit_code, reader.exit_code) << args.back() << ": " << result.err;
      EXPECT_NE(result.out.find(reader.output), std::string::npos)
          << file << " " << reader.args[0] << ":\n"
          << result.out;
      EXPECT_FALSE(fs::exists(file)) << file << " created by " << reader.args[0];
    }
  }
}

TEST(ReadersNeverCreate, AnExistingDatabaseIsStillReadAndMigrateStillCreates) {
  TempDir project;
  copy_demo_project(project.path());
  ASSERT_EQ(run_dbmig({"migrate"}, project.path()).exit_code, 0);
  EXPECT_TRUE(fs::exists(project.path() / "db.sqlite3"));
  EXPECT_EQ(run_dbmig({"showmigrations"}, project.path()).out,
            "accounts\n [X] 0001_initial\nblog\n [X] 0001_initial\n");
}

}  // namespace dbmig::test
