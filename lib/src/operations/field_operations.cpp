// AddField, RemoveField, AlterField, RenameField.
#include <algorithm>

#include "core/text.hpp"
#include "dbmig/error.hpp"
#include "dbmig/operations.hpp"
#include "operations/operation_json.hpp"
#include "operations/operation_support.hpp"

namespace dbmig {

using namespace operations;

namespace {

// Whether `field` is part of an index or constraint of `model`, which would be left naming a
// column that no longer exists.
void require_unused_by_indexes(const Model& model, const std::string& field,
                               const std::string& doing) {
  auto uses = [&](const std::vector<std::string>& fields) {
    return std::find(fields.begin(), fields.end(), field) != fields.end();
  };
  for (const auto& index : model.indexes)
    if (uses(index.fields))
      throw InputError(doing + ": index " + index.name + " uses it; remove the index first");
  for (const auto& constraint : model.constraints)
    if (uses(constraint.fields))
      throw InputError(doing + ": constraint " + constraint.name +
                       " uses it; remove the constraint first");
}

void rename_in(std::vector<std::string>& fields, const std::string& from, const std::string& to) {
  std::replace(fields.begin(), fields.end(), from, to);
}

bool deletes_model(const Operation& next, const std::string& model) {
  auto* deleted = dynamic_cast<const DeleteModel*>(&next);
  return deleted && deleted->name == model;
}

// A fill value only matters while the field is NOT NULL without a default.
std::optional<Literal> fill_needed(const Field& field, const std::optional<Literal>& fill) {
  return field.null || field.default_value ? std::nullopt : fill;
}

}  // namespace

// --- AddField ---

void AddField::apply(ProjectState& state, std::string_view app) const {
  std::string doing = "cannot add field " + field.name + " to " + model;
  Model& target = existing_model(state, app, model, doing);
  require_no_field(target, field.name, doing);
  require_reference_target(state, field, target.key(), doing);
  target.fields.push_back(field);
}

std::string AddField::describe() const {
  return "Add field " + field.name + " to " + model;
}

std::string AddField::name_fragment() const {
  return fragment(model) + "_" + fragment(field.name);
}

OperationPtr AddField::from_json(JsonReader& reader) {
  return read_field_definition<AddField>(reader);
}

// With a fill value the column is added with it as its default, which fills the existing
// rows, and the default is then dropped (Django's preserve_default=False).
Statements AddField::forwards(const SchemaEditor& editor, std::string_view app,
                              const StateChange& change) const {
  ModelKey key = key_in(app, model);
  if (!fill_value) return editor.add_field(change, key, field.name);
  ProjectState filled = change.after;
  filled.get(key).find_field(field.name)->default_value = fill_value;
  Statements statements = editor.add_field({change.before, filled}, key, field.name);
  append(statements,
         editor.alter_field({filled, change.after}, key, field.name, field.name, std::nullopt));
  return statements;
}

Statements AddField::backwards(const SchemaEditor& editor, std::string_view app,
                               const StateChange& change) const {
  return editor.remove_field(swapped(change), key_in(app, model), field.name);
}

std::optional<Operations> AddField::reduce(const Operation& next, std::string_view app) const {
  (void)app;
  if (deletes_model(next, model)) return Operations{std::make_shared<DeleteModel>(model)};
  if (auto* alter = dynamic_cast<const AlterField*>(&next);
      alter && alter->model == model && alter->field.name == field.name) {
    auto folded = std::make_shared<AddField>(model, alter->field);
    folded->fill_value =
        fill_needed(alter->field, alter->fill_value ? alter->fill_value : fill_value);
    return Operations{folded};
  }
  if (auto* remove = dynamic_cast<const RemoveField*>(&next);
      remove && remove->model == model && remove->name == field.name)
    return Operations{};
  if (auto* rename = dynamic_cast<const RenameField*>(&next);
      rename && rename->model == model && rename->old_name == field.name) {
    auto folded = std::make_shared<AddField>(model, field);
    folded->field.name = rename->new_name;
    folded->fill_value = fill_value;
    return Operations{folded};
  }
  return std::nullopt;
}

// --- RemoveField ---

void RemoveField::apply(ProjectState& state, std::string_view app) const {
  std::string doing = "cannot remove field " + name + " from " + model;
  Model& target = existing_model(state, app, model, doing);
  existing_field(target, name, doing);
  require_unused_by_indexes(target, name, doing);
  std::erase_if(target.fields, [&](const Field& field) { return field.name == name; });
}

std::string RemoveField::describe() const {
  return "Remove field " + name + " from " + model;
}

std::string RemoveField::name_fragment() const {
  return "remove_" + fragment(model) + "_" + fragment(name);
}

void RemoveField::members_to_json(nlohmann::ordered_json& json) const {
  json["model"] = model;
  json["name"] = name;
}

OperationPtr RemoveField::from_json(JsonReader& reader) {
  auto model = reader.string("model");
  return std::make_shared<RemoveField>(model, reader.string("name"));
}

Statements RemoveField::forwards(const SchemaEditor& editor, std::string_view app,
                                 const StateChange& change) const {
  return editor.remove_field(change, key_in(app, model), name);
}

Statements RemoveField::backwards(const SchemaEditor& editor, std::string_view app,
                                  const StateChange& change) const {
  return editor.add_field(swapped(change), key_in(app, model), name);
}

// --- AlterField ---

void AlterField::apply(ProjectState& state, std::string_view app) const {
  std::string doing = "cannot alter field " + field.name + " on " + model;
  Model& target = existing_model(state, app, model, doing);
  Field& existing = existing_field(target, field.name, doing);
  require_reference_target(state, field, target.key(), doing);
  existing = field;
}

std::string AlterField::describe() const {
  return "Alter field " + field.name + " on " + model;
}

std::string AlterField::name_fragment() const {
  return "alter_" + fragment(model) + "_" + fragment(field.name);
}

OperationPtr AlterField::from_json(JsonReader& reader) {
  return read_field_definition<AlterField>(reader);
}

// A fill value replaces the NULLs of existing rows when the column becomes NOT NULL.
Statements AlterField::forwards(const SchemaEditor& editor, std::string_view app,
                                const StateChange& change) const {
  return editor.alter_field(change, key_in(app, model), field.name, field.name, fill_value);
}

Statements AlterField::backwards(const SchemaEditor& editor, std::string_view app,
                                 const StateChange& change) const {
  return editor.alter_field(swapped(change), key_in(app, model), field.name, field.name,
                            std::nullopt);
}

std::optional<Operations> AlterField::reduce(const Operation& next, std::string_view app) const {
  (void)app;
  if (deletes_model(next, model)) return Operations{std::make_shared<DeleteModel>(model)};
  if (auto* alter = dynamic_cast<const AlterField*>(&next);
      alter && alter->model == model && alter->field.name == field.name) {
    auto folded = std::make_shared<AlterField>(model, alter->field);
    folded->fill_value = alter->fill_value ? alter->fill_value : fill_value;
    return Operations{folded};
  }
  if (auto* remove = dynamic_cast<const RemoveField*>(&next);
      remove && remove->model == model && remove->name == field.name)
    return Operations{std::make_shared<RemoveField>(model, field.name)};
  return std::nullopt;
}

// --- RenameField ---

void RenameField::apply(ProjectState& state, std::string_view app) const {
  std::string doing = "cannot rename field " + old_name + " on " + model + " to " + new_name;
  Model& target = existing_model(state, app, model, doing);
  Field& renamed = existing_field(target, old_name, doing);
  require_no_field(target, new_name, doing);
  renamed.name = new_name;
  for (auto& index : target.indexes) rename_in(index.fields, old_name, new_name);
  for (auto& constraint : target.constraints) rename_in(constraint.fields, old_name, new_name);
}

std::string RenameField::describe() const {
  return "Rename field " + old_name + " on " + model + " to " + new_name;
}

std::string RenameField::name_fragment() const {
  return "rename_" + fragment(old_name) + "_" + fragment(model) + "_" + fragment(new_name);
}

void RenameField::members_to_json(nlohmann::ordered_json& json) const {
  json["model"] = model;
  json["old_name"] = old_name;
  json["new_name"] = new_name;
}

OperationPtr RenameField::from_json(JsonReader& reader) {
  auto model = reader.string("model");
  auto old_name = reader.string("old_name");
  return std::make_shared<RenameField>(model, old_name, reader.string("new_name"));
}

Statements RenameField::forwards(const SchemaEditor& editor, std::string_view app,
                                 const StateChange& change) const {
  return editor.alter_field(change, key_in(app, model), old_name, new_name, std::nullopt);
}

Statements RenameField::backwards(const SchemaEditor& editor, std::string_view app,
                                  const StateChange& change) const {
  return editor.alter_field(swapped(change), key_in(app, model), new_name, old_name, std::nullopt);
}

bool RenameField::references_field(const ModelKey& key, std::string_view field,
                                   std::string_view app) const {
  return FieldOperation::references_field(key, field, app) ||
         (key == key_in(app, model) && field == new_name);
}

bool RenameField::can_reduce_through(const Operation& other, std::string_view app) const {
  return FieldOperation::can_reduce_through(other, app) &&
         !other.references_field(key_in(app, model), new_name, app);
}

std::optional<Operations> RenameField::reduce(const Operation& next, std::string_view app) const {
  (void)app;
  if (deletes_model(next, model)) return Operations{std::make_shared<DeleteModel>(model)};
  if (auto* rename = dynamic_cast<const RenameField*>(&next);
      rename && rename->model == model && rename->old_name == new_name) {
    if (rename->new_name == old_name) return Operations{};
    return Operations{std::make_shared<RenameField>(model, old_name, rename->new_name)};
  }
  if (auto* remove = dynamic_cast<const RemoveField*>(&next);
      remove && remove->model == model && remove->name == new_name)
    return Operations{std::make_shared<RemoveField>(model, old_name)};
  return std::nullopt;
}

}  // namespace dbmig
