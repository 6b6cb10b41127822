// The random project of the seeded property tests: models in three apps that one random edit at
// a time gains and loses models, fields of every type and option, references, indexes,
// unique_together and checks, renames, table and comment changes, always following the
// scanner's rules. The makemigrations property test evolves it; the live schema round trip
// (tests/db/live_schema_roundtrip_test.cpp) creates its models in a database and reads them back.
#pragma once

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "../unit/autodetector_fixtures.hpp"
#include "dbmig/graph.hpp"
#include "dbmig/migration_names.hpp"
#include "dbmig/model_validation.hpp"
#include "seeded_random.hpp"

namespace dbmig::test {

class RandomProject {
 public:
  explicit RandomProject(SeededRandom& random) : random_(random) {}

  ProjectState state;
  ModelSources sources;

  // One random edit; returns what it did, for the failure message. The models then follow
  // the databases' rules as the scanner does (keep_indexable).
  // An edit that keep_indexable undoes (a max_length dropped from an indexed string) is no
  // edit: another is made.
  std::string edit() {
    for (;;) {
      ProjectState before = state;
      std::string done = random_edit();
      for (auto& [key, model] : state.models) {
        keep_indexable(model);
        keep_indexes_distinct(model);
      }
      if (!(state == before)) return done;
    }
  }

  std::string random_edit() {
    for (;;) {
      switch (pick(16)) {
        case 0:
        case 1:
          return add_model();
        case 2:
          if (auto done = delete_model()) return *done;
          break;
        case 3:
          if (auto done = rename_model()) return *done;
          break;
        case 4:
        case 5:
          if (auto done = add_field()) return *done;
          break;
        case 6:
          if (auto done = remove_field()) return *done;
          break;
        case 7:
          if (auto done = rename_field()) return *done;
          break;
        case 8:
        case 9:
          if (auto done = alter_field()) return *done;
          break;
        case 10:
          if (auto done = add_index()) return *done;
          break;
        case 11:
          if (auto done = add_unique_together()) return *done;
          break;
        case 12:
          if (auto done = add_check()) return *done;
          break;
        case 13:
          if (auto done = remove_index_or_constraint()) return *done;
          break;
        case 14:
          if (auto done = change_table()) return *done;
          break;
        case 15:
          if (auto done = change_comment()) return *done;
          break;
      }
    }
  }

  // A hand-written migration, as `makemigrations --empty APP --name custom_sql` filled in by
  // hand: RunSQL over a column of a model of APP, so it runs where the table and the column
  // exist under those names; the schema does not change. Nullopt when no model has a field.
  std::optional<Migration> custom_sql(const MigrationGraph& history) {
    Model* model = random_model();
    Field* field = model ? random_field(*model) : nullptr;
    if (!field) return std::nullopt;
    std::string table = "\"" + model->table + "\"", column = "\"" + field->column_name() + "\"";
    std::vector<std::string> sql{"UPDATE " + table + " SET " + column + " = " + column +
                                 " WHERE 1 = 0"};
    if (chance(50))
      sql.push_back("DELETE FROM " + table + " WHERE " + column + " IS NULL AND 1 = 0");
    std::optional<std::vector<std::string>> reverse;
    if (chance(50)) reverse = std::vector<std::string>{"DELETE FROM " + table + " WHERE 1 = 0"};
    Migration migration;
    migration.app = model->app;
    std::optional<MigrationKey> leaf = history.leaf(model->app);
    if (leaf) migration.dependencies.push_back(*leaf);
    migration.name =
        numbered_migration_name(leaf ? migration_number(leaf->name) + 1 : 1, "custom_sql");
    migration.operations = {std::make_shared<RunSQL>(std::move(sql), std::move(reverse))};
    return migration;
  }

 private:
  int pick(int n) { return random_.pick(n); }
  bool chance(int percent) { return random_.chance(percent); }
  std::string fresh(const std::string& prefix) { return prefix + std::to_string(++counter_); }

  Model* random_model() {
    if (state.models.empty()) return nullptr;
    auto it = state.models.begin();
    std::advance(it, pick(static_cast<int>(state.models.size())));
    return &it->second;
  }

