// detect_changes: walks a working copy of the replayed state towards the scanned state in a
// fixed sequence of phases, applying every operation it emits to the working copy, so each
// phase compares against what the earlier operations really produced (RenameModel retargets
// references, RenameField renames index columns, ...). The phases run in an order in which
// the SQL works (Django's generate_* sequence):
//   1 renamed models (+ their tables)   2 renamed tables        3 renamed fields
//   4 removed/changed indexes and constraints                   5 created models
//   6 removed fields   7 added fields   8 altered fields        9 deleted models
//   10 added/changed indexes and constraints
#include <algorithm>
#include <functional>
#include <unordered_set>

#include "dbmig/autodetector.hpp"
#include "dbmig/error.hpp"
#include "dbmig/operations.hpp"

namespace dbmig {

namespace {

bool has_field(const Model& model, const std::string& name) {
  return model.find_field(name) != nullptr;
}

// A field as compared for a rename: without its name, with references to renamed models
// written with their new names.
Field comparable(Field field, const std::map<ModelKey, ModelKey>& renamed_models) {
  field.name.clear();
  if (field.references) {
    auto it = renamed_models.find(field.references->target);
    if (it != renamed_models.end()) field.references->target = it->second;
  }
  return field;
}

bool same_fields(const Model& old_model, const Model& new_model,
                 const std::map<ModelKey, ModelKey>& renamed_models) {
  if (old_model.fields.size() != new_model.fields.size()) return false;
  for (const Field& field : new_model.fields) {
    const Field* old_field = old_model.find_field(field.name);
    if (!old_field || comparable(*old_field, renamed_models) != comparable(field, renamed_models))
      return false;
  }
  return true;
}

bool mentions_any(const std::vector<std::string>& fields, const std::set<std::string>& names) {
  return std::any_of(fields.begin(), fields.end(),
                     [&](const std::string& field) { return names.count(field) != 0; });
}

class ChangeDetector {
 public:
  ChangeDetector(const ProjectState& from, const ProjectState& to, const ModelSources& sources,
                 Questioner& questioner)
      : working_(from), to_(to), sources_(sources), questioner_(questioner) {}

  std::vector<PlannedOperation> run() {
    rename_models();
    rename_tables();
    alter_comments();
    remove_changed_constraints(ConstraintKind::check);
    rename_fields();
    remove_indexes_and_constraints();
    create_models();
    remove_fields();
    add_fields();
    alter_fields();
    delete_models();
    add_indexes_and_constraints();
    check_complete();
    return std::move(planned_);
  }

 private:
  // Applies `operation` to the working state and records it; returns its index.
  std::size_t emit(const std::string& app, OperationPtr operation,
                   std::vector<std::size_t> after = {}, std::set<std::string> after_leaf = {},
                   std::optional<ModelKey> after_mentions_of = std::nullopt) {
    operation->apply(working_, app);
    std::erase_if(after, [&](std::size_t index) { return planned_[index].app == app; });
    std::sort(after.begin(), after.end());
    after.erase(std::unique(after.begin(), after.end()), after.end());
    after_leaf.erase(app);
    planned_.push_back({app, std::move(operation), std::move(after), std::move(after_leaf),
                        std::move(after_mentions_of)});
    return planned_.size() - 1;
  }

  // What an operation that introduces `fields` needs: the creation, rename or table change of
  // each referenced model in this run, else the existing migrations of its app.
  void add_target_dependencies(const std::vector<const Field*>& fields,
                               std::vector<std::size_t>& after, std::set<std::string>& after_leaf) {
    for (const Field* field : fields) {
      if (!field->references) continue;
      const ModelKey& target = field->references->target;
      auto it = identity_operation_.find(target);
      if (it != identity_operation_.end())
        after.push_back(it->second);
      else
        after_leaf.insert(target.app);
    }
  }

  std::size_t emit_with_targets(const std::string& app, OperationPtr operation,
                                const std::vector<const Field*>& fields) {
    std::vector<std::size_t> after;
    std::set<std::string> after_leaf;
    add_target_dependencies(fields, after, after_leaf);
    return emit(app, std::move(operation), std::move(after), std::move(after_leaf));
  }

  // Remembers that `operation` stops `field` from referencing its target, which may then be
  // deleted only after it.
  void note_released(const Field& field, std::size_t operation) {
    if (field.references) releases_[field.references->target].push_back(operation);
  }

