// `dbmig state [APP…] [--at APP.MIGRATION]`: the JSON state snapshot rebuilt by replaying the
// migrations (docs/migration-files.md "The state snapshot").
#pragma once

#include <string>
#include <vector>

#include "dbmig/console.hpp"
#include "dbmig/error.hpp"

namespace dbmig {

struct StateOptions {
  std::vector<std::string> apps;  // empty => every app
  std::string at;                 // "app.migration" (a unique name prefix will do), or empty
};

// Prints the snapshot to console.out. Throws InputError for an unknown app or migration and for
// migrations that do not replay.
ExitCode run_state(const GlobalOptions& global, const StateOptions& options, Console& console);

}  // namespace dbmig
