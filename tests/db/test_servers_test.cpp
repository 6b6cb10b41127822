// The harness itself: every configured server gives each test a fresh, reachable, empty
// database, and only DBMIG_REQUIRE_SERVERS=1 turns a missing server into a failure.
#include <algorithm>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "dbmig/database_url.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

std::string count_tables_sql(Dialect dialect) {
  switch (dialect) {
    case Dialect::sqlite:
      return "SELECT COUNT(*) FROM sqlite_master";
    case Dialect::postgresql:
      return "SELECT COUNT(*) FROM information_schema.tables "
             "WHERE table_schema = current_schema()";
    case Dialect::mysql:
      return "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()";
  }
  return {};
}

bool has(const std::vector<Dialect>& dialects, Dialect dialect) {
  return std::find(dialects.begin(), dialects.end(), dialect) != dialects.end();
}

}  // namespace

TEST(TestServers, EachDialectGivesAFreshEmptyDatabase) {
  TempDir dir;
  for (Dialect dialect : test_dialects()) {
    auto url = fresh_database_url(dialect, dir.path());
    ASSERT_TRUE(url.has_value()) << to_string(dialect);
    DatabaseUrl parsed = parse_database_url(*url);
    soci::session session(parsed.soci_backend(), parsed.soci_connection_string());
    long long tables = -1;
    session << count_tables_sql(dialect), soci::into(tables);
    EXPECT_EQ(tables, 0) << to_string(dialect);
  }
}

TEST(TestServers, OnlyRequireServersOneMakesAnUnsetServerATestDialect) {
  ScopedEnv no_postgres("DBMIG_TEST_POSTGRES_URL", nullptr);
  {
    ScopedEnv zero("DBMIG_REQUIRE_SERVERS", "0");
    EXPECT_FALSE(has(test_dialects(), Dialect::postgresql));
  }
  {
    ScopedEnv unset("DBMIG_REQUIRE_SERVERS", nullptr);
    EXPECT_FALSE(has(test_dialects(), Dialect::postgresql));
  }
  ScopedEnv one("DBMIG_REQUIRE_SERVERS", "1");
  EXPECT_TRUE(has(test_dialects(), Dialect::postgresql));
}

}  // namespace dbmig::test
