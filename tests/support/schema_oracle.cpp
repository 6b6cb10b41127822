#include "schema_oracle.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "dbmig/executor.hpp"
#include "dbmig/migration_names.hpp"
#include "dbmig/operations.hpp"
#include "dbmig/recorder.hpp"

namespace dbmig::test {

namespace {

DatabaseUrl fresh_sqlite_url(const std::filesystem::path& dir) {
  return parse_database_url(*fresh_database_url(Dialect::sqlite, dir));
}

bool references_other_than(const Field& field, const ModelKey& model,
                           const std::set<ModelKey>& created) {
  return field.references && field.references->target != model &&
         !created.count(field.references->target);
}

bool mentions_any(const std::vector<std::string>& fields, const std::set<std::string>& names) {
  return std::any_of(fields.begin(), fields.end(),
                     [&](const std::string& field) { return names.count(field) > 0; });
}

// Migrations of one operation each, every one depending on the one before.
class MigrationChain {
 public:
  void add(const std::string& app, OperationPtr operation) {
    Migration migration;
    migration.app = app;
    migration.name = numbered_migration_name(++numbers_[app], "create");
    if (!migrations_.empty()) migration.dependencies.push_back(migrations_.back().key());
    migration.operations = {std::move(operation)};
    migrations_.push_back(std::move(migration));
  }

  std::vector<Migration> take() { return std::move(migrations_); }

 private:
  std::vector<Migration> migrations_;
  std::map<std::string, int> numbers_;
};

// What a CreateModel leaves out when a reference closes a cycle: the fields referencing models
// not yet created, and the indexes and constraints over those fields.
struct Deferred {
  std::vector<std::pair<ModelKey, Field>> fields;
  std::vector<std::pair<ModelKey, Index>> indexes;
  std::vector<std::pair<ModelKey, Constraint>> constraints;
};

Model without_forward_references(Model model, const std::set<ModelKey>& created,
                                 Deferred& deferred) {
  std::set<std::string> left_out;
  std::erase_if(model.fields, [&](const Field& field) {
    if (!references_other_than(field, model.key(), created)) return false;
    left_out.insert(field.name);
    deferred.fields.push_back({model.key(), field});
    return true;
  });
  std::erase_if(model.indexes, [&](const Index& index) {
    if (!mentions_any(index.fields, left_out)) return false;
    deferred.indexes.push_back({model.key(), index});
    return true;
  });
  std::erase_if(model.constraints, [&](const Constraint& constraint) {
    if (!mentions_any(constraint.fields, left_out)) return false;
    deferred.constraints.push_back({model.key(), constraint});
    return true;
  });
  return model;
}

}  // namespace

MigratedSqlite::MigratedSqlite(const ProjectConfig& config)
    : config_(config), connection_(fresh_sqlite_url(dir_.path())) {
  // Every migration commits; waiting for the disk each time would be most of the test's time,
  // and a throwaway database needs no durability. Nothing else changes.
  connection_.execute("PRAGMA synchronous = OFF");
}

void MigratedSqlite::migrate(const MigrationGraph& graph) {
  MigrationRecorder recorder(connection_);
  recorder.ensure_table();
  std::ostringstream out, err;
  Console console{out, err};
  console.verbosity = 0;
  MigrationExecutor executor(connection_, config_, graph, {}, recorder.records(), console);
  executor.run(executor.plan_all(), {}, ++batch_);
}

std::vector<TableCatalog> MigratedSqlite::schema() {
  return read_schema(connection_.session(), Dialect::sqlite);
}

std::vector<Migration> creation_history(const ProjectState& state) {
  std::vector<const Model*> remaining;
  for (const auto& [key, model] : state.models) remaining.push_back(&model);
  std::set<ModelKey> created;
  Deferred deferred;
  MigrationChain chain;
  while (!remaining.empty()) {
    auto ready = std::find_if(remaining.begin(), remaining.end(), [&](const Model* model) {
      return std::none_of(model->fields.begin(), model->fields.end(), [&](const Field& field) {
        return references_other_than(field, model->key(), created);
      });
    });
    // None is ready: a cycle, broken at the first model left.
    auto next = ready != remaining.end() ? ready : remaining.begin();
    const Model& model = **next;
    chain.add(model.app,
              std::make_shared<CreateModel>(without_forward_references(model, created, deferred)));
    created.insert(model.key());
    remaining.erase(next);
  }
  for (auto& [key, field] : deferred.fields)
    chain.add(key.app, std::make_shared<AddField>(key.name, field));
  for (auto& [key, index] : deferred.indexes)
    chain.add(key.app, std::make_shared<AddIndex>(key.name, index));
  for (auto& [key, constraint] : deferred.constraints)
    chain.add(key.app, std::make_shared<AddConstraint>(key.name, constraint));
  return chain.take();
}

std::vector<TableCatalog> created_schema(const ProjectState& state, const ProjectConfig& config) {
  MigratedSqlite database(config);
  database.migrate(MigrationGraph(creation_history(state)));
  return database.schema();
}

}  // namespace dbmig::test
