#include "core/squash.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "dbmig/error.hpp"
#include "dbmig/migration_names.hpp"
#include "dbmig/operations.hpp"
#include "dbmig/optimizer.hpp"

namespace dbmig {

namespace {

std::vector<MigrationKey> same_app_dependencies(const Migration& migration) {
  std::vector<MigrationKey> result;
  for (const auto& dependency : migration.dependencies)
    if (dependency.app == migration.app) result.push_back(dependency);
  return result;
}

std::set<MigrationKey> keys_of(const std::vector<const Migration*>& range) {
  std::set<MigrationKey> keys;
  for (const auto* migration : range) keys.insert(migration->key());
  return keys;
}

// "cannot squash 0001_initial to 0003_x of app blog: " + `why`.
InputError range_error(const std::vector<const Migration*>& range, const std::string& why) {
  return InputError("cannot squash " + range.front()->name + " to " + range.back()->name +
                    " of app " + range.front()->app + ": " + why);
}

// The migrations of the app that END needs, from START on (Django: the app's part of END's
// forwards plan, cut at START).
std::vector<const Migration*> migrations_in(const MigrationGraph& graph, const SquashRange& range) {
  std::vector<const Migration*> result;
  for (const auto* migration : graph.forwards_plan(range.end))
    if (migration->app == range.app) result.push_back(migration);
  if (!range.start) return result;
  auto start = std::find_if(result.begin(), result.end(),
                            [&](const Migration* m) { return m->key() == *range.start; });
  if (start == result.end())
    throw InputError("cannot squash " + range.app + " from " + range.start->name + " to " +
                     range.end.name + ": " + range.end.name + " does not follow " +
                     range.start->name + "; give the earlier migration first");
  result.erase(result.begin(), start);
  return result;
}

// Each migration after the first follows the one before it and only it, and nothing outside
// the range follows one inside it but the last: squashing a merge or a fork would reorder the
// branches.
void require_linear(const MigrationGraph& graph, const std::vector<const Migration*>& range) {
  std::set<MigrationKey> inside = keys_of(range);
  for (std::size_t i = 1; i < range.size(); ++i) {
    auto previous = same_app_dependencies(*range[i]);
    if (previous.size() != 1 || previous.front() != range[i - 1]->key())
      throw range_error(
          range, "the range is not one line of migrations (" + range[i]->name + " follows " +
                     join(previous, " and ", &MigrationKey::name) + ", not " + range[i - 1]->name +
                     ": branches and their merge); squash up to the migration before the "
                     "branches, or from the merge on");
  }
  for (const auto* migration : graph.app_migrations(range.front()->app)) {
    if (inside.count(migration->key())) continue;
    for (const auto& dependency : same_app_dependencies(*migration))
      if (inside.count(dependency) && dependency != range.back()->key())
        throw range_error(
            range, migration->name + " branches off " + dependency.name +
                       " inside the range; merge the branches first (`dbmig makemigrations "
                       "--merge`) and squash up to the migration before the fork, or include "
                       "the branch");
  }
}

// A migration of another app that the range needs but that itself needs a migration of the range
// would have to run both before and after the squashed migration.
void require_no_cycle(const MigrationGraph& graph, const std::vector<const Migration*>& range) {
  std::set<MigrationKey> inside = keys_of(range);
  for (const auto* migration : range)
    for (const auto& dependency : migration->dependencies) {
      if (dependency.app == migration->app) continue;
      for (const auto* needed : graph.forwards_plan(dependency))
        if (inside.count(needed->key()))
          throw range_error(
              range, migration->name + " depends on " + dependency.str() + ", which depends on " +
                         needed->key().str() +
                         " inside the range, so the squashed migration would depend on itself; "
                         "squash up to a migration before " +
                         migration->name + ", or from one after " + needed->name);
    }
}

// A squashed migration of the range whose replaced files still exist would be replaced twice.
void require_no_live_squash(const std::vector<const Migration*>& range,
                            const std::set<MigrationKey>& on_disk) {
  for (const auto* migration : range)
    for (const auto& replaced : migration->replaces)
      if (on_disk.count(replaced))
        throw InputError("cannot squash " + migration->key().str() +
                         ": it is a squashed migration and " + replaced.str() +
                         ", which it replaces, still exists. Make it a normal migration first: "
                         "once every database has run `dbmig migrate` with it, delete the files "
                         "it replaces and remove its \"replaces\"; or squash a range without it");
}

// Django's rule: every dependency of the first migration (the one before START included), and
// the other apps' dependencies of the rest; sorted, each once.
std::vector<MigrationKey> squash_dependencies(const std::vector<const Migration*>& range) {
  std::set<MigrationKey> dependencies;
  for (const auto* migration : range)
    for (const auto& dependency : migration->dependencies)
      if (migration == range.front() || dependency.app != migration->app)
        dependencies.insert(dependency);
  return {dependencies.begin(), dependencies.end()};
}

// What the squashed migration replaces: each migration of the range, or for a squashed one
// (whose replaced files are gone) what it replaced, so databases that applied those still
// recognise it.
std::vector<MigrationKey> replaced_by_squash(const std::vector<const Migration*>& range) {
  std::vector<MigrationKey> replaces;
  for (const auto* migration : range) {
    if (migration->replaces.empty())
      replaces.push_back(migration->key());
    else
      replaces.insert(replaces.end(), migration->replaces.begin(), migration->replaces.end());
  }
  return replaces;
}

// Each RunSQL of `operations` that keeps others from folding: without it the optimizer would
// fold more. The optimizer never moves an operation across a RunSQL (it may touch anything).
std::vector<std::string> run_sql_blocking(const std::vector<const Migration*>& range,
                                          const Operations& operations, std::string_view app,
                                          std::size_t folded_count) {
  std::vector<std::string> lines;
  std::size_t index = 0;
  for (const auto* migration : range)
    for (std::size_t i = 0; i < migration->operations.size(); ++i, ++index) {
      if (!dynamic_cast<const RunSQL*>(migration->operations[i].get())) continue;
      Operations without = operations;
      without.erase(without.begin() + static_cast<std::ptrdiff_t>(index));
      if (optimize(without, app).size() + 1 < folded_count)
        lines.push_back(migration->key().str() + " operation " + std::to_string(i + 1) + " (" +
                        migration->operations[i]->describe() +
                        ") keeps the operations before and after it from folding: the optimizer "
                        "does not move operations across SQL it cannot read");
    }
  return lines;
}

}  // namespace

std::string squashed_migration_name(const std::optional<MigrationKey>& start,
                                    const MigrationKey& end,
                                    const std::optional<std::string>& squashed_name) {
  std::string number = start ? padded_migration_number(migration_number(start->name)) : "0001";
  if (squashed_name) return number + "_" + *squashed_name;
  return (start ? start->name : number) + "_squashed_" + end.name;
}

Squash squash_range(const MigrationGraph& graph, const SquashRange& range,
                    const std::set<MigrationKey>& on_disk) {
  Squash squash;
  squash.squashed = migrations_in(graph, range);
  require_linear(graph, squash.squashed);
  require_no_cycle(graph, squash.squashed);
  require_no_live_squash(squash.squashed, on_disk);

  Operations all;
  bool atomic = true;
  for (const auto* migration : squash.squashed) {
    all.insert(all.end(), migration->operations.begin(), migration->operations.end());
    atomic = atomic && migration->atomic;
  }
  Migration& migration = squash.migration;
  migration.app = range.app;
  migration.name = squashed_migration_name(range.start, range.end, range.squashed_name);
  migration.dependencies = squash_dependencies(squash.squashed);
  migration.replaces = replaced_by_squash(squash.squashed);
  migration.atomic = atomic;
  migration.operations = optimize(all, range.app);
  squash.operations_before = all.size();
  squash.blocked_by_run_sql =
      run_sql_blocking(squash.squashed, all, range.app, migration.operations.size());
  return squash;
}

}  // namespace dbmig
