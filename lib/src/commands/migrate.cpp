#include "dbmig/commands/migrate.hpp"

#include "commands/each_database.hpp"
#include "commands/migration_context.hpp"
#include "commands/unmigrated_changes.hpp"
#include "core/text.hpp"
#include "dbmig/commands/lint.hpp"
#include "dbmig/executor.hpp"
#include "dbmig/graph_records.hpp"
#include "dbmig/live_schema.hpp"
#include "dbmig/schema_drift.hpp"

namespace dbmig {

namespace {

// The migration a target names; one replaced by a squashed migration in use is an error naming
// the squash.
MigrationKey target_of(const MigrateOptions& options, const LoadedGraph& loaded) {
  return resolve_migration(loaded.graph, loaded.replacements, options.app, options.target);
}

MigrationPlan plan_for(const MigrationExecutor& executor, const MigrateOptions& options,
                       const LoadedGraph& loaded) {
  const MigrationGraph& graph = loaded.graph;
  if (options.app.empty()) return executor.plan_all();
  if (options.target == "zero") return executor.plan_zero(options.app);
  if (!options.target.empty()) return executor.plan_to(target_of(options, loaded));
  auto leaf = graph.leaf(options.app);
  if (!leaf) throw InputError("app '" + options.app + "' has no migrations");
  return executor.plan_to(*leaf);
}

void print_intent(const MigrateOptions& options, const LoadedGraph& loaded, Console& console) {
  const MigrationGraph& graph = loaded.graph;
  console.out << "Operations to perform:\n";
  if (options.app.empty())
    console.out << "  Apply all migrations: " << join(graph.apps()) << "\n";
  else if (options.target == "zero")
    console.out << "  Unapply all migrations: " << options.app << "\n";
  else if (options.target.empty())
    console.out << "  Apply all migrations: " << options.app << "\n";
  else
    console.out << "  Target specific migration: " << target_of(options, loaded).name << ", from "
                << options.app << "\n";
  console.out << "Running migrations:\n";
}

// --check, for deploy pipelines: the unapplied migrations (if any) and exit 1 when there are.
ExitCode check_applied(const MigrationExecutor& executor, const MigrationPlan& plan,
                       Console& console) {
  if (plan.empty()) {
    if (console.verbosity >= 1) console.out << "No unapplied migrations.\n";
    return ExitCode::ok;
  }
  if (console.verbosity >= 1) executor.print_plan(plan);
  return ExitCode::changes_found;
}

// Drift in a table the plan changes meets its SQL: a column added by hand makes AddField fail, a
// dropped index makes RemoveIndex fail, a changed type changes what AlterField converts. Said
// before anything runs; migrate still runs (the database may fail the statement, with its own
// message naming it).
void warn_about_drift(const MigrationExecutor& executor, const MigrationPlan& plan,
                      Connection& connection, Console& console) {
  std::vector<SchemaDifference> drift = schema_differences(
      executor.applied_state(), read_live_schema(connection), connection.dialect());
  // Which tables the plan changes costs a replay of the plan: only asked when something drifted.
  if (!drift.empty()) drift = differences_in(drift, executor.tables_changed_by(plan));
  if (drift.empty()) return;
  console.err << "warning: tables this migrate changes differ from the applied migrations:\n";
  for (const SchemaDifference& difference : drift)
    console.err << "  " << difference.describe() << "\n";
  console.err << "Run `dbmig check` to see every difference.\n";
}

// --plan: the safety lint of the migrations it would apply, as one deployment on the connected
// database, with its row counts (docs/lint.md). A report: it does not change the exit code.
void print_plan_lint(const MigrationExecutor& executor, const MigrationPlan& plan,
                     Connection& connection, Console& console) {
  std::vector<const Migration*> applying;
  for (const auto& step : plan)
    if (step.direction == Direction::forwards) applying.push_back(step.migration);
  std::string findings =
      deployment_lint_text(applying, executor.applied_state(), connection.dialect(), &connection);
  if (!findings.empty()) console.out << "Safety lint (docs/lint.md):\n" << findings;
}

// One database's migrate, on the project read once. `unmigrated` (migrate with one database)
// warns after it about model changes without a migration.
DatabaseRun migrate_database(const GlobalOptions& global, const MigrateOptions& options,
                             std::shared_ptr<const ProjectFiles> project,
                             UnmigratedChangesCheck* unmigrated, Console& console) {
  // --plan and --check only read: no lock, no recorder table.
  bool read_only = options.plan || options.check;
  auto opened = open_migration_context(
      global, std::move(project), read_only ? std::nullopt : std::optional(options.lock_timeout));
  const MigrationContext& context = opened.context;
  const MigrationGraph& graph = context.loaded.graph;
  graph.check_no_conflicts();
  MigrationExecutor executor = context.executor(console);
  if (options.check) {
    MigrationPlan plan = plan_for(executor, options, context.loaded);
    return {check_applied(executor, plan, console), plan.size()};
  }
  // --plan refuses what migrate would refuse; an edit it would accept is not recorded.
  if (!options.plan || !options.accept_changed) executor.check_checksums(options.accept_changed);
  MigrationPlan plan = plan_for(executor, options, context.loaded);
  if (!options.fake) executor.check_interrupted(plan);
  if (options.plan) {
    executor.print_plan(plan);
    print_plan_lint(executor, plan, *context.connection, console);
    return {ExitCode::ok, plan.size()};
  }
  executor.check_reversible(plan);
  if (!plan.empty() && !options.fake && !options.fake_initial)
    warn_about_drift(executor, plan, *context.connection, console);
  if (console.verbosity >= 1) print_intent(options, context.loaded, console);
  if (plan.empty() && console.verbosity >= 1) console.out << "  No migrations to apply.\n";
  executor.run(plan,
               {options.fake, options.fake_initial,
                options.statement_lock.over(context.config.statement_lock)},
               MigrationRecorder(*context.connection).next_batch());
  record_complete_squashes(opened.context, console);
  if (unmigrated) unmigrated->report(graph, console);
  return {ExitCode::ok, plan.size()};
}

}  // namespace

ExitCode migrate(const GlobalOptions& global, const MigrateOptions& options, Console& console) {
  if (!options.target.empty() && options.app.empty())
    throw InputError("a target migration needs its app: dbmig migrate APP MIGRATION");
  bool read_only = options.plan || options.check;
  std::optional<ProjectConfig> config;
  std::optional<UnmigratedChangesCheck> unmigrated;
  if (!read_only) unmigrated.emplace(config.emplace(load_project_config(global.project)));
  auto project =
      load_project_files(global, read_only ? FilesNeeded::operations : FilesNeeded::replayed);
  if (!several_databases(global))
    return migrate_database(global, options, project, unmigrated ? &*unmigrated : nullptr, console)
        .result;
  // Conflicting leaves are refused once, before any database; the models are checked once
  // too, not per database: both are the same for all.
  MigrationGraph graph = build_migration_graph(project->migrations).graph;
  graph.check_no_conflicts();
  ExitCode result =
      run_on_each_database(global, project->config, console, {read_only ? "unapplied" : "applied"},
                           [&](const GlobalOptions& one, Console& one_console) {
                             return migrate_database(one, options, project, nullptr, one_console);
                           });
  if (unmigrated) unmigrated->report(graph, console);
  return result;
}

}  // namespace dbmig