  // Models of `to_` that the working state does not have yet, in key order.
  std::vector<ModelKey> missing_models() const {
    std::vector<ModelKey> keys;
    for (const auto& [key, model] : to_.models)
      if (!working_.find(key)) keys.push_back(key);
    return keys;
  }

  // Models of the working state that `to_` no longer has, in key order.
  std::vector<ModelKey> vanished_models() const {
    std::vector<ModelKey> keys;
    for (const auto& [key, model] : working_.models)
      if (!to_.find(key)) keys.push_back(key);
    return keys;
  }

  // Models in both states, in key order, with their target versions, but those the working
  // state already has exactly as the target: every phase compares the two, so none emits
  // anything for them, and after an edit of one model they are all the others (on the 500-model
  // benchmark project the phases took ~5 ms walking them, docs/benchmark.md).
  template <typename Visit>
  void for_each_kept_model(Visit visit) {
    for (const auto& [key, target] : to_.models)
      if (const Model* current = working_.find(key); current && !reached(*current, target))
        visit(key, target);
  }

  // Whether the working state's `current` equals `target`, remembered until the next emit,
  // which may change any model (a RenameModel retargets the references to its model).
  bool reached(const Model& current, const Model& target) {
    if (reached_as_of_ != planned_.size()) {
      reached_.clear();
      reached_as_of_ = planned_.size();
    }
    if (reached_.count(&target)) return true;
    if (current != target) return false;
    reached_.insert(&target);
    return true;
  }

  const std::string* model_hint(const ModelKey& key) const {
    auto it = sources_.find(key);
    return it == sources_.end() || it->second.renamed_from.empty() ? nullptr
                                                                   : &it->second.renamed_from;
  }

  const std::string* field_hint(const ModelKey& key, const std::string& field) const {
    auto model_it = sources_.find(key);
    if (model_it == sources_.end()) return nullptr;
    auto it = model_it->second.fields.find(field);
    return it == model_it->second.fields.end() || it->second.renamed_from.empty()
               ? nullptr
               : &it->second.renamed_from;
  }

  // --- phase 1 and 2 ---

  void rename_model(const ModelKey& old_key, const ModelKey& new_key) {
    renamed_models_[old_key] = new_key;
    identity_operation_[new_key] = emit(
        new_key.app, std::make_shared<RenameModel>(old_key.name, new_key.name), {}, {}, old_key);
  }

  void rename_models() {
    // renamed_from first, so a question never takes a model a hint names.
    for (const ModelKey& key : missing_models()) {
      const std::string* hint = model_hint(key);
      if (!hint) continue;
      ModelKey old_key{key.app, *hint};
      if (working_.find(old_key) && !to_.find(old_key)) rename_model(old_key, key);
    }
    for (const ModelKey& key : missing_models()) {
      for (const ModelKey& old_key : vanished_models()) {
        const Model& old_model = working_.get(old_key);
        const Model& new_model = to_.get(key);
        if (old_key.app != key.app || !same_fields(old_model, new_model, renamed_models_)) continue;
        if (questioner_.ask_rename_model(old_model, new_model)) {
          rename_model(old_key, key);
          break;
        }
      }
    }
  }

  void rename_tables() {
    for_each_kept_model([&](const ModelKey& key, const Model& target) {
      if (working_.get(key).table != target.table)
        identity_operation_[key] =
            emit(key.app, std::make_shared<AlterModelTable>(key.name, target.table));
    });
  }

  void alter_comments() {
    for_each_kept_model([&](const ModelKey& key, const Model& target) {
      if (working_.get(key).comment != target.comment)
        emit(key.app, std::make_shared<AlterModelComment>(key.name, target.comment));
    });
  }

  // --- phase 3 ---

  void rename_fields() {
    for_each_kept_model([&](const ModelKey& key, const Model& target) {
      auto added = [&] {
        std::vector<std::string> names;
        for (const Field& field : target.fields)
          if (!has_field(working_.get(key), field.name)) names.push_back(field.name);
        return names;
      };
      auto removed = [&](const std::string& name) {
        const Field* field = working_.get(key).find_field(name);
        return field && !target.find_field(name) ? field : nullptr;
      };
      for (const std::string& name : added())
        if (const std::string* hint = field_hint(key, name); hint && removed(*hint))
          emit(key.app, std::make_shared<RenameField>(key.name, *hint, name));
      for (const std::string& name : added()) {
        const Field& field = *target.find_field(name);
        for (const Field& candidate : working_.get(key).fields) {
          if (!removed(candidate.name) ||
              comparable(candidate, renamed_models_) != comparable(field, renamed_models_))
            continue;
          if (questioner_.ask_rename_field(key, candidate, field)) {
            emit(key.app, std::make_shared<RenameField>(key.name, candidate.name, name));
            break;
          }
        }
      }
    });
  }

