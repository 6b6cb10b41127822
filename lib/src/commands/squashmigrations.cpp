#include "dbmig/commands/squashmigrations.hpp"

#include <set>

#include "core/squash.hpp"
#include "core/text.hpp"
#include "dbmig/graph_records.hpp"
#include "dbmig/loader.hpp"
#include "dbmig/migration_names.hpp"
#include "dbmig/project_config.hpp"
#include "dbmig/questioner.hpp"
#include "dbmig/writer.hpp"

namespace dbmig {

namespace {

// START and END as migrations of the graph (a prefix such as "0002" is enough).
SquashRange range_of(const LoadedGraph& loaded, const SquashMigrationsOptions& options) {
  if (loaded.graph.app_migrations(options.app).empty())
    throw InputError("app '" + options.app +
                     "' has no migrations to squash; `dbmig showmigrations` lists the apps "
                     "and their migrations");
  auto resolve = [&](const std::string& name) {
    return resolve_migration(loaded.graph, loaded.replacements, options.app, name);
  };
  SquashRange range{options.app, std::nullopt, resolve(options.end), options.squashed_name};
  if (options.start) range.start = resolve(*options.start);
  return range;
}

void print_range(const Squash& squash, Console& console) {
  console.out << "Will squash the following migrations:\n";
  for (const auto* migration : squash.squashed) console.out << " - " << migration->name << "\n";
}

void print_optimization(const Squash& squash, Console& console) {
  console.out << "Optimizing...\n";
  std::size_t after = squash.migration.operations.size();
  if (after == squash.operations_before)
    console.out << "  No optimizations possible.\n";
  else
    console.out << "  Optimized from " << squash.operations_before << " operations to " << after
                << " operations.\n";
  for (const auto& line : squash.blocked_by_run_sql) console.err << "warning: " << line << "\n";
}

// What was written and, as Django says it, what to do with the replaced migrations.
void print_written(const ProjectConfig& config, const Squash& squash, Console& console) {
  const Migration& migration = squash.migration;
  console.out << "Created new squashed migration " << migration_file(config, migration.key())
              << "\n";
  for (const auto& operation : migration.operations)
    console.out << "    - " << operation->describe() << "\n";
  if (migration.operations.empty()) console.out << "    (no operations)\n";
  console.out << "  You should commit this migration but leave the old ones in place;\n"
                 "  the new migration will be used for new installs. Once you are sure\n"
                 "  all instances of the codebase have applied the migrations you squashed\n"
                 "  (run `dbmig migrate` on every database: it records "
              << migration.name
              << " in place of them),\n"
                 "  delete them, point migrations that depend on them at "
              << migration.name << ",\n  and remove \"replaces\" from " << migration.name
              << ".json.\n";
}

}  // namespace

ExitCode squashmigrations(const GlobalOptions& global, const SquashMigrationsOptions& options,
                          Console& console) {
  if (options.squashed_name) check_migration_name(*options.squashed_name);
  ProjectConfig config = load_project_config(std::filesystem::absolute(global.project));
  std::vector<Migration> migrations = load_migrations(config);
  std::set<MigrationKey> on_disk;
  for (const auto& migration : migrations) on_disk.insert(migration.key());
  LoadedGraph loaded = build_migration_graph(std::move(migrations));
  if (!config.find_app(options.app) && loaded.graph.app_migrations(options.app).empty())
    throw InputError("no app named '" + options.app +
                     "' (the project's apps: " + join(config.apps, ", ", &AppConfig::name) + ")");
  Squash squash = squash_range(loaded.graph, range_of(loaded, options), on_disk);
  std::string file = migration_file(config, squash.migration.key());
  if (std::filesystem::exists(migration_path(config, squash.migration.key())))
    throw InputError(file +
                     " already exists; nothing was written. Delete it if it is an earlier "
                     "squash you want to redo, or choose another name with --squashed-name");

  if (console.verbosity >= 1 || console.interactive) print_range(squash, console);
  if (console.interactive && !ask_yes_no(console, "Do you wish to proceed?")) {
    console.out << "Aborting: nothing was written.\n";
    return ExitCode::ok;
  }
  if (console.verbosity >= 1) print_optimization(squash, console);
  write_migration(config, squash.migration);
  if (console.verbosity >= 1) print_written(config, squash, console);
  return ExitCode::ok;
}

}  // namespace dbmig
