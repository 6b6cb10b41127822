#include "dbmig/graph.hpp"

#include <algorithm>
#include <functional>

#include "core/text.hpp"
#include "dbmig/error.hpp"
#include "dbmig/migration_names.hpp"
#include "operations/operation_support.hpp"

namespace dbmig {

namespace {

// Follows dependencies from `start` among `remaining` until one repeats: the cycle's path.
std::string cycle_path(const std::map<MigrationKey, Migration>& migrations,
                       const std::set<MigrationKey>& remaining) {
  std::vector<MigrationKey> path{*remaining.begin()};
  while (true) {
    const Migration& current = migrations.at(path.back());
    auto next = std::find_if(current.dependencies.begin(), current.dependencies.end(),
                             [&](const MigrationKey& d) { return remaining.count(d) > 0; });
    auto seen = std::find(path.begin(), path.end(), *next);
    if (seen != path.end()) {
      std::string text;
      for (auto it = seen; it != path.end(); ++it) text += it->str() + " -> ";
      return text + next->str();
    }
    path.push_back(*next);
  }
}

}  // namespace

MigrationGraph::MigrationGraph(std::vector<Migration> migrations) {
  for (auto& migration : migrations) {
    MigrationKey key = migration.key();
    if (!migrations_.emplace(key, std::move(migration)).second)
      throw InputError("migration " + key.str() + " exists twice");
    children_[key];
  }
  for (const auto& [key, migration] : migrations_)
    for (const auto& dependency : migration.dependencies) {
      if (!migrations_.count(dependency))
        throw InputError("migration " + key.str() + " depends on " + dependency.str() +
                         ", which does not exist; restore that migration or fix the dependency");
      children_[dependency].insert(key);
    }

  // Kahn's algorithm; `ready` is ordered, so ties go by app, then name.
  std::map<MigrationKey, std::size_t> waiting;
  std::set<MigrationKey> ready;
  for (const auto& [key, migration] : migrations_) {
    std::set<MigrationKey> distinct(migration.dependencies.begin(), migration.dependencies.end());
    waiting[key] = distinct.size();
    if (distinct.empty()) ready.insert(key);
  }
  while (!ready.empty()) {
    MigrationKey key = *ready.begin();
    ready.erase(ready.begin());
    order_.push_back(&migrations_.at(key));
    for (const auto& child : children_.at(key))
      if (--waiting[child] == 0) ready.insert(child);
  }
  if (order_.size() != migrations_.size()) {
    std::set<MigrationKey> remaining;
    for (const auto& [key, count] : waiting)
      if (count > 0) remaining.insert(key);
    throw InputError("dependency cycle between migrations: " + cycle_path(migrations_, remaining) +
                     "; remove one of these dependencies");
  }

  // Two migrations of one app with one number are fine on parallel branches (merged later),
  // but one following the other means a file was misnumbered.
  std::map<std::pair<std::string, int>, std::vector<MigrationKey>> numbered;
  for (const auto& [key, migration] : migrations_)
    numbered[{key.app, migration_number(key.name)}].push_back(key);
  for (const auto& [number, keys] : numbered) {
    if (keys.size() < 2) continue;
    for (const auto& key : keys)
      for (const auto* ancestor : forwards_plan(key))
        if (ancestor->key() != key &&
            std::find(keys.begin(), keys.end(), ancestor->key()) != keys.end())
          throw InputError("app " + key.app + ": migrations " + ancestor->name + " and " +
                           key.name + " share the number " +
                           padded_migration_number(number.second) + " but " + key.name +
                           " depends on " + ancestor->name + "; renumber " + key.name);
  }
}

const Migration* MigrationGraph::find(const MigrationKey& key) const {
  auto it = migrations_.find(key);
  return it == migrations_.end() ? nullptr : &it->second;
}

const Migration& MigrationGraph::get(const MigrationKey& key) const {
  if (const Migration* migration = find(key)) return *migration;
  throw InputError("migration " + key.str() + " does not exist");
}

MigrationKey MigrationGraph::resolve(std::string_view app, std::string_view name) const {
  if (find({std::string(app), std::string(name)})) return {std::string(app), std::string(name)};
  std::vector<MigrationKey> matches;
  for (const auto* migration : app_migrations(app))
    if (migration->name.starts_with(name)) matches.push_back(migration->key());
  if (matches.size() == 1) return matches.front();
  std::string wanted = std::string(app) + "." + std::string(name);
  if (matches.empty())
    throw InputError("migration " + wanted +
                     " does not exist; `dbmig showmigrations` lists the migrations");
  throw InputError("migration " + wanted + " is ambiguous: it matches " +
                   join(matches, ", ", &MigrationKey::str) + "; give more of the name");
}

std::vector<std::string> MigrationGraph::apps() const {
  std::set<std::string> apps;
  for (const auto& [key, migration] : migrations_) apps.insert(key.app);
  return {apps.begin(), apps.end()};
}

std::vector<const Migration*> MigrationGraph::app_migrations(std::string_view app) const {
  std::vector<const Migration*> result;
  for (const auto* migration : order_)
    if (migration->app == app) result.push_back(migration);
  return result;
}

std::vector<const Migration*> MigrationGraph::forwards_plan(const MigrationKey& target) const {
  std::set<MigrationKey> needed;
  std::function<void(const MigrationKey&)> visit = [&](const MigrationKey& key) {
    if (!needed.insert(key).second) return;
    for (const auto& dependency : get(key).dependencies) visit(dependency);
  };
  visit(target);
  std::vector<const Migration*> plan;
  for (const auto* migration : order_)
    if (needed.count(migration->key())) plan.push_back(migration);
  return plan;
}

std::vector<const Migration*> MigrationGraph::backwards_plan(const MigrationKey& target) const {
  get(target);
  std::set<MigrationKey> dependents;
  std::function<void(const MigrationKey&)> visit = [&](const MigrationKey& key) {
    if (!dependents.insert(key).second) return;
    for (const auto& child : children_.at(key)) visit(child);
  };
  visit(target);
  std::vector<const Migration*> plan;
  for (auto it = order_.rbegin(); it != order_.rend(); ++it)
    if (dependents.count((*it)->key())) plan.push_back(*it);
  return plan;
}

std::vector<MigrationKey> MigrationGraph::leaves(std::string_view app) const {
  std::vector<MigrationKey> result;
  for (const auto& [key, migration] : migrations_) {
    if (key.app != app) continue;
    const auto& children = children_.at(key);
    bool has_child_in_app =
        std::any_of(children.begin(), children.end(),
                    [&](const MigrationKey& child) { return child.app == app; });
    if (!has_child_in_app) result.push_back(key);
  }
  return result;
}

std::optional<MigrationKey> MigrationGraph::leaf(std::string_view app) const {
  auto found = leaves(app);
  if (found.empty()) return std::nullopt;
  if (found.size() > 1) check_no_conflicts();
  return found.front();
}

std::map<std::string, std::vector<MigrationKey>> MigrationGraph::conflicts() const {
  std::map<std::string, std::vector<MigrationKey>> result;
  for (const auto& app : apps())
    if (auto found = leaves(app); found.size() > 1) result[app] = found;
  return result;
}

void MigrationGraph::check_no_conflicts() const {
  auto found = conflicts();
  if (found.empty()) return;
  const auto& [app, leaves] = *found.begin();
  throw InputError("conflicting migrations in app " + app + ": " +
                   join(leaves, ", ", &MigrationKey::str) +
                   " are both leaves (two branches of history); run `dbmig makemigrations "
                   "--merge` to join them");
}

ProjectState MigrationGraph::state_at(const std::optional<MigrationKey>& target) const {
  return replay(target ? forwards_plan(*target) : order_);
}

namespace {

// `message` of the operation at `index` of `migration`, with the file, the JSON path and the
// operation in front.
InputError operation_error(const Migration& migration, std::size_t index,
                           const std::string& message) {
  std::string where =
      migration.file.empty() ? "migration " + migration.key().str() : migration.file;
  return InputError(where + ": $.operations[" + std::to_string(index) + "] (" +
                    migration.operations[index]->describe() + "): " + message);
}

// Applies the operation at `index` of `migration`; an operation that does not fit the state
// is an error naming the file, the JSON path and the operation, and saying what to do. With
// `names` (a replay of the history), the models it names are also checked against the others.
void apply_operation(ProjectState& state, const Migration& migration, std::size_t index,
                     NamesInUse* names = nullptr) {
  const Operation& operation = *migration.operations[index];
  try {
    std::vector<ModelKey> named;
    if (names) named = operations::models_named_by(operation, migration.app);
    for (const auto& key : named)
      if (const Model* model = state.find(key)) names->remove(*model);
    operation.apply(state, migration.app);
    operations::require_valid_result(state, operation, migration.app);
    for (const auto& key : named)
      if (const Model* model = state.find(key))
        operations::require_own_names(state, *model, *names);
  } catch (const InputError& e) {
    throw operation_error(
        migration, index,
        std::string(e.what()) + "; correct this operation, or the earlier migration it relies on");
  }
}

}  // namespace

ProjectState replay(const std::vector<const Migration*>& plan) {
  ProjectState state;
  NamesInUse names;
  for (const auto* migration : plan)
    for (std::size_t i = 0; i < migration->operations.size(); ++i)
      apply_operation(state, *migration, i, &names);
  return state;
}

namespace {

// The models of `state` that `operation` of app `app` references, with their foreign-key
// targets.
ProjectState models_read_by(const Operation& operation, const std::string& app,
                            const ProjectState& state) {
  ProjectState read;
  for (const auto& [key, model] : state.models)
    if (operation.references_model(key, app)) read.models.emplace(key, model);
  std::vector<ModelKey> targets;
  for (const auto& [key, model] : read.models)
    for (const auto& field : model.fields)
      if (field.references) targets.push_back(field.references->target);
  for (const auto& target : targets)
    if (const Model* model = state.find(target)) read.models.emplace(target, *model);
  return read;
}

}  // namespace

std::vector<OperationStates> apply_migration(ProjectState& state, const Migration& migration,
                                             bool with_models_read) {
  std::vector<OperationStates> states;
  for (std::size_t i = 0; i < migration.operations.size(); ++i) {
    if (!with_models_read) {
      apply_operation(state, migration, i);
      continue;
    }
    const Operation& operation = *migration.operations[i];
    ProjectState before = models_read_by(operation, migration.app, state);
    apply_operation(state, migration, i);
    states.push_back({std::move(before), models_read_by(operation, migration.app, state)});
  }
  return states;
}

Statements operation_sql(const Migration& migration, std::size_t index, const SchemaEditor& editor,
                         const StateChange& change, bool backwards) {
  const Operation& operation = *migration.operations[index];
  // Both directions of an online operation take the online forms: RemoveIndex backwards builds
  // its index as concurrently as AddIndex forwards does.
  std::unique_ptr<SchemaEditor> online =
      operation.options.online ? editor.online_editor() : nullptr;
  const SchemaEditor& used = online ? *online : editor;
  try {
    return backwards ? operation.backwards(used, migration.app, change)
                     : operation.forwards(used, migration.app, change);
  } catch (const InputError& e) {
    throw operation_error(migration, index, e.what());
  }
}

ResolvedMigrations resolve_replacements(std::vector<Migration> migrations,
                                        const std::set<MigrationKey>& applied) {
  std::map<MigrationKey, MigrationKey> replaced_by;  // replaced -> squashed in use
  std::set<MigrationKey> present;
  std::map<MigrationKey, std::vector<MigrationKey>> unused_squashes;  // squashed -> replaced
  for (const auto& migration : migrations) present.insert(migration.key());
  ResolvedMigrations result;
  for (const auto& migration : migrations) {
    if (migration.replaces.empty()) continue;
    auto applied_count = std::count_if(migration.replaces.begin(), migration.replaces.end(),
                                       [&](const MigrationKey& k) { return applied.count(k) > 0; });
    if (applied_count == 0 || applied_count == static_cast<long>(migration.replaces.size())) {
      result.replacements[migration.key()] = migration.replaces;
      for (const auto& replaced : migration.replaces) replaced_by[replaced] = migration.key();
      continue;
    }
    for (const auto& replaced : migration.replaces)
      if (!present.count(replaced))
        throw InputError("squashed migration " + migration.key().str() +
                         " is partly applied and the migration " + replaced.str() +
                         " it replaces is gone; restore it, or apply the rest first");
    unused_squashes[migration.key()] = migration.replaces;
  }
  for (auto& migration : migrations) {
    if (replaced_by.count(migration.key()) || unused_squashes.count(migration.key())) continue;
    std::vector<MigrationKey> dependencies;
    auto depend_on = [&](const MigrationKey& target) {
      if (target != migration.key() &&
          std::find(dependencies.begin(), dependencies.end(), target) == dependencies.end())
        dependencies.push_back(target);
    };
    for (const auto& dependency : migration.dependencies) {
      if (auto squash = unused_squashes.find(dependency); squash != unused_squashes.end()) {
        for (const auto& replaced : squash->second) depend_on(replaced);
      } else if (auto it = replaced_by.find(dependency); it != replaced_by.end()) {
        depend_on(it->second);
      } else {
        depend_on(dependency);
      }
    }
    migration.dependencies = std::move(dependencies);
    result.migrations.push_back(std::move(migration));
  }
  return result;
}

std::set<MigrationKey> effective_applied(
    const std::set<MigrationKey>& recorded,
    const std::map<MigrationKey, std::vector<MigrationKey>>& replacements) {
  std::set<MigrationKey> result = recorded;
  for (const auto& [squashed, replaced] : replacements)
    if (std::all_of(replaced.begin(), replaced.end(),
                    [&](const MigrationKey& k) { return recorded.count(k) > 0; }))
      result.insert(squashed);
  return result;
}

}  // namespace dbmig
