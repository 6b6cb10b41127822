#include "db/lock_retries.hpp"

#include <algorithm>
#include <thread>

#include "core/text.hpp"

namespace dbmig {

std::chrono::milliseconds StatementLockTimeout::delay_before(int retry) const {
  std::chrono::milliseconds delay = retry_delay;
  for (int i = 1; i < retry && delay < max_retry_delay; ++i) delay *= 2;
  return std::min<std::chrono::milliseconds>(delay, max_retry_delay);
}

void LockRetries::wait_before_retry(const std::string& where, const std::string& sql,
                                    const std::string& unit) {
  ++failed_;
  std::chrono::milliseconds delay = policy_.delay_before(failed_);
  err_ << "warning: " << where << ": attempt " << failed_ << " of " << attempts() << " waited "
       << seconds_text(policy_.timeout) << " s for a lock and gave up: " << sql << "\n  retrying "
       << unit << " in " << seconds_text(delay) << " s\n"
       << std::flush;
  std::this_thread::sleep_for(delay);
}

std::string LockRetries::gave_up() const {
  if (!policy_.enabled())
    return "It gave up waiting for a lock that another transaction holds, after the database's "
           "own lock timeout (statement_lock_timeout is 0: off; docs/databases.md \"Lock "
           "timeout\").";
  std::string timeout = seconds_text(policy_.timeout) + " s";
  return "It gave up after " + std::to_string(failed_ + 1) + " attempt" + (failed_ ? "s" : "") +
         ", each waiting " + timeout +
         " for a lock that another transaction holds (statement_lock_timeout " + timeout +
         ", statement_lock_retries " + std::to_string(policy_.retries) +
         ": docs/databases.md \"Lock timeout\").";
}

}  // namespace dbmig
