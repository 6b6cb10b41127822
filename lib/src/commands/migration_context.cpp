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

std::shared_ptr<const ProjectFiles> load_project_files(const GlobalOptions& global,
                                                       FilesNeeded needed) {
  auto project = std::make_shared<ProjectFiles>();
  project->config = load_project_config(global.project);
  // Every migration file is read before connecting: a broken file must not create or touch the
  // database (not even an empty SQLite file).
  project->migrations =
      load_migrations(project->config, needed == FilesNeeded::outline ? MigrationParts::outline
                                                                      : MigrationParts::whole);
  if (needed == FilesNeeded::replayed)
    build_migration_graph(project->migrations).graph.state_at(std::nullopt);
  return project;
}

OpenedContext open_migration_context(const GlobalOptions& global,
                                     std::optional<std::chrono::milliseconds> lock_timeout) {
  return open_migration_context(
      global,
      load_project_files(global, lock_timeout ? FilesNeeded::replayed : FilesNeeded::operations),
      lock_timeout);
}

OpenedContext open_migration_context(const GlobalOptions& global,
                                     std::shared_ptr<const ProjectFiles> project,
                                     std::optional<std::chrono::milliseconds> lock_timeout) {
  OpenedContext opened;
  MigrationContext& context = opened.context;
  context.config = project->config;
  context.files = std::move(project);
  context.connection =
      connect(global, context.config, lock_timeout ? Access::change : Access::read);
  MigrationRecorder recorder(*context.connection);
  if (lock_timeout) {
    context.connection->check_writable();
    opened.lock = MigrationLock::acquire(*context.connection, *lock_timeout);
    recorder.ensure_table();
  }
  context.records = recorder.records();
  context.loaded = build_migration_graph(context.files->migrations, applied_keys(context.records));
  return opened;
}

void record_complete_squashes(MigrationContext& context, Console& console) {
  const std::vector<Migration>& files = context.files->migrations;
  if (std::none_of(files.begin(), files.end(),
                   [](const Migration& migration) { return !migration.replaces.empty(); }))
    return;
  context.records = MigrationRecorder(*context.connection).records();
  context.loaded = build_migration_graph(files, applied_keys(context.records));
  context.executor(console).record_squashes();
}

}  // namespace dbmig
