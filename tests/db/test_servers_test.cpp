// The harness itself: every configured server gives each test a fresh, reachable database.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "dbmig/database_url.hpp"
#include "test_support.hpp"

namespace dbmig::test {

TEST(TestServers, EachDialectGivesAFreshEmptyDatabase) {
  TempDir dir;
  for (Dialect dialect : test_dialects()) {
    auto url = fresh_database_url(dialect, dir.path());
    ASSERT_TRUE(url.has_value()) << to_string(dialect);
    DatabaseUrl parsed = parse_database_url(*url);
    soci::session session(parsed.soci_backend(), parsed.soci_connection_string());
    int answer = 0;
    session << "SELECT 41 + 1", soci::into(answer);
    EXPECT_EQ(answer, 42) << to_string(dialect);
  }
}

}  // namespace dbmig::test
