#include "commands/migration_context.hpp"

#include <set>

#include "dbmig/error.hpp"
#include "dbmig/migration_lock.hpp"

namespace dbmig {

MigrationExecutor MigrationContext::executor(Console& console) const {
  return MigrationExecutor(*connection, config, loaded.graph, loaded.replacements, records,
                           console);
}

OpenedContext open_migration_context(const GlobalOptions& global,
                                     std::optional<std::chrono::milliseconds> lock_timeout) {
  OpenedContext opened;
  MigrationContext& context = opened.context;
  context.config = load_project_config(global.project);
  // Read every migration file before connecting: a broken file must not create or touch the
  // database (not even an empty SQLite file). A command that changes the database also replays
  // the history first, so an operation that does not fit the models before it changes nothing.
  std::vector<Migration> migrations = load_migrations(context.config);
  if (lock_timeout) build_migration_graph(migrations).graph.state_at(std::nullopt);
  context.connection =
      connect(global, context.config, lock_timeout ? Access::change : Access::read);
  MigrationRecorder recorder(*context.connection);
  if (lock_timeout) {
    opened.lock = MigrationLock::acquire(*context.connection, *lock_timeout);
    recorder.ensure_table();
  }
  context.records = recorder.records();
  std::set<MigrationKey> applied;
  for (const auto& record : context.records)
    if (!record.interrupted()) applied.insert(record.key);
  context.loaded = build_migration_graph(std::move(migrations), applied);
  return opened;
}

}  // namespace dbmig
