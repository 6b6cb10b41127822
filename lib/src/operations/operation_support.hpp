// What the operation families share: finding models and fields in the state with errors that
// say what is wrong, the swapped state change of a backwards step, and name fragments.
#pragma once

#include <string>
#include <string_view>

#include "dbmig/model_validation.hpp"
#include "dbmig/operations.hpp"

namespace dbmig::operations {

// The same change seen backwards: after -> before.
inline StateChange swapped(const StateChange& change) {
  return {change.after, change.before};
}

inline ModelKey key_in(std::string_view app, const std::string& model) {
  return {std::string(app), model};
}

// The model `name` of `app`; throws InputError "<doing>: model app.Name does not exist".
Model& existing_model(ProjectState& state, std::string_view app, const std::string& name,
                      const std::string& doing);
// Throws InputError when the model already exists.
void require_no_model(const ProjectState& state, const ModelKey& key, const std::string& doing);
Field& existing_field(Model& model, const std::string& name, const std::string& doing);
void require_no_field(const Model& model, const std::string& name, const std::string& doing);
// Throws InputError when a field references a model that is not in the state (a missing
// dependency on the migration that creates it). `self` may reference itself.
void require_reference_target(const ProjectState& state, const Field& field, const ModelKey& self,
                              const std::string& doing);
// Throws InputError when a name in `fields` is not a field of `model`.
void require_fields_exist(const Model& model, const std::vector<std::string>& fields,
                          const std::string& doing);

// What a migration file's operation left behind follows the rules the scanner's models do
// (model_validation.hpp): the model it created or changed breaks none on its own. Throws
// InputError naming the problem; the replay adds the file, the JSON path and the operation.
// (Not part of apply(): the autodetector's working state may pass through such states on the
// way to a valid one.)
void require_valid_result(const ProjectState& state, const Operation& operation,
                          std::string_view app);

// The models whose table or index/constraint names `operation` may set or free, under their
// names before and after it: what a replay takes out of NamesInUse before it and puts back
// after.
std::vector<ModelKey> models_named_by(const Operation& operation, std::string_view app);

// Adds `model`'s names to `names`; throws InputError naming the other model (or the name) when
// one is already in use.
void require_own_names(const ProjectState& state, const Model& model, NamesInUse& names);

// "Blog" -> "blog", "OrderItem" -> "order_item"; field and index names are lowercased.
std::string fragment(std::string_view name);

bool field_references(const Field& field, const ModelKey& model);

}  // namespace dbmig::operations
