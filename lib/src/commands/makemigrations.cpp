#include "dbmig/commands/makemigrations.hpp"

#include <algorithm>
#include <memory>
#include <optional>

#include "autodetector/online_operations.hpp"
#include "cache/no_changes_memo.hpp"
#include "commands/finish_scan.hpp"
#include "commands/unmigrated_changes.hpp"
#include "core/text.hpp"
#include "dbmig/autodetector.hpp"
#include "dbmig/commands/lint.hpp"
#include "dbmig/connection.hpp"
#include "dbmig/graph.hpp"
#include "dbmig/loader.hpp"
#include "dbmig/migration_json.hpp"
#include "dbmig/migration_names.hpp"
#include "dbmig/project_config.hpp"
#include "dbmig/questioner.hpp"
#include "dbmig/scanner.hpp"
#include "dbmig/writer.hpp"

namespace dbmig {

namespace {

bool wanted(const MakemigrationsOptions& options, const std::string& app) {
  return options.apps.empty() ||
         std::find(options.apps.begin(), options.apps.end(), app) != options.apps.end();
}

// Django's wording: "No changes detected", "... in app 'blog'", "... in apps 'a', 'b'".
std::string no_changes_message(const std::vector<std::string>& apps) {
  if (apps.empty()) return "No changes detected";
  std::string quoted;
  for (const std::string& app : apps) quoted += (quoted.empty() ? "'" : ", '") + app + "'";
  return "No changes detected in app" + std::string(apps.size() > 1 ? "s " : " ") + quoted;
}

ExitCode report_no_changes(Console& console, const MakemigrationsOptions& options) {
  if (console.verbosity >= 1) console.out << no_changes_message(options.apps) << "\n";
  return ExitCode::ok;
}

// "Migrations for 'blog':", the file, one line per operation (and the file text at -v 3).
void print_migrations(Console& console, const ProjectConfig& config,
                      const std::vector<Migration>& migrations) {
  if (console.verbosity < 1) return;
  for (const Migration& migration : migrations) {
    console.out << "Migrations for '" << migration.app << "':\n  "
                << shown_path(migration_path(config, migration.key()), config.root) << "\n";
    for (const OperationPtr& operation : migration.operations)
      console.out << "    - " << operation->describe() << "\n";
    if (migration.operations.empty()) console.out << "    (no operations)\n";
    if (console.verbosity >= 3) console.out << format_migration(migration);
  }
}

// The branches of `app` after their common ancestor, one per leaf.
std::vector<MergeBranch> branches_of(const MigrationGraph& graph, const std::string& app,
                                     const std::vector<MigrationKey>& leaves) {
  std::vector<MergeBranch> branches;
  std::map<MigrationKey, std::size_t> reached_by;  // how many leaves need each migration
  for (const MigrationKey& leaf : leaves)
    for (const Migration* migration : graph.forwards_plan(leaf))
      if (migration->app == app) ++reached_by[migration->key()];
  for (const MigrationKey& leaf : leaves) {
    MergeBranch branch{leaf.name, {}};
    for (const Migration* migration : graph.forwards_plan(leaf))
      if (migration->app == app && reached_by[migration->key()] < leaves.size())
        branch.migrations.push_back(migration);
    branches.push_back(std::move(branch));
  }
  return branches;
}

void write_all(const ProjectConfig& config, const std::vector<Migration>& migrations) {
  for (const Migration& migration : migrations) write_migration(config, migration);
}

ExitCode write_empty_migrations(const ProjectConfig& config, const MigrationGraph& graph,
                                const MakemigrationsOptions& options, Console& console) {
  if (options.apps.empty())
    throw InputError(
        "--empty needs the apps to write an empty migration for, e.g. "
        "`dbmig makemigrations --empty blog`");
  std::vector<Migration> migrations;
  for (const std::string& app : options.apps) {
    Migration migration;
    migration.app = app;
    std::optional<MigrationKey> leaf = graph.leaf(app);
    if (leaf) migration.dependencies.push_back(*leaf);
    int number = leaf ? migration_number(leaf->name) + 1 : 1;
    migration.name = numbered_migration_name(
        number, options.name ? *options.name : suggest_migration_name({}, !leaf));
    migrations.push_back(std::move(migration));
  }
  print_migrations(console, config, migrations);
  if (!options.dry_run) write_all(config, migrations);
  return ExitCode::ok;
}

// "Merging blog", then each branch with the operations only it has.
void print_branches(Console& console, const std::string& app,
                    const std::vector<MergeBranch>& branches) {
  if (console.verbosity < 1) return;
  console.out << "Merging " << app << "\n";
  for (const MergeBranch& branch : branches) {
    console.out << "  Branch " << branch.leaf << "\n";
    for (const Migration* migration : branch.migrations)
      for (const OperationPtr& operation : migration->operations)
        console.out << "    - " << operation->describe() << "\n";
  }
}

// --merge: one merge migration per app (of those asked for) that has several leaves.
ExitCode merge_branches(const ProjectConfig& config, const MigrationGraph& graph,
                        const MakemigrationsOptions& options, Console& console) {
  std::vector<Migration> merges;
  for (const auto& [app, leaves] : graph.conflicts()) {
    if (!wanted(options, app)) continue;
    std::vector<MergeBranch> branches = branches_of(graph, app, leaves);
    print_branches(console, app, branches);
    merges.push_back(merge_migration(app, branches, options.name));
  }
  if (merges.empty()) {
    if (console.verbosity >= 1) console.out << "No conflicts detected to merge.\n";
    return ExitCode::ok;
  }
  for (const Migration& merge : merges) {
    if (!options.dry_run) write_migration(config, merge);
    if (console.verbosity >= 1)
      console.out << (options.dry_run ? "Would create" : "Created") << " new merge migration "
                  << shown_path(migration_path(config, merge.key()), config.root) << "\n";
  }
  return ExitCode::ok;
}

// The safety lint of the migrations just written, as one deployment on the state of those before
// them, in the dialect of the project's database without connecting (so without row counts):
// warnings that change neither the files nor the exit code (docs/lint.md).
void warn_about_lint(const GlobalOptions& global, const ProjectConfig& config,
                     const ProjectState& before, std::vector<Migration> written, Console& console) {
  try {
    std::vector<const Migration*> migrations;
    for (Migration& migration : written) {
      migration.file = shown_path(migration_path(config, migration.key()), config.root);
      migrations.push_back(&migration);
    }
    Dialect dialect = resolve_database_url(global.database, config).dialect;
    std::string findings = deployment_lint_text(migrations, before, dialect, nullptr);
    if (!findings.empty())
      console.err << "warning: the safety lint (docs/lint.md) found in the new migrations:\n"
                  << findings;
  } catch (const Error& e) {
    console.err << "warning: the safety lint did not run: " << e.what() << "\n";
  }
}

}  // namespace

ExitCode makemigrations(const GlobalOptions& global, const MakemigrationsOptions& options,
                        Console& console) {
  if (options.name) check_migration_name(*options.name);
  ProjectConfig config = load_project_config(std::filesystem::absolute(global.project));
  check_apps_exist(config);
  check_migrations_have_apps(config);
  check_apps_named(config, options.apps);
  NoChangesMemo memo(config, options.apps);
  bool detecting = !options.merge && !options.empty;
  if (detecting && memo.holds()) return report_no_changes(console, options);
  std::optional<PendingScan> scan;
  if (detecting) scan.emplace(config);
  memo.stamp_migrations();
  LoadedGraph loaded = load_migration_graph(config);
  const MigrationGraph& graph = loaded.graph;
  if (options.merge) return merge_branches(config, graph, options, console);
  graph.check_no_conflicts();
  if (options.empty) return write_empty_migrations(config, graph, options, console);

  ProjectState current = graph.state_at();  // while the scan runs on its thread
  const ScanResult& scanned = finish_scan(*scan, console);
  std::unique_ptr<Questioner> questioner;
  if (console.interactive)
    questioner = std::make_unique<InteractiveQuestioner>(console, scanned.sources);
  else
    questioner = std::make_unique<NonInteractiveQuestioner>(scanned.sources);

  auto migrations =
      new_migrations(graph, current, scanned, *questioner, options.name, options.apps);
  if (config.online_schema_changes) make_online(migrations, current);
  if (migrations.empty()) {
    memo.remember(scan->cached_files());
    return report_no_changes(console, options);
  }
  print_migrations(console, config, migrations);
  if (options.check) return ExitCode::changes_found;
  if (options.dry_run) return ExitCode::ok;
  write_all(config, migrations);
  if (console.verbosity >= 1) warn_about_lint(global, config, current, migrations, console);
  return ExitCode::ok;
}

}  // namespace dbmig
