// AddIndex, RemoveIndex, AddConstraint, RemoveConstraint.
#include <algorithm>

#include "core/text.hpp"
#include "dbmig/error.hpp"
#include "dbmig/operations.hpp"
#include "dbmig/state_json.hpp"
#include "io/json_reader.hpp"
#include "operations/operation_support.hpp"

namespace dbmig {

using namespace operations;

namespace {

bool lists(const std::vector<std::string>& fields, std::string_view field) {
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

}  // namespace

// --- AddIndex ---

void AddIndex::apply(ProjectState& state, std::string_view app) const {
  std::string doing = "cannot add index " + index.name + " to " + model;
  Model& target = existing_model(state, app, model, doing);
  if (target.find_index(index.name)) throw InputError(doing + ": it already exists");
  require_fields_exist(target, index.fields, doing);
  target.indexes.push_back(index);
}

std::string AddIndex::describe() const {
  return "Create index " + index.name + " on field(s) " + join(index.fields) + " of model " + model;
}

std::string AddIndex::name_fragment() const {
  return fragment(model) + "_" + fragment(index.name);
}

void AddIndex::members_to_json(nlohmann::ordered_json& json) const {
  json["model"] = model;
  json["index"] = index_to_json(index);
}

OperationPtr AddIndex::from_json(JsonReader& reader) {
  auto model = reader.string("model");
  return std::make_shared<AddIndex>(
      model, index_from_json(reader.required("index"), reader.path_of("index")));
}

Statements AddIndex::forwards(const SchemaEditor& editor, std::string_view app,
                              const StateChange& change) const {
  return editor.add_index(change, key_in(app, model), index.name);
}

Statements AddIndex::backwards(const SchemaEditor& editor, std::string_view app,
                               const StateChange& change) const {
  return editor.remove_index(swapped(change), key_in(app, model), index.name);
}

bool AddIndex::references_field(const ModelKey& key, std::string_view field,
                                std::string_view app) const {
  return references_model(key, app) && lists(index.fields, field);
}

// --- RemoveIndex ---

void RemoveIndex::apply(ProjectState& state, std::string_view app) const {
  std::string doing = "cannot remove index " + name + " from " + model;
  Model& target = existing_model(state, app, model, doing);
  if (!target.find_index(name))
    throw InputError(doing + ": it does not exist on " + target.key().str());
  std::erase_if(target.indexes, [&](const Index& index) { return index.name == name; });
}

std::string RemoveIndex::describe() const {
  return "Remove index " + name + " from " + model;
}

std::string RemoveIndex::name_fragment() const {
  return "remove_" + fragment(model) + "_" + fragment(name);
}

void RemoveIndex::members_to_json(nlohmann::ordered_json& json) const {
  json["model"] = model;
  json["name"] = name;
}

OperationPtr RemoveIndex::from_json(JsonReader& reader) {
  auto model = reader.string("model");
  return std::make_shared<RemoveIndex>(model, reader.string("name"));
}

Statements RemoveIndex::forwards(const SchemaEditor& editor, std::string_view app,
                                 const StateChange& change) const {
  return editor.remove_index(change, key_in(app, model), name);
}

Statements RemoveIndex::backwards(const SchemaEditor& editor, std::string_view app,
                                  const StateChange& change) const {
  return editor.add_index(swapped(change), key_in(app, model), name);
}

// --- AddConstraint ---

void AddConstraint::apply(ProjectState& state, std::string_view app) const {
  std::string doing = "cannot add constraint " + constraint.name + " to " + model;
  Model& target = existing_model(state, app, model, doing);
  if (target.find_constraint(constraint.name)) throw InputError(doing + ": it already exists");
  require_fields_exist(target, constraint.fields, doing);
  target.constraints.push_back(constraint);
}

std::string AddConstraint::describe() const {
  return "Create constraint " + constraint.name + " on model " + model;
}

std::string AddConstraint::name_fragment() const {
  return fragment(model) + "_" + fragment(constraint.name);
}

void AddConstraint::members_to_json(nlohmann::ordered_json& json) const {
  json["model"] = model;
  json["constraint"] = constraint_to_json(constraint);
}

OperationPtr AddConstraint::from_json(JsonReader& reader) {
  auto model = reader.string("model");
  return std::make_shared<AddConstraint>(
      model, constraint_from_json(reader.required("constraint"), reader.path_of("constraint")));
}

Statements AddConstraint::forwards(const SchemaEditor& editor, std::string_view app,
                                   const StateChange& change) const {
  return editor.add_constraint(change, key_in(app, model), constraint.name);
}

Statements AddConstraint::backwards(const SchemaEditor& editor, std::string_view app,
                                    const StateChange& change) const {
  return editor.remove_constraint(swapped(change), key_in(app, model), constraint.name);
}

// A check constraint's SQL may use any column, so it counts as touching every field.
bool AddConstraint::references_field(const ModelKey& key, std::string_view field,
                                     std::string_view app) const {
  if (!references_model(key, app)) return false;
  return constraint.kind == ConstraintKind::check || lists(constraint.fields, field);
}

// --- RemoveConstraint ---

void RemoveConstraint::apply(ProjectState& state, std::string_view app) const {
  std::string doing = "cannot remove constraint " + name + " from " + model;
  Model& target = existing_model(state, app, model, doing);
  if (!target.find_constraint(name))
    throw InputError(doing + ": it does not exist on " + target.key().str());
  std::erase_if(target.constraints,
                [&](const Constraint& constraint) { return constraint.name == name; });
}

std::string RemoveConstraint::describe() const {
  return "Remove constraint " + name + " from model " + model;
}

std::string RemoveConstraint::name_fragment() const {
  return "remove_" + fragment(model) + "_" + fragment(name);
}

void RemoveConstraint::members_to_json(nlohmann::ordered_json& json) const {
  json["model"] = model;
  json["name"] = name;
}

OperationPtr RemoveConstraint::from_json(JsonReader& reader) {
  auto model = reader.string("model");
  return std::make_shared<RemoveConstraint>(model, reader.string("name"));
}

Statements RemoveConstraint::forwards(const SchemaEditor& editor, std::string_view app,
                                      const StateChange& change) const {
  return editor.remove_constraint(change, key_in(app, model), name);
}

Statements RemoveConstraint::backwards(const SchemaEditor& editor, std::string_view app,
                                       const StateChange& change) const {
  return editor.add_constraint(swapped(change), key_in(app, model), name);
}

}  // namespace dbmig
