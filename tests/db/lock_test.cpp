// The migration lock: a second holder waits, and gives up after its timeout with a clear
// message; releasing lets the next one in.
#include <chrono>

#include <gtest/gtest.h>

#include "dbmig/error.hpp"
#include "dbmig/migration_lock.hpp"
#include "test_support.hpp"

namespace dbmig::test {

using namespace std::chrono_literals;

TEST(MigrationLock, SecondConnectionTimesOutWhileTheFirstHoldsItThenGetsIt) {
  TempDir dir;
  for (Dialect dialect : test_dialects()) {
    auto url = fresh_database_url(dialect, dir.path());
    ASSERT_TRUE(url);
    Connection first(parse_database_url(*url)), second(parse_database_url(*url));
    {
      auto held = MigrationLock::acquire(first, 1s);
      try {
        MigrationLock::acquire(second, 200ms);
        FAIL() << "two holders of the lock on " << to_string(dialect);
      } catch (const DatabaseError& e) {
        std::string message = e.what();
        EXPECT_NE(message.find("another dbmig migrate or rollback"), std::string::npos) << message;
        EXPECT_NE(message.find("--lock-timeout"), std::string::npos) << message;
        EXPECT_EQ(message.find("dbmig-test-secret"), std::string::npos) << message;
      }
    }
    EXPECT_NO_THROW(MigrationLock::acquire(second, 1s)) << to_string(dialect);
  }
}

TEST(MigrationLock, LocksOfDifferentDatabasesDoNotBlockEachOther) {
  TempDir dir;
  for (Dialect dialect : test_dialects()) {
    TempDir other_dir;
    auto one = fresh_database_url(dialect, dir.path());
    auto two = fresh_database_url(dialect, other_dir.path());
    ASSERT_TRUE(one && two);
    Connection first(parse_database_url(*one)), second(parse_database_url(*two));
    auto held = MigrationLock::acquire(first, 1s);
    EXPECT_NO_THROW(MigrationLock::acquire(second, 200ms)) << to_string(dialect);
  }
}

}  // namespace dbmig::test
