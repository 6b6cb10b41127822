// `dbmig makemigrations [APP…] [--name N] [--empty] [--dry-run] [--check] [--merge] [--noinput]`
// (docs/makemigrations.md): scan the models, compare them with the state the migrations
// produce, and write the next migration of every changed app.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dbmig/console.hpp"
#include "dbmig/error.hpp"

namespace dbmig {

struct MakemigrationsOptions {
  std::vector<std::string> apps;    // empty => every app
  std::optional<std::string> name;  // --name
  bool empty = false;               // --empty: one migration without operations per app
  bool dry_run = false;             // --dry-run: print, write nothing
  bool check = false;               // --check: exit 1 when there are changes, write nothing
  bool merge = false;               // --merge: join two leaf migrations of an app
};

// Questions are asked only when console.interactive (a terminal and no --noinput).
ExitCode makemigrations(const GlobalOptions& global, const MakemigrationsOptions& options,
                        Console& console);

}  // namespace dbmig
