// The database client libraries are loaded when dbmig connects with one
// (lib/src/db/client_libraries.hpp), not with the program: a run on SQLite loads neither
// libpq nor libmariadb, nor what they need (TLS, Kerberos, LDAP).
#include <gtest/gtest.h>

#include "demo_project.hpp"
#include "test_support.hpp"

namespace dbmig::test {

TEST(ClientLibraries, ARunOnSqliteLoadsNoOtherDatabaseClient) {
  TempDir project;
  copy_demo_project(project.path());
  // The dynamic loader's own account of every library it looks for, on stderr.
  RunResult migrate = run_dbmig({"--database", "sqlite:///db.sqlite3", "migrate"}, project.path(),
                                {{"LD_DEBUG", "libs"}});
  ASSERT_EQ(migrate.exit_code, 0) << migrate.out << migrate.err;
  EXPECT_NE(migrate.err.find("libsoci_sqlite3"), std::string::npos) << migrate.err;
  EXPECT_EQ(migrate.err.find("libpq"), std::string::npos) << migrate.err;
  EXPECT_EQ(migrate.err.find("libmariadb"), std::string::npos) << migrate.err;
  EXPECT_EQ(migrate.err.find("libsoci_postgresql"), std::string::npos) << migrate.err;
  EXPECT_EQ(migrate.err.find("libsoci_mysql"), std::string::npos) << migrate.err;
}

}  // namespace dbmig::test
