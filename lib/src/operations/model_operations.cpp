// CreateModel, DeleteModel, RenameModel, AlterModelTable, AlterModelComment.
#include <algorithm>

#include "dbmig/error.hpp"
#include "dbmig/naming.hpp"
#include "dbmig/operations.hpp"
#include "dbmig/state_json.hpp"
#include "operations/operation_json.hpp"
#include "operations/operation_support.hpp"

namespace dbmig {

using namespace operations;

namespace {

// A model keeps a custom table through a rename; a default table follows the new name, as
// Django's RenameModel does.
std::string table_after_rename(std::string_view app, const std::string& old_name,
                               const std::string& new_name, const std::string& table) {
  return table == default_table_name(app, old_name) ? default_table_name(app, new_name) : table;
}

void retarget_references(ProjectState& state, const ModelKey& from, const ModelKey& to) {
  for (auto& [key, model] : state.models)
    for (auto& field : model.fields)
      if (field_references(field, from)) field.references->target = to;
}

// Operations a CreateModel absorbs: they change only the created model itself.
bool folds_into_create_model(const Operation& next, const std::string& model) {
  auto* on_model = dynamic_cast<const ModelOperation*>(&next);
  return on_model && on_model->model_name() == model;
}

// A state holding `model` plus empty stand-ins for the models a new field of `next` references,
// so `next` can be applied to it in isolation.
ProjectState isolated_state(const Model& model, const Operation& next) {
  ProjectState state;
  state.models[model.key()] = model;
  const Field* field = nullptr;
  if (auto* add = dynamic_cast<const AddField*>(&next)) field = &add->field;
  if (auto* alter = dynamic_cast<const AlterField*>(&next)) field = &alter->field;
  if (field && field->references && !state.find(field->references->target))
    state.models[field->references->target] = Model{};
  return state;
}

}  // namespace

// --- CreateModel ---

void CreateModel::apply(ProjectState& state, std::string_view app) const {
  std::string doing = "cannot create model " + model.name;
  ModelKey key = key_in(app, model.name);
  require_no_model(state, key, doing);
  Model created = model;
  created.app = std::string(app);
  if (created.table.empty()) created.table = default_table_name(app, created.name);
  for (std::size_t i = 0; i < created.fields.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j)
      if (created.fields[j].name == created.fields[i].name)
        throw InputError(doing + ": field " + created.fields[i].name + " is listed twice");
    require_reference_target(state, created.fields[i], key, doing);
  }
  for (const auto& index : created.indexes) require_fields_exist(created, index.fields, doing);
  for (const auto& constraint : created.constraints)
    require_fields_exist(created, constraint.fields, doing);
  state.models[key] = std::move(created);
}

std::string CreateModel::describe() const {
  return "Create model " + model.name;
}

std::string CreateModel::name_fragment() const {
  return fragment(model.name);
}

void CreateModel::members_to_json(nlohmann::ordered_json& json) const {
  json.update(model_to_json(model));
}

OperationPtr CreateModel::from_json(JsonReader& reader) {
  return std::make_shared<CreateModel>(model_at(reader));
}

Statements CreateModel::forwards(const SchemaEditor& editor, std::string_view app,
                                 const StateChange& change) const {
  return editor.create_model(change, key_in(app, model.name));
}

Statements CreateModel::backwards(const SchemaEditor& editor, std::string_view app,
                                  const StateChange& change) const {
  return editor.delete_model(swapped(change), key_in(app, model.name));
}

bool CreateModel::references_model(const ModelKey& key, std::string_view app) const {
  if (ModelOperation::references_model(key, app)) return true;
  return std::any_of(model.fields.begin(), model.fields.end(),
                     [&](const Field& field) { return field_references(field, key); });
}

// A reference holds the target's primary key, not its other fields, so changes to those may
// move across the creation of a referencing model.
bool CreateModel::references_field(const ModelKey& key, std::string_view field,
                                   std::string_view app) const {
  (void)field;
  return ModelOperation::references_model(key, app);
}

std::optional<Operations> CreateModel::reduce(const Operation& next, std::string_view app) const {
  if (auto* deleted = dynamic_cast<const DeleteModel*>(&next);
      deleted && deleted->name == model.name)
    return Operations{};
  if (!folds_into_create_model(next, model.name)) return std::nullopt;
  Model created = model;
  created.app = std::string(app);
  if (created.table.empty()) created.table = default_table_name(app, created.name);
  ProjectState state = isolated_state(created, next);
  try {
    next.apply(state, app);
  } catch (const InputError&) {
    return std::nullopt;  // the real replay reports it
  }
  std::string name = model.name;
  if (auto* rename = dynamic_cast<const RenameModel*>(&next)) name = rename->new_name;
  Model folded = state.get(key_in(app, name));
  folded.app.clear();
  return Operations{std::make_shared<CreateModel>(std::move(folded))};
}

// --- DeleteModel ---

void DeleteModel::apply(ProjectState& state, std::string_view app) const {
  std::string doing = "cannot delete model " + name;
  ModelKey key = key_in(app, name);
  existing_model(state, app, name, doing);
  for (const auto& [other_key, other] : state.models) {
    if (other_key == key) continue;
    for (const auto& field : other.fields)
      if (field_references(field, key))
        throw InputError(doing + ": field " + other_key.str() + "." + field.name +
                         " references it; remove or alter that field first");
  }
  state.models.erase(key);
}