  Field* random_field(Model& model) {
    std::vector<Field*> candidates;
    for (Field& field : model.fields)
      if (!field.primary_key) candidates.push_back(&field);
    return candidates.empty() ? nullptr : candidates[pick(static_cast<int>(candidates.size()))];
  }

  // The generated models follow the scanner's rules: an on_delete that does not suit the field
  // (set_null on NOT NULL, set_default without a default) falls back to no_action.
  static void keep_on_delete_valid(Field& field) {
    ModelProblems problems;
    check_on_delete(field, 0, problems);
    if (!problems.empty()) field.references->on_delete = OnDelete::no_action;
  }

  // MySQL indexes no TEXT column without a length (schema_limits::mysql_index_problem): a
  // string that is unique, indexed or in an index or unique_together gets a max_length; bytes
  // are never indexed.
  static void keep_indexable(Model& model) {
    auto has_bytes = [&](const std::vector<std::string>& fields) {
      return std::any_of(fields.begin(), fields.end(), [&](const std::string& name) {
        const Field* field = model.find_field(name);
        return field && field->type == FieldType::bytes;
      });
    };
    std::erase_if(model.indexes, [&](const Index& index) { return has_bytes(index.fields); });
    std::erase_if(model.constraints, [&](const Constraint& c) { return has_bytes(c.fields); });
    for (Field& field : model.fields)
      if (field.type == FieldType::bytes) field.unique = field.index = false;
    std::set<std::string> indexed;
    for (const auto& index : model.indexes)
      indexed.insert(index.fields.begin(), index.fields.end());
    for (const auto& constraint : model.constraints)
      indexed.insert(constraint.fields.begin(), constraint.fields.end());
    for (Field& field : model.fields)
      if (field.type == FieldType::string && !field.max_length &&
          (field.unique || field.index || indexed.count(field.name)))
        field.max_length = 255;
  }

  // The scanner refuses a second index over exactly the columns of another: index(x) or
  // unique_together(x) over a field's own index, unique or primary key, and the same column set
  // twice (model_builder.cpp repeats_index).
  static void keep_indexes_distinct(Model& model) {
    auto own_index = [&](const std::vector<std::string>& fields, bool unique) {
      const Field* field = fields.size() == 1 ? model.find_field(fields[0]) : nullptr;
      return field && (field->primary_key || field->unique || (!unique && field->index));
    };
    std::set<std::vector<std::string>> seen;
    std::erase_if(model.indexes, [&](const Index& index) {
      return own_index(index.fields, false) || !seen.insert(index.fields).second;
    });
    seen.clear();
    std::erase_if(model.constraints, [&](const Constraint& c) {
      return c.kind == ConstraintKind::unique &&
             (own_index(c.fields, true) || !seen.insert(c.fields).second);
    });
  }

  // A default of the field's type; none for the types that take none (bytes, timestamp, date:
  // the scanner refuses one, scanner/default_value.cpp).
  static std::optional<Literal> some_default(const Field& field, const char* number = "1") {
    if (field.type == FieldType::bytes || field.type == FieldType::timestamp ||
        field.type == FieldType::date)
      return std::nullopt;
    return parse_literal(field.type == FieldType::boolean ? "true" : number, field);
  }

  Field random_new_field() {
    Field field;
    field.name = fresh("f");
    Model* target = chance(25) ? random_model() : nullptr;
    if (target) {
      field =
          reference_field(field.name, target->key(), chance(50), static_cast<OnDelete>(pick(5)));
      keep_on_delete_valid(field);
      return field;
    }
    field.type = static_cast<FieldType>(pick(static_cast<int>(FieldType::decimal) + 1));
    if (field.type == FieldType::string && chance(50)) field.max_length = 10 + pick(200);
    if (field.type == FieldType::decimal) {
      field.precision = 1 + pick(30);
      field.scale = pick(field.precision + 1);
    }
    field.null = chance(40);
    if (!field.null && chance(50)) field.default_value = some_default(field);
    return field;
  }

