// --statement-lock-timeout SECONDS and --statement-lock-retries N, shared by migrate and
// rollback: each statement's wait for a table lock and the retries after it gives up, over
// dbmig.json's settings (docs/databases.md "Lock timeout"). Not --lock-timeout, which is the
// wait for another dbmig run (lock_timeout_option.hpp).
#pragma once

#include <chrono>
#include <cmath>

#include <CLI/CLI.hpp>

#include "dbmig/statement_lock_timeout.hpp"
#include "value_checks.hpp"

namespace dbmig::cli {

// `overrides` must outlive parsing (it lives in the command's options).
inline void add_statement_lock_options(CLI::App& command, StatementLockOverrides& overrides) {
  command
      .add_option_function<double>(
          "--statement-lock-timeout",
          [&overrides](double seconds) {
            overrides.timeout = std::chrono::milliseconds(std::llround(seconds * 1000));
          },
          "Seconds each statement waits for a table lock before it gives up and is retried; 0 "
          "waits as long as the database does (default: dbmig.json's statement_lock_timeout, "
          "else 10)")
      ->check(seconds_up_to(static_cast<double>(max_statement_lock_timeout.count())));
  command
      .add_option_function<int>(
          "--statement-lock-retries", [&overrides](int retries) { overrides.retries = retries; },
          "Retries after a statement gave up waiting for a lock (default: dbmig.json's "
          "statement_lock_retries, else 3)")
      ->check(whole_number(0, max_statement_lock_retries));
}

}  // namespace dbmig::cli
