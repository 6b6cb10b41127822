#include "dbmig/commands/sqlmigrate.hpp"

#include "dbmig/connection.hpp"
#include "dbmig/database_url.hpp"
#include "dbmig/loader.hpp"
#include "dbmig/project_config.hpp"

namespace dbmig {

namespace {

// The states around each operation of `migration` (the models each one reads).
std::vector<OperationStates> states_around_operations(const MigrationGraph& graph,
                                                      const Migration& migration) {
  auto plan = graph.forwards_plan(migration.key());
  plan.pop_back();  // the plan ends with the migration itself
  ProjectState state = replay(plan);
  return apply_migration(state, migration);
}

void write_statements(std::string& out, const Statements& statements) {
  if (statements.empty()) out += "-- (no SQL)\n";
  for (const auto& statement : statements) {
    out += statement;
    if (statement.empty() || statement.back() != ';') out += ';';
    out += '\n';
  }
}

}  // namespace

std::string render_migration_sql(const MigrationGraph& graph, const MigrationKey& key,
                                 bool backwards, const SchemaEditor& editor) {
  const Migration& migration = graph.get(key);
  auto states = states_around_operations(graph, migration);
  bool transaction = migration.atomic && editor.transactional_ddl();
  std::string out = transaction ? "BEGIN;\n" : "";
  std::size_t count = migration.operations.size();
  for (std::size_t step = 0; step < count; ++step) {
    std::size_t i = backwards ? count - 1 - step : step;
    const Operation& operation = *migration.operations[i];
    out += "-- " + operation.describe() + "\n";
    StateChange change{states[i].before, states[i].after};
    if (backwards && !operation.reversible())
      out +=
          "-- IRREVERSIBLE: this operation cannot be unapplied; migrate refuses to go back "
          "past " +
          key.str() + "\n";
    else
      write_statements(out, operation_sql(migration, i, editor, change, backwards));
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
  MigrationKey key = loaded.graph.resolve(options.app, options.migration);
  console.out << render_migration_sql(loaded.graph, key, options.backwards,
                                      *make_schema_editor(dialect));
  return ExitCode::ok;
}

}  // namespace dbmig
