// A command run on several databases at once: `--database A --database B`, or `--database all`
// for every alias of dbmig.json, `--jobs N` of them at a time (docs/databases.md "Many
// databases").
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "dbmig/console.hpp"
#include "dbmig/error.hpp"
#include "dbmig/project_config.hpp"

namespace dbmig {

// Whether `global` names several databases: --database given more than once, or as "all".
// One database (or none given) runs as it always did, without headers or a summary.
bool several_databases(const GlobalOptions& global);

// What one database's run tells the summary: its exit code, and the count of the summary's
// second column (nullopt when the run failed before it knew).
struct DatabaseRun {
  ExitCode result = ExitCode::ok;
  std::optional<std::size_t> count;
};

// Runs on the database `one.database`, printing on `console` (its own, buffered); may throw
// dbmig's errors, which end that database's run only.
using RunOnDatabase = std::function<DatabaseRun(const GlobalOptions& one, Console& console)>;

struct EachDatabaseOutput {
  std::string count_title;  // the summary's second column, e.g. "applied"
  bool text = true;         // false (JSON output): no headers and no summary, only documents
};

// Checks every database named (an unknown alias, "all" without aliases or with others, one
// database named twice: InputError before anything runs), then runs `run` on each with
// `global.jobs` threads, each database with its own connection. Prints each database's output
// whole, in the order given, under a header naming it (alias, or URL redacted), as soon as it
// and those before it are done; then a summary. Returns the highest exit code of the runs, so
// one failed database fails the command while the others still finish.
ExitCode run_on_each_database(const GlobalOptions& global, const ProjectConfig& config,
                              Console& console, const EachDatabaseOutput& output,
                              const RunOnDatabase& run);

}  // namespace dbmig
