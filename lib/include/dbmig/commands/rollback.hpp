// `dbmig rollback [--step N] [--accept-changed] [--lock-timeout SECONDS]
// [--statement-lock-timeout SECONDS] [--statement-lock-retries N]`: undo the last batch
// (everything the last `migrate` applied), or the last N migrations (docs/cli.md).
#pragma once

#include <chrono>
#include <optional>

#include "dbmig/console.hpp"
#include "dbmig/error.hpp"
#include "dbmig/statement_lock_timeout.hpp"

namespace dbmig {

struct RollbackOptions {
  std::optional<int> step;  // none: the last batch
  bool accept_changed = false;
  std::chrono::milliseconds lock_timeout = std::chrono::seconds(60);
  StatementLockOverrides statement_lock;  // over dbmig.json's
};

ExitCode rollback(const GlobalOptions& global, const RollbackOptions& options, Console& console);

}  // namespace dbmig
