// arrange_migrations and trim_to_apps (Django's _build_migration_list, arrange_for_graph and
// _trim_to_apps). Each pass takes, per app in name order, the longest run of its next
// operations whose operations in other apps are already in a migration. A migration thus only
// ever depends on migrations made before it, so the new migrations never form a cycle, and an
// app needs a second migration only when apps depend on each other in a circle.
#include <algorithm>
#include <set>

#include "dbmig/autodetector.hpp"
#include "dbmig/error.hpp"
#include "dbmig/migration_names.hpp"
#include "dbmig/operations.hpp"
#include "dbmig/optimizer.hpp"

namespace dbmig {

namespace {

class MigrationArranger {
 public:
  MigrationArranger(const std::vector<PlannedOperation>& operations, const ArrangeOptions& options)
      : operations_(operations), options_(options), leaves_(options.leaves) {
    for (std::size_t i = 0; i < operations.size(); ++i) queues_[operations[i].app].push_back(i);
  }

  std::vector<Migration> run() {
    std::size_t placed = 0;
    while (placed < operations_.size()) {
      std::size_t before = placed;
      for (auto& [app, queue] : queues_) placed += take_ready(app, queue);
      if (placed == before)
        throw InternalError("the detected operations depend on each other in a circle");
    }
    return std::move(migrations_);
  }

 private:
  // Moves the ready front of `queue` into a new migration of `app`; returns how many.
  std::size_t take_ready(const std::string& app, std::vector<std::size_t>& queue) {
    auto ready_end = std::find_if(queue.begin(), queue.end(), [&](std::size_t index) {
      const auto& after = operations_[index].after;
      return !std::all_of(after.begin(), after.end(),
                          [&](std::size_t needed) { return migration_of_.count(needed) != 0; });
    });
    std::vector<std::size_t> taken(queue.begin(), ready_end);
    queue.erase(queue.begin(), ready_end);
    if (!taken.empty()) add_migration(app, taken);
    return taken.size();
  }

  void add_migration(const std::string& app, const std::vector<std::size_t>& taken) {
    Migration migration;
    migration.app = app;
    std::set<MigrationKey> others;
    for (std::size_t index : taken) {
      const PlannedOperation& planned = operations_[index];
      migration.operations.push_back(planned.operation);
      for (std::size_t needed : planned.after)
        others.insert(migrations_[migration_of_[needed]].key());
      std::set<std::string> other_apps = planned.after_app_leaf;
      if (planned.after_mentions_of)
        if (auto it = options_.mentioned_by.find(*planned.after_mentions_of);
            it != options_.mentioned_by.end())
          other_apps.insert(it->second.begin(), it->second.end());
      for (const std::string& other_app : other_apps)
        if (auto leaf = options_.leaves.find(other_app); leaf != options_.leaves.end())
          others.insert({other_app, leaf->second});
    }
    auto leaf = leaves_.find(app);
    if (leaf != leaves_.end()) migration.dependencies.push_back({app, leaf->second});
    for (const MigrationKey& other : others)
      if (other.app != app) migration.dependencies.push_back(other);

    migration.operations = optimize(migration.operations, app);
    bool initial = leaf == leaves_.end();
    int number = leaf == leaves_.end() ? 1 : migration_number(leaf->second) + 1;
    migration.name = numbered_migration_name(
        number,
        options_.name ? *options_.name : suggest_migration_name(migration.operations, initial));

    leaves_[app] = migration.name;
    for (std::size_t index : taken) migration_of_[index] = migrations_.size();
    migrations_.push_back(std::move(migration));
  }

  const std::vector<PlannedOperation>& operations_;
  const ArrangeOptions& options_;
  std::map<std::string, std::string> leaves_;  // including the migrations made here
  std::map<std::string, std::vector<std::size_t>> queues_;
  std::map<std::size_t, std::size_t> migration_of_;  // operation -> index in migrations_
  std::vector<Migration> migrations_;
};

// Every name `model` has had in `history`: the RenameModel operations of its app followed back
// from its name now. Migrations of other apps mention it by the name it had when they were
// made. A name that another model had too only adds a dependency that was not needed.
std::set<std::string> names_in_history(const MigrationGraph& history, const ModelKey& model) {
  std::set<std::string> names{model.name};
  for (bool grew = true; grew;) {
    grew = false;
    for (const Migration* migration : history.app_migrations(model.app))
      for (const OperationPtr& operation : migration->operations)
        if (auto* rename = dynamic_cast<const RenameModel*>(operation.get());
            rename && names.count(rename->new_name) && names.insert(rename->old_name).second)
          grew = true;
  }
  return names;
}

bool mentions_any(const Migration& migration, const std::string& app,
                  const std::set<std::string>& names) {
  return std::any_of(migration.operations.begin(), migration.operations.end(),
                     [&](const OperationPtr& operation) {
                       return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
                         return operation->references_model({app, name}, migration.app);
                       });
                     });
}

}  // namespace

std::vector<Migration> arrange_migrations(const std::vector<PlannedOperation>& operations,
                                          const ArrangeOptions& options) {
  return MigrationArranger(operations, options).run();
}

ArrangeOptions arrange_options(const MigrationGraph& history,
                               const std::vector<PlannedOperation>& operations) {
  ArrangeOptions options;
  for (const std::string& app : history.apps())
    if (auto leaf = history.leaf(app)) options.leaves[app] = leaf->name;
  for (const PlannedOperation& planned : operations) {
    if (!planned.after_mentions_of) continue;
    const ModelKey& model = *planned.after_mentions_of;
    std::set<std::string>& apps = options.mentioned_by[model];
    std::set<std::string> names = names_in_history(history, model);
    for (const Migration* migration : history.order())
      if (migration->app != model.app && !apps.count(migration->app) &&
          mentions_any(*migration, model.app, names))
        apps.insert(migration->app);
  }
  return options;
}

std::vector<Migration> trim_to_apps(std::vector<Migration> migrations,
                                    const std::vector<std::string>& apps) {
  if (apps.empty()) return migrations;
  std::set<MigrationKey> kept;
  // Dependencies always point to earlier migrations, so one backwards pass finds them all.
  for (auto it = migrations.rbegin(); it != migrations.rend(); ++it) {
    bool wanted = std::find(apps.begin(), apps.end(), it->app) != apps.end();
    if (!wanted && !kept.count(it->key())) continue;
    kept.insert(it->key());
    for (const MigrationKey& dependency : it->dependencies) kept.insert(dependency);
  }
  std::erase_if(migrations, [&](const Migration& m) { return !kept.count(m.key()); });
  return migrations;
}

}  // namespace dbmig
