// The retries of one retry unit after lock timeouts (docs/databases.md "Lock timeout"): how
// many attempts are left, the wait before the next one, and what the user reads about them.
#pragma once

#include <ostream>
#include <string>

#include "dbmig/statement_lock_timeout.hpp"

namespace dbmig {

class LockRetries {
 public:
  LockRetries(const StatementLockTimeout& policy, std::ostream& err) : policy_(policy), err_(err) {}

  const StatementLockTimeout& policy() const { return policy_; }
  // Whether the unit whose attempt just timed out may run again.
  bool can_retry() const { return policy_.enabled() && failed_ < policy_.retries; }
  // Counts the failed attempt, says on stderr what timed out (`where`: the migration; `sql`:
  // the statement) and what runs again (`unit`), and waits the backoff.
  void wait_before_retry(const std::string& where, const std::string& sql, const std::string& unit);
  // A unit completed: the next one starts with every attempt.
  void reset() { failed_ = 0; }
  // After the last attempt timed out: how many attempts waited how long, and the setting to
  // change for more.
  std::string gave_up() const;

 private:
  int attempts() const { return policy_.retries + 1; }

  const StatementLockTimeout& policy_;
  std::ostream& err_;
  int failed_ = 0;
};

}  // namespace dbmig
