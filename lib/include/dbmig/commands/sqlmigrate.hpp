// `dbmig sqlmigrate APP MIGRATION [--backwards] [--dialect sqlite|postgresql|mysql]`: the SQL a
// migration runs, printed without touching any database.
#pragma once

#include <optional>
#include <string>

#include "dbmig/console.hpp"
#include "dbmig/error.hpp"
#include "dbmig/graph.hpp"
#include "dbmig/schema_editor.hpp"

namespace dbmig {

struct SqlmigrateOptions {
  std::string app;
  std::string migration;  // a name or a unique prefix ("0002")
  bool backwards = false;
  std::optional<Dialect> dialect;  // none: from the database migrate would use
};

// The SQL text of `migration` (applied, or unapplied with `backwards`) as `editor`'s dialect
// writes it: each operation's description as a `-- ` comment, then its statements; BEGIN and
// COMMIT around it all when the migration is atomic and the dialect has transactional DDL.
// An operation that cannot be reversed is marked IRREVERSIBLE under `backwards`.
std::string render_migration_sql(const MigrationGraph& graph, const MigrationKey& migration,
                                 bool backwards, const SchemaEditor& editor);

// The dialect sqlmigrate uses: the flag, else that of the database migrate would use
// (--database, DATABASE_URL, .env, dbmig.json's default; see resolve_database_url), without
// connecting.
Dialect sqlmigrate_dialect(const GlobalOptions& global, const SqlmigrateOptions& options);

ExitCode sqlmigrate(const GlobalOptions& global, const SqlmigrateOptions& options,
                    Console& console);

}  // namespace dbmig