std::string DeleteModel::describe() const {
  return "Delete model " + name;
}

std::string DeleteModel::name_fragment() const {
  return "delete_" + fragment(name);
}

void DeleteModel::members_to_json(nlohmann::ordered_json& json) const {
  json["name"] = name;
}

OperationPtr DeleteModel::from_json(JsonReader& reader) {
  return std::make_shared<DeleteModel>(reader.string("name"));
}

Statements DeleteModel::forwards(const SchemaEditor& editor, std::string_view app,
                                 const StateChange& change) const {
  return editor.delete_model(change, key_in(app, name));
}

Statements DeleteModel::backwards(const SchemaEditor& editor, std::string_view app,
                                  const StateChange& change) const {
  return editor.create_model(swapped(change), key_in(app, name));
}

// --- RenameModel ---

void RenameModel::apply(ProjectState& state, std::string_view app) const {
  std::string doing = "cannot rename model " + old_name + " to " + new_name;
  ModelKey old_key = key_in(app, old_name), new_key = key_in(app, new_name);
  Model renamed = existing_model(state, app, old_name, doing);
  require_no_model(state, new_key, doing);
  state.models.erase(old_key);
  renamed.name = new_name;
  renamed.table = table_after_rename(app, old_name, new_name, renamed.table);
  state.models[new_key] = std::move(renamed);
  retarget_references(state, old_key, new_key);
}

std::string RenameModel::describe() const {
  return "Rename model " + old_name + " to " + new_name;
}

std::string RenameModel::name_fragment() const {
  return "rename_" + fragment(old_name) + "_" + fragment(new_name);
}

void RenameModel::members_to_json(nlohmann::ordered_json& json) const {
  json["old_name"] = old_name;
  json["new_name"] = new_name;
}

OperationPtr RenameModel::from_json(JsonReader& reader) {
  auto old_name = reader.string("old_name");
  return std::make_shared<RenameModel>(old_name, reader.string("new_name"));
}

Statements RenameModel::forwards(const SchemaEditor& editor, std::string_view app,
                                 const StateChange& change) const {
  return editor.rename_model(change, key_in(app, old_name), key_in(app, new_name));
}

Statements RenameModel::backwards(const SchemaEditor& editor, std::string_view app,
                                  const StateChange& change) const {
  return editor.rename_model(swapped(change), key_in(app, new_name), key_in(app, old_name));
}

bool RenameModel::references_model(const ModelKey& key, std::string_view app) const {
  return ModelOperation::references_model(key, app) || key == key_in(app, new_name);
}

bool RenameModel::can_reduce_through(const Operation& other, std::string_view app) const {
  return ModelOperation::can_reduce_through(other, app) &&
         !other.references_model(key_in(app, new_name), app);
}

std::optional<Operations> RenameModel::reduce(const Operation& next, std::string_view app) const {
  (void)app;
  if (auto* rename = dynamic_cast<const RenameModel*>(&next);
      rename && rename->old_name == new_name) {
    if (rename->new_name == old_name) return Operations{};
    return Operations{std::make_shared<RenameModel>(old_name, rename->new_name)};
  }
  return std::nullopt;
}

// --- AlterModelTable ---

void AlterModelTable::apply(ProjectState& state, std::string_view app) const {
  existing_model(state, app, name, "cannot change the table of " + name).table = table;
}

std::string AlterModelTable::describe() const {
  return "Rename table for " + name + " to " + table;
}

std::string AlterModelTable::name_fragment() const {
  return "alter_" + fragment(name) + "_table";
}

void AlterModelTable::members_to_json(nlohmann::ordered_json& json) const {
  json["name"] = name;
  json["table"] = table;
}

OperationPtr AlterModelTable::from_json(JsonReader& reader) {
  auto name = reader.string("name");
  return std::make_shared<AlterModelTable>(name, reader.string("table"));
}

Statements AlterModelTable::forwards(const SchemaEditor& editor, std::string_view app,
                                     const StateChange& change) const {
  return editor.rename_model(change, key_in(app, name), key_in(app, name));
}

Statements AlterModelTable::backwards(const SchemaEditor& editor, std::string_view app,
                                      const StateChange& change) const {
  return editor.rename_model(swapped(change), key_in(app, name), key_in(app, name));
}

// --- AlterModelComment ---

void AlterModelComment::apply(ProjectState& state, std::string_view app) const {
  existing_model(state, app, name, "cannot change the comment of " + name).comment = comment;
}

std::string AlterModelComment::describe() const {
  return "Alter comment of " + name;
}

std::string AlterModelComment::name_fragment() const {
  return "alter_" + fragment(name) + "_comment";
}

void AlterModelComment::members_to_json(nlohmann::ordered_json& json) const {
  json["name"] = name;
  json["comment"] = comment;
}

OperationPtr AlterModelComment::from_json(JsonReader& reader) {
  auto name = reader.string("name");
  return std::make_shared<AlterModelComment>(name, reader.string("comment"));
}

Statements AlterModelComment::forwards(const SchemaEditor& editor, std::string_view app,
                                       const StateChange& change) const {
  return editor.alter_model_comment(change, key_in(app, name));
}

Statements AlterModelComment::backwards(const SchemaEditor& editor, std::string_view app,
                                        const StateChange& change) const {
  return editor.alter_model_comment(swapped(change), key_in(app, name));
}

}  // namespace dbmig
