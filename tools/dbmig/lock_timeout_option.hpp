// --lock-timeout SECONDS, shared by migrate and rollback: how long to wait for another run
// holding the database's migration lock (not a table lock: statement_lock_options.hpp).
#pragma once

#include <chrono>

#include <CLI/CLI.hpp>

#include "value_checks.hpp"

namespace dbmig::cli {

// A day at most: the timeout is a safety net, and a larger number is almost surely a typo.
inline constexpr double max_lock_timeout_seconds = 86400;

// `timeout` must outlive parsing (it lives in the command's options).
inline void add_lock_timeout_option(CLI::App& command, std::chrono::milliseconds& timeout) {
  command
      .add_option_function<double>(
          "--lock-timeout",
          [&timeout](double seconds) {
            timeout = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
          },
          "Seconds to wait for another migrate or rollback on the same database (dbmig's own "
          "migration lock; see --statement-lock-timeout for table locks)")
      ->check(seconds_up_to(max_lock_timeout_seconds))
      ->default_str("60");
}

}  // namespace dbmig::cli
