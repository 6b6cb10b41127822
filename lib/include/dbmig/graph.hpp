// The migration graph (Django's MigrationGraph): migrations as nodes, dependencies as edges,
// inside and across apps. Pure: built from migrations already read by the loader.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dbmig/migration.hpp"
#include "dbmig/state.hpp"

namespace dbmig {

class MigrationGraph {
 public:
  // Checks the graph and throws InputError for two migrations with one key, a dependency on a
  // migration that does not exist (naming both), a dependency cycle (with its path), and two
  // migrations of one app with the same number where one follows the other. Two leaves in one
  // app (parallel branches) are allowed here: see conflicts().
  explicit MigrationGraph(std::vector<Migration> migrations);
  // order() points into the graph's own nodes: moving keeps them, a copy would not.
  MigrationGraph(const MigrationGraph&) = delete;
  MigrationGraph& operator=(const MigrationGraph&) = delete;
  MigrationGraph(MigrationGraph&&) = default;
  MigrationGraph& operator=(MigrationGraph&&) = default;

  const Migration* find(const MigrationKey& key) const;
  // Throws InputError naming the migration when it is absent.
  const Migration& get(const MigrationKey& key) const;
  // The migration of `app` named `name`, or the only one whose name starts with `name`
  // ("0002" finds "0002_blog_subtitle"); throws InputError when none or several match.
  MigrationKey resolve(std::string_view app, std::string_view name) const;

  // Every app with at least one migration, sorted.
  std::vector<std::string> apps() const;
  // Every migration, dependencies first; ties broken by app, then name.
  const std::vector<const Migration*>& order() const { return order_; }
  // The migrations of one app in graph order.
  std::vector<const Migration*> app_migrations(std::string_view app) const;
  // `target` and everything it depends on, in graph order: what applying `target` runs.
  std::vector<const Migration*> forwards_plan(const MigrationKey& target) const;
  // `target` and everything that depends on it, dependents first: what unapplying it runs.
  std::vector<const Migration*> backwards_plan(const MigrationKey& target) const;

  // The migrations of `app` that no other migration of `app` depends on.
  std::vector<MigrationKey> leaves(std::string_view app) const;
  // The single leaf of `app`, nullopt when it has no migrations; throws the conflict error of
  // check_no_conflicts() when it has several.
  std::optional<MigrationKey> leaf(std::string_view app) const;
  // Apps with more than one leaf (branches to merge), with their leaves.
  std::map<std::string, std::vector<MigrationKey>> conflicts() const;
  // Throws InputError naming the app and its leaves, telling to run
  // `dbmig makemigrations --merge`.
  void check_no_conflicts() const;

  // The state after applying `target` and its dependencies, or every migration without one.
  ProjectState state_at(const std::optional<MigrationKey>& target = std::nullopt) const;

 private:
  std::map<MigrationKey, Migration> migrations_;
  std::map<MigrationKey, std::set<MigrationKey>> children_;
  std::vector<const Migration*> order_;
};

// Replays the operations of `plan` in order on an empty state. An operation the state does not
// allow is an InputError naming the migration, the operation's JSON path and description.
ProjectState replay(const std::vector<const Migration*>& plan);

// The part of the state one operation's SQL reads, before and after it: the models the
// operation references and the models their foreign keys point to (whose tables and primary
// keys the SQL names). Copying only these keeps rendering linear in the migration's size
// instead of copying every model of the project for every operation.
struct OperationStates {
  ProjectState before;
  ProjectState after;
};

// Applies the operations of `migration` to `state` in place (errors are the operations' own
// InputErrors) and returns, when `with_models_read`, one OperationStates per operation.
std::vector<OperationStates> apply_migration(ProjectState& state, const Migration& migration,
                                             bool with_models_read = true);

// The SQL of the operation at `index` of `migration` on `editor`'s database, forwards or
// backwards (`change` is before -> after of the forwards direction either way). An operation
// that cannot give its SQL (a RunSQL string that cannot be split into statements, a RunSQL
// without reverse SQL) is an InputError naming the file, the JSON path and the operation.
Statements operation_sql(const Migration& migration, std::size_t index, const SchemaEditor& editor,
                         const StateChange& change, bool backwards);

// Squashed migrations (a migration with `replaces`, Django's rule): the squashed migration
// stands for the ones it replaces when none or all of them are applied; then the replaced ones
// leave the graph and dependencies on them point at the squashed one. When only some are
// applied, the squashed migration is left out and the replaced ones stay.
struct ResolvedMigrations {
  std::vector<Migration> migrations;  // what the graph is built from
  // Squashed migration in use -> the migrations it replaces. The recorder marks them applied
  // with it; a squashed migration counts as applied when all it replaces are.
  std::map<MigrationKey, std::vector<MigrationKey>> replacements;
};
ResolvedMigrations resolve_replacements(std::vector<Migration> migrations,
                                        const std::set<MigrationKey>& applied);

// `recorded` plus every squashed migration of `replacements` whose replaced migrations are all
// in `recorded`.
std::set<MigrationKey> effective_applied(
    const std::set<MigrationKey>& recorded,
    const std::map<MigrationKey, std::vector<MigrationKey>>& replacements);

}  // namespace dbmig