  std::string add_model() {
    static const char* apps[] = {"accounts", "blog", "shop"};
    Model model = make_model(apps[pick(3)], fresh("Model"), {});
    for (int i = pick(4); i >= 0; --i) model.fields.push_back(random_new_field());
    std::string done = "add model " + model.key().str();
    put(state, std::move(model));
    return done;
  }

  // Drops what refers to `key` (or to `field` of it): references, indexes, constraints.
  void forget_references(const ModelKey& key) {
    for (auto& [other_key, other] : state.models)
      std::erase_if(other.fields, [&](const Field& f) {
        return f.references && f.references->target == key && other_key != key;
      });
    for (auto& [other_key, other] : state.models) forget_missing_fields(other);
  }

  static void forget_missing_fields(Model& model) {
    auto missing = [&](const std::vector<std::string>& fields) {
      return std::any_of(fields.begin(), fields.end(),
                         [&](const std::string& f) { return !model.find_field(f); });
    };
    std::erase_if(model.indexes, [&](const Index& index) { return missing(index.fields); });
    std::erase_if(model.constraints, [&](const Constraint& c) {
      return missing(c.fields) ||
             (c.kind == ConstraintKind::check && !model.find_field(checked_field(c)));
    });
  }

  std::optional<std::string> delete_model() {
    Model* model = random_model();
    if (!model) return std::nullopt;
    ModelKey key = model->key();
    state.models.erase(key);
    sources.erase(key);
    forget_references(key);
    return "delete model " + key.str();
  }

  std::optional<std::string> rename_model() {
    Model* model = random_model();
    if (!model) return std::nullopt;
    Model renamed = *model;
    ModelKey old_key = renamed.key();
    renamed.name = fresh("Model");
    if (renamed.table == default_table_name(old_key.app, old_key.name))
      renamed.table = default_table_name(old_key.app, renamed.name);
    ModelKey new_key = renamed.key();
    state.models.erase(old_key);
    for (Field& field : renamed.fields)
      if (field.references && field.references->target == old_key)
        field.references->target = new_key;
    put(state, std::move(renamed));
    for (auto& [key, other] : state.models)
      for (Field& field : other.fields)
        if (field.references && field.references->target == old_key)
          field.references->target = new_key;
    ModelSource source = sources[old_key];
    sources.erase(old_key);
    source.renamed_from = old_key.name;
    sources[new_key] = source;
    return "rename model " + old_key.str() + " to " + new_key.name;
  }

  std::optional<std::string> add_field() {
    Model* model = random_model();
    if (!model) return std::nullopt;
    Field field = random_new_field();
    std::string done = "add field " + model->key().str() + "." + field.name;
    model->fields.push_back(std::move(field));
    return done;
  }

  std::optional<std::string> remove_field() {
    Model* model = random_model();
    Field* field = model ? random_field(*model) : nullptr;
    if (!field) return std::nullopt;
    std::string done = "remove field " + model->key().str() + "." + field->name;
    sources[model->key()].fields.erase(field->name);
    std::string name = field->name;
    std::erase_if(model->fields, [&](const Field& f) { return f.name == name; });
    forget_missing_fields(*model);
    return done;
  }

  std::optional<std::string> rename_field() {
    Model* model = random_model();
    Field* field = model ? random_field(*model) : nullptr;
    if (!field) return std::nullopt;
    std::string old_name = field->name, new_name = fresh("f");
    field->name = new_name;
    for (Index& index : model->indexes)
      std::replace(index.fields.begin(), index.fields.end(), old_name, new_name);
    for (Constraint& c : model->constraints) {
      std::replace(c.fields.begin(), c.fields.end(), old_name, new_name);
      if (c.kind == ConstraintKind::check && checked_field(c) == old_name)
        c.check = new_name + c.check.substr(old_name.size());
    }
    auto& fields = sources[model->key()].fields;
    fields.erase(old_name);
    fields[new_name].renamed_from = old_name;
    if (chance(30)) field->null = !field->null;  // a rename with a change
    keep_on_delete_valid(*field);
    return "rename field " + model->key().str() + "." + old_name + " to " + new_name;
  }

