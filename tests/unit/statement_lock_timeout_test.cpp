// The statement lock timeout's settings: the defaults, dbmig.json's keys, the command line over
// them, and the backoff between retries (docs/databases.md "Lock timeout").
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dbmig/project_config.hpp"
#include "dbmig/statement_lock_timeout.hpp"

namespace dbmig::test {

using namespace std::chrono_literals;

TEST(StatementLockTimeout, DefaultsAreTenSecondsThreeRetriesOneSecondFirstDelay) {
  StatementLockTimeout lock =
      project_config_from_json(nlohmann::json::object(), "/p").statement_lock;
  EXPECT_EQ(lock.timeout, 10s);
  EXPECT_EQ(lock.retries, 3);
  EXPECT_EQ(lock.retry_delay, 1s);
  EXPECT_TRUE(lock.enabled());
}

TEST(StatementLockTimeout, ReadsDbmigJsonAndTheFlagsGoOverIt) {
  StatementLockTimeout lock =
      project_config_from_json(nlohmann::json::parse(R"({"statement_lock_timeout": 2.5,
        "statement_lock_retries": 0, "statement_lock_retry_delay": 0.25})"),
                               "/p")
          .statement_lock;
  EXPECT_EQ(lock.timeout, 2500ms);
  EXPECT_EQ(lock.retries, 0);
  EXPECT_EQ(lock.retry_delay, 250ms);
  StatementLockTimeout flagged = StatementLockOverrides{0ms, 7}.over(lock);
  EXPECT_EQ(flagged.timeout, 0ms);
  EXPECT_FALSE(flagged.enabled());
  EXPECT_EQ(flagged.retries, 7);
  EXPECT_EQ(flagged.retry_delay, 250ms);
  EXPECT_EQ(StatementLockOverrides{}.over(lock).timeout, 2500ms);
}

TEST(StatementLockTimeout, TheDelayDoublesBeforeEachRetryUpToThirtySeconds) {
  StatementLockTimeout lock{10s, 8, 1s};
  std::vector<long long> delays;
  for (int retry = 1; retry <= 8; ++retry) delays.push_back(lock.delay_before(retry).count());
  EXPECT_EQ(delays, (std::vector<long long>{1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000}));
  EXPECT_EQ((StatementLockTimeout{10s, 3, 0ms}.delay_before(3)), 0ms);
  EXPECT_EQ((StatementLockTimeout{10s, 100, 30s}.delay_before(100)), 30s);
  EXPECT_EQ((StatementLockTimeout{10s, 3, 50ms}.delay_before(2)), 100ms);
}

}  // namespace dbmig::test
