// `dbmig migrate [APP [MIGRATION|zero]] [--plan] [--check] [--fake] [--fake-initial]
// [--accept-changed]
// [--lock-timeout SECONDS]
// [--statement-lock-timeout SECONDS] [--statement-lock-retries N]` (docs/cli.md).
#pragma once

#include <chrono>
#include <string>

#include "dbmig/console.hpp"
#include "dbmig/error.hpp"
#include "dbmig/statement_lock_timeout.hpp"

namespace dbmig {

struct MigrateOptions {
  std::string app;     // empty: every app
  std::string target;  // a migration name or unique prefix, "zero", or empty: the app's last
  bool plan = false;   // print what would run; change nothing
  bool check = false;  // exit 1 (changes_found) when something would run; change nothing
  bool fake = false;
  bool fake_initial = false;
  bool accept_changed = false;  // accept applied migrations whose file was edited since
  std::chrono::milliseconds lock_timeout = std::chrono::seconds(60);
  StatementLockOverrides statement_lock;  // over dbmig.json's
};

ExitCode migrate(const GlobalOptions& global, const MigrateOptions& options, Console& console);

}  // namespace dbmig
