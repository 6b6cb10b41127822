// --lock-timeout SECONDS, shared by migrate and rollback: how long to wait for another run
// holding the database's migration lock.
#pragma once

#include <chrono>

#include <CLI/CLI.hpp>

namespace dbmig::cli {

// `timeout` must outlive parsing (it lives in the command's options).
inline void add_lock_timeout_option(CLI::App& command, std::chrono::milliseconds& timeout) {
  command
      .add_option_function<double>(
          "--lock-timeout",
          [&timeout](double seconds) {
            timeout = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
          },
          "Seconds to wait for another migrate or rollback on the same database")
      ->check(CLI::NonNegativeNumber)
      ->default_str("60");
}

}  // namespace dbmig::cli
