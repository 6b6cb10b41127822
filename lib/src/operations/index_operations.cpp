// AddIndex, RemoveIndex, AddConstraint, RemoveConstraint.
#include <algorithm>

#include "core/text.hpp"
#include "dbmig/error.hpp"
#include "dbmig/operations.hpp"
#include "dbmig/state_json.hpp"
#include "operation_support.hpp"

namespace dbmig {

using namespace operations;

namespace {

nlohmann::ordered_json removal_json(std::string_view kind, const std::string& model,
                                    const std::string& name) {
  nlohmann::ordered_json json;
  json["op"] = kind;
  json["model"] = model;
  json["name"] = name;
  return json;
}

bool lists(const std::vector<std::string>& fields, std::string_view field) {
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

}  // namespace

// --- AddIndex ---

std::string_view AddIndex::kind() const {
  return "AddIndex";
}

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

nlohmann::ordered_json AddIndex::to_json() const {
  nlohmann::ordered_json json;
  json["op"] = kind();
  json["model"] = model;
  json["index"] = index_to_json(index);
  return json;
}

Statements AddIndex::forwards(const SchemaEditor& editor, std::string_view app,
                              const StateChange& change) const {
  return editor.add_index(change, key_in(app, model), index.name);
}

Statements AddIndex::backwards(const SchemaEditor& editor, std::string_view app,
                               const StateChange& change) const {
  return editor.remove_index(swapped(change), key_in(app, model), index.name);
}

bool AddIndex::references_model(const ModelKey& key, std::string_view app) const {
  return key == key_in(app, model);
}

bool AddIndex::references_field(const ModelKey& key, std::string_view field,
                                std::string_view app) const {
  return key == key_in(app, model) && lists(index.fields, field);
}

bool AddIndex::can_reduce_through(const Operation& other, std::string_view app) const {
  return !other.references_model(key_in(app, model), app);
}

// --- RemoveIndex ---

std::string_view RemoveIndex::kind() const {
  return "RemoveIndex";
}

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

nlohmann::ordered_json RemoveIndex::to_json() const {
  return removal_json(kind(), model, name);
}

Statements RemoveIndex::forwards(const SchemaEditor& editor, std::string_view app,
                                 const StateChange& change) const {
  return editor.remove_index(change, key_in(app, model), name);
}

Statements RemoveIndex::backwards(const SchemaEditor& editor, std::string_view app,
                                  const StateChange& change) const {
  return editor.add_index(swapped(change), key_in(app, model), name);
}

bool RemoveIndex::references_model(const ModelKey& key, std::string_view app) const {
  return key == key_in(app, model);
}

bool RemoveIndex::can_reduce_through(const Operation& other, std::string_view app) const {
  return !other.references_model(key_in(app, model), app);
}

// --- AddConstraint ---

std::string_view AddConstraint::kind() const {
  return "AddConstraint";
}

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

nlohmann::ordered_json AddConstraint::to_json() const {
  nlohmann::ordered_json json;
  json["op"] = kind();
  json["model"] = model;
  json["constraint"] = constraint_to_json(constraint);
  return json;
}

Statements AddConstraint::forwards(const SchemaEditor& editor, std::string_view app,
                                   const StateChange& change) const {
  return editor.add_constraint(change, key_in(app, model), constraint.name);
}

Statements AddConstraint::backwards(const SchemaEditor& editor, std::string_view app,
                                    const StateChange& change) const {
  return editor.remove_constraint(swapped(change), key_in(app, model), constraint.name);
}

bool AddConstraint::references_model(const ModelKey& key, std::string_view app) const {
  return key == key_in(app, model);
}

// A check constraint's SQL may use any column, so it counts as touching every field.
bool AddConstraint::references_field(const ModelKey& key, std::string_view field,
                                     std::string_view app) const {
  if (constraint.kind == ConstraintKind::check) return references_model(key, app);
  return key == key_in(app, model) && lists(constraint.fields, field);
}

bool AddConstraint::can_reduce_through(const Operation& other, std::string_view app) const {
  return !other.references_model(key_in(app, model), app);
}

// --- RemoveConstraint ---

std::string_view RemoveConstraint::kind() const {
  return "RemoveConstraint";
}

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

nlohmann::ordered_json RemoveConstraint::to_json() const {
  return removal_json(kind(), model, name);
}

Statements RemoveConstraint::forwards(const SchemaEditor& editor, std::string_view app,
                                      const StateChange& change) const {
  return editor.remove_constraint(change, key_in(app, model), name);
}

Statements RemoveConstraint::backwards(const SchemaEditor& editor, std::string_view app,
                                       const StateChange& change) const {
  return editor.add_constraint(swapped(change), key_in(app, model), name);
}

bool RemoveConstraint::references_model(const ModelKey& key, std::string_view app) const {
  return key == key_in(app, model);
}

bool RemoveConstraint::can_reduce_through(const Operation& other, std::string_view app) const {
  return !other.references_model(key_in(app, model), app);
}

}  // namespace dbmig