  // --- phase 4 and 10 ---

  void remove_indexes_and_constraints() {
    for_each_kept_model([&](const ModelKey& key, const Model& target) {
      for (const Index& index : Model(working_.get(key)).indexes) {
        const Index* wanted = target.find_index(index.name);
        if (!wanted || *wanted != index)
          emit(key.app, std::make_shared<RemoveIndex>(key.name, index.name));
      }
    });
    remove_changed_constraints(std::nullopt);
  }

  // The constraints (of `kind`, or all) that the target lacks or has otherwise. Checks go
  // before the field renames (phase 2b): their SQL names columns, and a rename does not rewrite
  // it, so an SQLite rename (a table rebuild) would carry a check over the old column name.
  void remove_changed_constraints(std::optional<ConstraintKind> kind) {
    for_each_kept_model([&](const ModelKey& key, const Model& target) {
      for (const Constraint& constraint : Model(working_.get(key)).constraints) {
        if (kind && constraint.kind != *kind) continue;
        const Constraint* wanted = target.find_constraint(constraint.name);
        if (!wanted || *wanted != constraint)
          emit(key.app, std::make_shared<RemoveConstraint>(key.name, constraint.name));
      }
    });
  }

  void add_indexes_and_constraints() {
    for_each_kept_model([&](const ModelKey& key, const Model& target) {
      for (const Index& index : target.indexes)
        if (!working_.get(key).find_index(index.name))
          emit(key.app, std::make_shared<AddIndex>(key.name, index));
      for (const Constraint& constraint : target.constraints)
        if (!working_.get(key).find_constraint(constraint.name))
          emit(key.app, std::make_shared<AddConstraint>(key.name, constraint));
    });
  }

  // --- phase 5 ---

  // Creates the new models so that a referenced model comes first. A reference that closes a
  // circle is left out of CreateModel (with the indexes and constraints that use it); phase 7
  // adds it once both models exist.
  void create_models() {
    std::vector<ModelKey> missing = missing_models();
    std::set<ModelKey> pending(missing.begin(), missing.end()), visiting;
    std::function<void(const ModelKey&)> create = [&](const ModelKey& key) {
      visiting.insert(key);
      const Model& target = to_.get(key);
      std::set<std::string> deferred;
      for (const Field& field : target.fields) {
        if (!field.references || field.references->target == key) continue;
        const ModelKey& referenced = field.references->target;
        if (visiting.count(referenced))
          deferred.insert(field.name);
        else if (pending.count(referenced))
          create(referenced);
      }
      visiting.erase(key);
      pending.erase(key);
      emit_create_model(target, deferred);
    };
    for (const ModelKey& key : missing)
      if (pending.count(key)) create(key);
  }

  void emit_create_model(const Model& target, const std::set<std::string>& deferred) {
    Model created = target;
    std::erase_if(created.fields, [&](const Field& f) { return deferred.count(f.name) != 0; });
    std::erase_if(created.indexes,
                  [&](const Index& index) { return mentions_any(index.fields, deferred); });
    std::erase_if(created.constraints, [&](const Constraint& constraint) {
      return mentions_any(constraint.fields, deferred);
    });
    std::vector<const Field*> fields;
    for (const Field& field : created.fields)
      if (!(field.references && field.references->target == target.key())) fields.push_back(&field);
    ModelKey key = target.key();
    identity_operation_[key] =
        emit_with_targets(key.app, std::make_shared<CreateModel>(std::move(created)), fields);
    created_.insert(key);
  }

  // --- phases 6 to 8 ---

  void remove_fields() {
    for_each_kept_model([&](const ModelKey& key, const Model& target) {
      for (const Field& field : Model(working_.get(key)).fields)
        if (!target.find_field(field.name))
          note_released(field, emit(key.app, std::make_shared<RemoveField>(key.name, field.name)));
    });
  }

  void add_fields() {
    for_each_kept_model([&](const ModelKey& key, const Model& target) {
      for (const Field& field : target.fields) {
        if (has_field(working_.get(key), field.name)) continue;
        auto operation = std::make_shared<AddField>(key.name, field);
        if (needs_fill_value(key, field))
          operation->fill_value = questioner_.ask_fill_value_for_added_field(target, field);
        emit_with_targets(key.app, std::move(operation), {&field});
      }
    });
  }

