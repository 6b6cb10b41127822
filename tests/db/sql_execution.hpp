// The SQL execution tests (tests/db/sql_*.cpp) run operations as `dbmig migrate` does: each in
// a migration, through the real MigrationExecutor over a real Connection (so with its session
// setup: SQLite's foreign keys, MariaDB's strict sql_mode, PostgreSQL's messages).
#pragma once

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "../unit/sql_fixtures.hpp"
#include "catalog.hpp"
#include "dbmig/live_schema.hpp"
#include "migrate_fixtures.hpp"

namespace dbmig {

// So GoogleTest shows a note of a catalog reader as text.
inline void PrintTo(const SchemaNote& note, std::ostream* out) {
  *out << "{" << note.table << " | " << note.object << " | " << note.note << "}";
}

}  // namespace dbmig

namespace dbmig::test {

// A fresh database of one dialect that migrations are applied to one at a time, each
// depending on the one before it.
class MigratedDatabase {
 public:
  explicit MigratedDatabase(Dialect dialect) : harness_(dialect) {}

  // False when the dialect's test server is not configured (and not required).
  bool available() const { return harness_.connection != nullptr; }
  Connection& connection() { return *harness_.connection; }
  soci::session& session() { return harness_.connection->session(); }
  // The state of the migrations applied.
  const ProjectState& state() const { return states_.back(); }

  // Migrates forwards to a new migration of `app` holding `operations`. When migrate fails
  // (its error propagates), the migration is left out of the history.
  void apply(const std::string& app, Operations operations) {
    Migration migration = make_migration(app, next_name(app), {}, std::move(operations));
    // Online operations run outside a transaction, as their migration file must say.
    migration.atomic =
        std::none_of(migration.operations.begin(), migration.operations.end(),
                     [](const OperationPtr& operation) { return operation->options.online; });
    if (!migrations_.empty()) migration.dependencies.push_back(migrations_.back().key());
    ProjectState after = state();
    for (const auto& operation : migration.operations) operation->apply(after, app);
    MigrationKey key = migration.key();
    migrations_.push_back(std::move(migration));
    try {
      graph_ = std::make_unique<MigrationGraph>(migrations_);
      auto executor = harness_.executor(*graph_);
      executor.run(executor.plan_to(key), {}, ++batch_);
    } catch (...) {
      migrations_.pop_back();
      graph_ = std::make_unique<MigrationGraph>(migrations_);
      throw;
    }
    states_.push_back(std::move(after));
  }
  void apply(const std::string& app, OperationPtr operation) {
    apply(app, Operations{std::move(operation)});
  }

  // Migrates backwards, unapplying the last migration applied.
  void unapply_last() {
    auto executor = harness_.executor(*graph_);
    executor.run(executor.plan_unapply({migrations_.back().key()}), {}, ++batch_);
    migrations_.pop_back();
    states_.pop_back();
    graph_ = std::make_unique<MigrationGraph>(migrations_);
  }

 private:
  std::string next_name(const std::string& app) const {
    int number = 1;
    for (const auto& migration : migrations_) number += migration.app == app;
    std::string digits = std::to_string(number);
    return std::string(4 - digits.size(), '0') + digits + "_step";
  }

  ExecutorHarness harness_;
  std::vector<Migration> migrations_;
  std::unique_ptr<MigrationGraph> graph_;
  std::vector<ProjectState> states_{ProjectState{}};
  int batch_ = 0;
};

// The differences between the database's `model` table and the state ("missing" when absent).
inline std::vector<std::string> catalog_differences(soci::session& session, Dialect dialect,
                                                    const ProjectState& state,
                                                    const ModelKey& key) {
  const Model& model = state.get(key);
  auto table = read_table(session, dialect, model.table);
  if (!table) return {"table " + model.table + " is missing"};
  return compare_with_model(*table, state, model, dialect);
}

inline long long count_rows(soci::session& session, const std::string& quoted_table) {
  long long count = 0;
  session << "SELECT COUNT(*) FROM " + quoted_table, soci::into(count);
  return count;
}

// Runs `connect` (which opens a dbmig Connection) while the MariaDB test server's GLOBAL
// sql_mode is '', then puts the old mode back: a connection opened then is strict only by its
// own setting. Only the connecting moment runs with the empty mode, so tests running at the
// same time on the server are not affected. Other dialects: just `connect`.
template <typename Connect>
auto with_empty_global_sql_mode(Dialect dialect, Connect connect) {
  if (dialect != Dialect::mysql) return connect();
  Connection admin(parse_database_url(std::getenv("DBMIG_TEST_MYSQL_URL")));
  std::string global;
  admin.session() << "SELECT @@GLOBAL.sql_mode", soci::into(global);
  admin.session() << "SET GLOBAL sql_mode = ''";
  auto connected = connect();
  admin.session() << "SET GLOBAL sql_mode = '" + global + "'";
  return connected;
}

}  // namespace dbmig::test
