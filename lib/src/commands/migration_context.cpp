#include "commands/migration_context.hpp"

#include <algorithm>
#include <set>

#include "dbmig/error.hpp"
#include "dbmig/migration_lock.hpp"

namespace dbmig {

namespace {

// The migrations the records say are applied (interrupted ones are not).
std::set<MigrationKey> applied_keys(const std::vector<MigrationRecord>& records) {
  std::set<MigrationKey> applied;
  for (const auto& record : records)
    if (!record.interrupted()) applied.insert(record.key);
  return applied;
}

}  // namespace

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
  context.files = load_migrations(context.config);
  if (lock_timeout) build_migration_graph(context.files).graph.state_at(std::nullopt);
  context.connection =
      connect(global, context.config, lock_timeout ? Access::change : Access::read);
  MigrationRecorder recorder(*context.connection);
  if (lock_timeout) {
    context.connection->check_writable();
    opened.lock = MigrationLock::acquire(*context.connection, *lock_timeout);
    recorder.ensure_table();
  }
  context.records = recorder.records();
  context.loaded = build_migration_graph(context.files, applied_keys(context.records));
  return opened;
}

void record_complete_squashes(MigrationContext& context, Console& console) {
  if (std::none_of(context.files.begin(), context.files.end(),
                   [](const Migration& migration) { return !migration.replaces.empty(); }))
    return;
  context.records = MigrationRecorder(*context.connection).records();
  context.loaded = build_migration_graph(context.files, applied_keys(context.records));
  context.executor(console).record_squashes();
}

}  // namespace dbmig
