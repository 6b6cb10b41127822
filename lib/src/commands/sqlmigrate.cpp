#include "dbmig/commands/sqlmigrate.hpp"

#include "dbmig/connection.hpp"
#include "dbmig/database_url.hpp"
#include "dbmig/graph_records.hpp"
#include "dbmig/loader.hpp"
#include "dbmig/migration_plan.hpp"
#include "dbmig/project_config.hpp"

namespace dbmig {

namespace {

void write_statements(std::string& out, const Statements& statements) {
  if (statements.empty()) out += "-- (no SQL)\n";
  for (const auto& statement : statements) {
    out += statement;
    if (statement.empty() || statement.back() != ';') out += ';';
    out += '\n';
  }
}

}  // namespace

// Like Django's sqlmigrate (MigrationExecutor.collect_sql): the step renders as migrate renders
// it, on the state its dependencies leave.
std::string render_migration_sql(const MigrationGraph& graph, const MigrationKey& key,
                                 bool backwards, const SchemaEditor& editor) {
  const Migration& migration = graph.get(key);
  auto dependencies = graph.forwards_plan(key);
  dependencies.pop_back();  // the plan ends with the migration itself
  ProjectState state = replay(dependencies);
  RenderedStep rendered = render_step(
      {&migration, backwards ? Direction::backwards : Direction::forwards}, state, editor);
  bool transaction = migration.atomic && editor.transactional_ddl();
  std::string out = transaction ? "BEGIN;\n" : "";
  for (const auto& operation : rendered.operations) {
    out += "-- " + operation.operation->describe() + "\n";
    if (operation.irreversible)
      out +=
          "-- IRREVERSIBLE: this operation cannot be unapplied; migrate refuses to go back "
          "past " +
          key.str() + "\n";
    else
      write_statements(out, operation.statements);
  }
  if (transaction) out += "COMMIT;\n";
  return out;
}

// --dialect, else the dialect of the database migrate would use (--database, DATABASE_URL,
// .env, dbmig.json's default); no connection is made.
Dialect sqlmigrate_dialect(const GlobalOptions& global, const SqlmigrateOptions& options) {
  if (options.dialect) return *options.dialect;
  ProjectConfig config = load_project_config(std::filesystem::absolute(global.project));
  return resolve_database_url(global.database, config).dialect;
}

ExitCode sqlmigrate(const GlobalOptions& global, const SqlmigrateOptions& options,
                    Console& console) {
  Dialect dialect = sqlmigrate_dialect(global, options);
  ProjectConfig config = load_project_config(global.project);
  LoadedGraph loaded = load_migration_graph(config);
  MigrationKey key =
      resolve_migration(loaded.graph, loaded.replacements, options.app, options.migration);
  console.out << render_migration_sql(loaded.graph, key, options.backwards,
                                      *make_schema_editor(dialect));
  return ExitCode::ok;
}

}  // namespace dbmig