  void alter_fields() {
    for_each_kept_model([&](const ModelKey& key, const Model& target) {
      for (const Field& field : target.fields) {
        const Field current = *working_.get(key).find_field(field.name);
        if (current == field) continue;
        auto operation = std::make_shared<AlterField>(key.name, field);
        if (current.null && needs_fill_value(key, field))
          operation->fill_value = questioner_.ask_fill_value_for_altered_field(target, field);
        std::size_t index = emit_with_targets(key.app, std::move(operation), {&field});
        if (current.references != field.references) note_released(current, index);
      }
    });
  }

  // Existing rows need a value: a NOT NULL column without default on a table this run did
  // not create.
  bool needs_fill_value(const ModelKey& key, const Field& field) const {
    return !created_.count(key) && !field.null && !field.default_value && !field.auto_increment;
  }

  // --- phase 9 ---

  // Deletes the vanished models, each after every model that references it (deleted first)
  // and after the operations that dropped references to it. In a circle of deleted models
  // the referencing field is removed first.
  void delete_models() {
    std::vector<ModelKey> vanished = vanished_models();
    std::set<ModelKey> pending(vanished.begin(), vanished.end()), visiting;
    std::function<void(const ModelKey&)> remove = [&](const ModelKey& key) {
      visiting.insert(key);
      for (const ModelKey& other : vanished) {
        if (other == key || !pending.count(other)) continue;
        for (const Field& field : Model(working_.get(other)).fields) {
          if (!field.references || field.references->target != key) continue;
          if (visiting.count(other))
            note_released(field,
                          emit(other.app, std::make_shared<RemoveField>(other.name, field.name)));
          else
            remove(other);
          if (!pending.count(other)) break;
        }
      }
      visiting.erase(key);
      pending.erase(key);
      const Model deleted = working_.get(key);
      std::size_t index =
          emit(key.app, std::make_shared<DeleteModel>(key.name), releases_[key], {}, key);
      for (const Field& field : deleted.fields) note_released(field, index);
    };
    for (const ModelKey& key : vanished)
      if (pending.count(key)) remove(key);
  }

  // Every difference must have become an operation; anything left is a change no operation
  // expresses, reported instead of silently dropped.
  void check_complete() const {
    if (same_schema(working_, to_)) return;
    throw InternalError("the detected operations do not reproduce the scanned models");
  }

  ProjectState working_;
  const ProjectState& to_;
  const ModelSources& sources_;
  Questioner& questioner_;
  std::vector<PlannedOperation> planned_;
  std::map<ModelKey, ModelKey> renamed_models_;         // old -> new
  std::map<ModelKey, std::size_t> identity_operation_;  // created, renamed or re-tabled model
  std::map<ModelKey, std::vector<std::size_t>> releases_;
  std::set<ModelKey> created_;
  std::unordered_set<const Model*> reached_;  // models of to_ the working state equals
  std::size_t reached_as_of_ = 0;             // planned_.size() when reached_ was filled
};

}  // namespace

std::vector<PlannedOperation> detect_changes(const ProjectState& from, const ProjectState& to,
                                             const ModelSources& sources, Questioner& questioner) {
  // The common answer of a check, without copying the state the detector works on.
  if (from == to) return {};
  return ChangeDetector(from, to, sources, questioner).run();
}

// Order means nothing to the database for fields, indexes and constraints alike: a changed
// index in the middle of a model's list is removed and added at its end. Sorted copies are made
// only of the models that differ as they are (copying both states cost an edit of the
// 500-model benchmark project ~3 ms).
bool same_schema(const ProjectState& a, const ProjectState& b) {
  auto by_name = [](const auto& x, const auto& y) { return x.name < y.name; };
  auto normalized = [&](Model model) {
    std::sort(model.fields.begin(), model.fields.end(), by_name);
    std::sort(model.indexes.begin(), model.indexes.end(), by_name);
    std::sort(model.constraints.begin(), model.constraints.end(), by_name);
    return model;
  };
  return std::equal(
      a.models.begin(), a.models.end(), b.models.begin(), b.models.end(),
      [&](const auto& one, const auto& other) {
        return one.first == other.first &&
               (one.second == other.second || normalized(one.second) == normalized(other.second));
      });
}

}  // namespace dbmig
