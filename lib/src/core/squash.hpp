// squashmigrations' pure part (Django's squashmigrations): which migrations a range holds, the
// squashed migration that replaces them (operations folded by the optimizer, dependencies,
// `replaces`, name), and why folding stopped at a RunSQL. No I/O: the command reads and writes.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dbmig/graph.hpp"
#include "dbmig/migration.hpp"

namespace dbmig {

struct SquashRange {
  std::string app;
  std::optional<MigrationKey> start;  // none: from the app's first migration
  MigrationKey end;
  std::optional<std::string> squashed_name;  // --squashed-name
};

struct Squash {
  std::vector<const Migration*> squashed;  // the range, in graph order
  Migration migration;                     // the squashed migration to write
  std::size_t operations_before = 0;       // before folding
  // One line per RunSQL that keeps operations around it from folding.
  std::vector<std::string> blocked_by_run_sql;
};

// The squash of `range` in `graph` (resolved with resolve_replacements: a squashed migration in
// use stands for what it replaces). `on_disk`: every migration file, resolved or not, to tell
// whether the files a squashed migration of the range replaces still exist. Throws InputError,
// saying what to do, when END comes before START, when the range is not one straight line of
// migrations (a merge of branches inside it, or a branch leaving it), when a migration of
// another app it needs needs one of the range (a cycle), or when it holds a squashed migration
// whose replaced files still exist.
Squash squash_range(const MigrationGraph& graph, const SquashRange& range,
                    const std::set<MigrationKey>& on_disk);

// The name of the squashed migration, as Django names it: "0001_squashed_<END>" from the first
// migration, "<START>_squashed_<END>" from a later one; with --squashed-name NAME,
// "<START's number>_NAME".
std::string squashed_migration_name(const std::optional<MigrationKey>& start,
                                    const MigrationKey& end,
                                    const std::optional<std::string>& squashed_name);

}  // namespace dbmig
