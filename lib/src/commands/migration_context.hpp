// What migrate, rollback and showmigrations share: the project, the open database, what it
// records, and the migration graph read with those records (squashes depend on them).
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

#include "dbmig/connection.hpp"
#include "dbmig/console.hpp"
#include "dbmig/executor.hpp"
#include "dbmig/loader.hpp"
#include "dbmig/migration_lock.hpp"
#include "dbmig/project_config.hpp"
#include "dbmig/recorder.hpp"

namespace dbmig {

// The project as read from disk, once for every database a command runs on (shared read-only).
struct ProjectFiles {
  ProjectConfig config;
  std::vector<Migration> migrations;  // every migration file as read, squashes not resolved
};

// What a command needs of the migration files: their outline (showmigrations: no operations,
// loader.hpp), their operations, or their operations replayed, so that an operation that does
// not fit the models before it changes nothing (a command that changes the database).
enum class FilesNeeded { outline, operations, replayed };

// Reads dbmig.json and every migration file.
std::shared_ptr<const ProjectFiles> load_project_files(const GlobalOptions& global,
                                                       FilesNeeded needed);

struct MigrationContext {
  ProjectConfig config;
  std::unique_ptr<Connection> connection;
  std::vector<MigrationRecord> records;
  std::shared_ptr<const ProjectFiles> files;
  LoadedGraph loaded{MigrationGraph({}), {}};

  // An executor over this context's graph and records.
  MigrationExecutor executor(Console& console) const;
};

// Reads the project, connects, reads the records and loads the migration graph. A command
// that changes the database passes `lock` to take the migration lock (and create the recorder
// table) before reading the records, so what it plans is what it runs; one that does not only
// reads (Access::read: a missing SQLite file is not created).
struct OpenedContext {
  MigrationContext context;
  std::unique_ptr<MigrationLock> lock;
};
OpenedContext open_migration_context(const GlobalOptions& global,
                                     std::optional<std::chrono::milliseconds> lock_timeout);
// The same on `project` read before, connecting to `global.database`.
OpenedContext open_migration_context(const GlobalOptions& global,
                                     std::shared_ptr<const ProjectFiles> project,
                                     std::optional<std::chrono::milliseconds> lock_timeout);

// After migrate ran (Django's check_replacements): reads the records again, resolves the
// squashed migrations with them (one left out because only some of what it replaces was applied
// may be complete now) and records each complete squashed migration in place of the records of
// the migrations it replaces (MigrationExecutor::record_squashes).
void record_complete_squashes(MigrationContext& context, Console& console);

}  // namespace dbmig
