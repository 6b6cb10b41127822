// The second oracle of the makemigrations property test, on real SQLite databases: a history
// migrated by the real MigrationExecutor must leave the schema that creating only the final
// state's models, from nothing, leaves. SQLite is embedded: no server is involved.
#pragma once

#include <vector>

#include "catalog.hpp"
#include "dbmig/connection.hpp"
#include "dbmig/graph.hpp"
#include "dbmig/project_config.hpp"
#include "test_support.hpp"

namespace dbmig::test {

// A fresh SQLite database file that migrations are applied to, as `dbmig migrate` does.
class MigratedSqlite {
 public:
  // `config` names migration files in messages; it must outlive this.
  explicit MigratedSqlite(const ProjectConfig& config);

  // Applies every migration of `graph` not applied yet, in one batch.
  void migrate(const MigrationGraph& graph);
  // Every table but the recorder's.
  std::vector<TableCatalog> schema();

 private:
  TempDir dir_;
  const ProjectConfig& config_;
  Connection connection_;
  int batch_ = 0;
};

// The migrations that create `state` in an empty database, one operation each, in a chain:
// a CreateModel per model, the models a model references before it; a reference that closes a
// cycle is left out of its CreateModel and added by an AddField once every model exists.
std::vector<Migration> creation_history(const ProjectState& state);

// The schema of `state` created from nothing (creation_history) in a fresh SQLite database.
std::vector<TableCatalog> created_schema(const ProjectState& state, const ProjectConfig& config);

}  // namespace dbmig::test
