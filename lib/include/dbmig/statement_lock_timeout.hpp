// How long a statement of migrate or rollback waits for a lock on a table before it gives up,
// and how often it is retried then (docs/databases.md "Lock timeout"). A DDL statement waiting
// for a table lock queues every later query of the application behind it: giving up quickly
// and retrying later keeps a long transaction from stalling the application through dbmig.
// Not to be confused with --lock-timeout, the wait for another dbmig run's migration lock.
#pragma once

#include <chrono>
#include <optional>

namespace dbmig {

struct StatementLockTimeout {
  // The database's wait for a lock per statement; zero leaves the database's own setting (no
  // limit by default) and retries nothing.
  std::chrono::milliseconds timeout{std::chrono::seconds(10)};
  // Attempts after the first one, per retry unit (an atomic migration, an online operation, or
  // any other statement of a non-atomic migration).
  int retries = 3;
  // The wait before the first retry; it doubles before each next one, up to max_retry_delay.
  std::chrono::milliseconds retry_delay{std::chrono::seconds(1)};

  bool enabled() const { return timeout.count() > 0; }
  // The wait before retry `retry` (1 for the first): exponential backoff with a cap, without
  // jitter (only one dbmig run migrates a database at a time: nothing to spread apart).
  std::chrono::milliseconds delay_before(int retry) const;
};

// What the command line (--statement-lock-timeout, --statement-lock-retries) sets over
// dbmig.json's settings.
struct StatementLockOverrides {
  std::optional<std::chrono::milliseconds> timeout;
  std::optional<int> retries;

  StatementLockTimeout over(StatementLockTimeout configured) const {
    if (timeout) configured.timeout = *timeout;
    if (retries) configured.retries = *retries;
    return configured;
  }
};

// The limits of the settings (dbmig.json and the command line refuse values outside them).
inline constexpr std::chrono::seconds max_statement_lock_timeout{3600};
inline constexpr int max_statement_lock_retries = 100;
inline constexpr std::chrono::seconds max_retry_delay{30};

}  // namespace dbmig
