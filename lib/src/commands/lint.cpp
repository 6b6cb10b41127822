#include "dbmig/commands/lint.hpp"

#include <memory>
#include <set>

#include "core/text.hpp"
#include "db/table_rows.hpp"
#include "dbmig/connection.hpp"
#include "dbmig/loader.hpp"
#include "dbmig/project_config.hpp"

namespace dbmig {

namespace {

// The migrations asked for: one, those of an app, or every one (in graph order).
std::vector<const Migration*> selected(const MigrationGraph& graph,
                                       const LintCommandOptions& options) {
  if (!options.migration.empty())
    return {&graph.get(graph.resolve(options.app, options.migration))};
  if (options.app.empty()) return graph.order();
  auto migrations = graph.app_migrations(options.app);
  if (migrations.empty()) {
    std::vector<std::string> apps = graph.apps();
    throw InputError("app '" + options.app + "' has no migrations (apps with migrations: " +
                     (apps.empty() ? "none" : join(apps)) + ")");
  }
  return migrations;
}

struct Editors {
  std::vector<std::unique_ptr<SchemaEditor>> owned;
  std::vector<const SchemaEditor*> pointers;
  explicit Editors(const std::vector<Dialect>& dialects) {
    for (Dialect dialect : dialects) {
      owned.push_back(make_schema_editor(dialect));
      pointers.push_back(owned.back().get());
    }
  }
};

// Each migration is its own deployment: every migration before it (of any app) applied, its
// findings made on that state.
std::vector<LintFinding> lint_each(const MigrationGraph& graph,
                                   const std::vector<const Migration*>& wanted,
                                   const LintOptions& options) {
  std::set<const Migration*> linted(wanted.begin(), wanted.end());
  std::vector<LintFinding> findings;
  ProjectState state;
  for (const Migration* migration : graph.order()) {
    if (!linted.count(migration)) {
      apply_migration(state, *migration, false);
      continue;
    }
    auto found = lint_migrations({migration}, state, options);
    findings.insert(findings.end(), found.begin(), found.end());
  }
  return findings;
}

}  // namespace

ExitCode lint(const GlobalOptions& global, const LintCommandOptions& options, Console& console) {
  ProjectConfig config = load_project_config(std::filesystem::absolute(global.project));
  LoadedGraph loaded = load_migration_graph(config);
  auto wanted = selected(loaded.graph, options);
  std::unique_ptr<Connection> connection;
  if (!global.database.empty()) connection = connect(global, config, Access::read);
  std::vector<Dialect> dialects = options.dialects;
  if (dialects.empty())
    dialects.push_back(connection ? connection->dialect()
                                  : resolve_database_url(global.database, config).dialect);
  Editors editors(dialects);
  LintOptions lint_options{editors.pointers, {}};
  if (connection) lint_options.rows = table_row_counter(*connection);
  auto findings = lint_each(loaded.graph, wanted, lint_options);
  console.out << (options.format == "json" ? lint_json(findings) : lint_text(findings));
  for (const auto& finding : findings)
    if (fails(finding, options.fail_on)) return ExitCode::changes_found;
  return ExitCode::ok;
}

std::string deployment_lint_text(const std::vector<const Migration*>& migrations,
                                 ProjectState state, Dialect dialect, Connection* connection) {
  Editors editors({dialect});
  LintOptions options{editors.pointers, {}};
  if (connection) options.rows = table_row_counter(*connection);
  auto findings = lint_migrations(migrations, state, options);
  return findings.empty() ? "" : lint_text(findings);
}

}  // namespace dbmig