  std::optional<std::string> alter_field() {
    Model* model = random_model();
    Field* field = model ? random_field(*model) : nullptr;
    if (!field) return std::nullopt;
    switch (pick(5)) {
      case 0:
        field->null = !field->null;
        break;
      case 1:
        field->unique = !field->unique;
        break;
      case 2:
        field->index = !field->index;
        break;
      case 3:
        if (field->type == FieldType::string)
          field->max_length = field->max_length ? std::nullopt : std::optional<int>(50);
        else
          field->default_value = field->default_value ? std::nullopt : some_default(*field, "2");
        break;
      case 4:
        if (field->references)
          field->references->on_delete =
              static_cast<OnDelete>((static_cast<int>(field->references->on_delete) + 1) % 5);
        else
          field->comment = fresh("comment ");
        break;
    }
    keep_on_delete_valid(*field);
    return "alter field " + model->key().str() + "." + field->name;
  }

  // An index over one or two fields.
  std::optional<std::string> add_index() {
    Model* model = random_model();
    Field* field = model ? random_field(*model) : nullptr;
    if (!field) return std::nullopt;
    Index index{fresh("idx"), {field->name}};
    Field* second = random_field(*model);
    if (chance(40) && second != field) index.fields.push_back(second->name);
    model->indexes.push_back(std::move(index));
    return "add index to " + model->key().str();
  }

  // A unique constraint over two fields, or a field and the primary key.
  std::optional<std::string> add_unique_together() {
    Model* model = random_model();
    Field* field = model ? random_field(*model) : nullptr;
    if (!field) return std::nullopt;
    Field* second = random_field(*model);
    std::string other = second != field && chance(60) ? second->name : "id";
    model->constraints.push_back({fresh("uniq"), ConstraintKind::unique, {field->name, other}, ""});
    return "add unique_together to " + model->key().str();
  }

  // A check over a number field (not the auto-increment key, which MySQL refuses): the field's
  // name starts the expression, so renames and removals of the field follow it.
  std::optional<std::string> add_check() {
    Model* model = random_model();
    Field* field = model ? random_field(*model) : nullptr;
    if (!field || !is_number(field->type) || field->references) return std::nullopt;
    static const char* checks[] = {" > 0", " >= 1", " <> 0", " < 1000000000"};
    model->constraints.push_back(
        {fresh("check"), ConstraintKind::check, {}, field->name + checks[pick(4)]});
    return "add check to " + model->key().str();
  }

  static bool is_number(FieldType type) {
    return is_integral(type) || type == FieldType::float32 || type == FieldType::float64 ||
           type == FieldType::decimal;
  }

  // The field a generated check is over: the first word of its expression.
  static std::string checked_field(const Constraint& check) {
    return check.check.substr(0, check.check.find(' '));
  }

  std::optional<std::string> remove_index_or_constraint() {
    Model* model = random_model();
    if (!model) return std::nullopt;
    int count = static_cast<int>(model->indexes.size() + model->constraints.size());
    if (count == 0) return std::nullopt;
    auto which = static_cast<std::size_t>(pick(count));
    if (which < model->indexes.size())
      model->indexes.erase(model->indexes.begin() + static_cast<std::ptrdiff_t>(which));
    else
      model->constraints.erase(model->constraints.begin() +
                               static_cast<std::ptrdiff_t>(which - model->indexes.size()));
    return "remove index or constraint of " + model->key().str();
  }

  std::optional<std::string> change_table() {
    Model* model = random_model();
    if (!model) return std::nullopt;
    model->table = fresh("table");
    return "change table of " + model->key().str();
  }

  // A comment added, changed or removed.
  std::optional<std::string> change_comment() {
    Model* model = random_model();
    if (!model) return std::nullopt;
    model->comment = model->comment.empty() || chance(50) ? fresh("comment ") : "";
    return "change comment of " + model->key().str();
  }

  SeededRandom& random_;
  int counter_ = 0;
};

}  // namespace dbmig::test
