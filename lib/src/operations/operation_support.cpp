#include "operations/operation_support.hpp"

#include <algorithm>
#include <cctype>

#include "dbmig/error.hpp"
#include "dbmig/naming.hpp"

namespace dbmig::operations {

Model& existing_model(ProjectState& state, std::string_view app, const std::string& name,
                      const std::string& doing) {
  ModelKey key = key_in(app, name);
  if (Model* model = state.find(key)) return *model;
  throw InputError(doing + ": model " + key.str() + " does not exist at this point");
}

void require_no_model(const ProjectState& state, const ModelKey& key, const std::string& doing) {
  if (state.find(key)) throw InputError(doing + ": model " + key.str() + " already exists");
}

Field& existing_field(Model& model, const std::string& name, const std::string& doing) {
  if (Field* field = model.find_field(name)) return *field;
  throw InputError(doing + ": field " + name + " does not exist on " + model.key().str());
}

void require_no_field(const Model& model, const std::string& name, const std::string& doing) {
  if (model.find_field(name))
    throw InputError(doing + ": field " + name + " already exists on " + model.key().str());
}

void require_reference_target(const ProjectState& state, const Field& field, const ModelKey& self,
                              const std::string& doing) {
  if (!field.references) return;
  const ModelKey& target = field.references->target;
  if (target == self || state.find(target)) return;
  throw InputError(doing + ": field " + field.name + " references " + target.str() +
                   ", which does not exist at this point; add a dependency on the migration "
                   "that creates it");
}

void require_fields_exist(const Model& model, const std::vector<std::string>& fields,
                          const std::string& doing) {
  for (const auto& name : fields)
    if (!model.find_field(name))
      throw InputError(doing + ": field " + name + " does not exist on " + model.key().str());
}

namespace {

// The model `operation` created or changed, under its name after it; std::nullopt when it
// changes no model (DeleteModel, RunSQL).
std::optional<ModelKey> model_changed_by(const Operation& operation, std::string_view app) {
  if (auto* create = dynamic_cast<const CreateModel*>(&operation))
    return key_in(app, create->model.name);
  if (auto* rename = dynamic_cast<const RenameModel*>(&operation))
    return key_in(app, rename->new_name);
  if (auto* table = dynamic_cast<const AlterModelTable*>(&operation))
    return key_in(app, table->name);
  if (auto* index = dynamic_cast<const AddIndex*>(&operation)) return key_in(app, index->model);
  if (auto* check = dynamic_cast<const AddConstraint*>(&operation))
    return key_in(app, check->model);
  if (auto* add = dynamic_cast<const AddField*>(&operation)) return key_in(app, add->model);
  if (auto* alter = dynamic_cast<const AlterField*>(&operation)) return key_in(app, alter->model);
  if (auto* rename = dynamic_cast<const RenameField*>(&operation))
    return key_in(app, rename->model);
  return std::nullopt;
}

}  // namespace

std::vector<ModelKey> models_named_by(const Operation& operation, std::string_view app) {
  if (auto* create = dynamic_cast<const CreateModel*>(&operation))
    return {key_in(app, create->model.name)};
  if (auto* deleted = dynamic_cast<const DeleteModel*>(&operation))
    return {key_in(app, deleted->name)};
  if (auto* rename = dynamic_cast<const RenameModel*>(&operation))
    return {key_in(app, rename->old_name), key_in(app, rename->new_name)};
  if (auto* table = dynamic_cast<const AlterModelTable*>(&operation))
    return {key_in(app, table->name)};
  if (auto* index = dynamic_cast<const AddIndex*>(&operation)) return {key_in(app, index->model)};
  if (auto* index = dynamic_cast<const RemoveIndex*>(&operation))
    return {key_in(app, index->model)};
  if (auto* check = dynamic_cast<const AddConstraint*>(&operation))
    return {key_in(app, check->model)};
  if (auto* check = dynamic_cast<const RemoveConstraint*>(&operation))
    return {key_in(app, check->model)};
  return {};
}

void require_valid_result(const ProjectState& state, const Operation& operation,
                          std::string_view app) {
  auto changed = model_changed_by(operation, app);
  if (!changed) return;
  const Model& model = state.get(*changed);
  // A model may lose its key on the way to another one; CreateModel's reader requires one.
  ModelProblems problems = check_model(model, PrimaryKey::optional);
  check_table_name(model, problems);
  if (!problems.empty()) throw InputError(problems.front().message);
}

void require_own_names(const ProjectState& state, const Model& model, NamesInUse& names) {
  if (names.add(model)) return;
  if (const Model* other = other_model_with_table(state, model))
    throw InputError("table " + model.table + " is already the table of " + other->key().str() +
                     "; give one of them another table");
  if (auto name = index_name_used_elsewhere(state, model))
    throw InputError("index or constraint name " + *name +
                     " is already used by another model (names are per database); rename it");
}

std::string fragment(std::string_view name) {
  std::string result = snake_case(name);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

bool field_references(const Field& field, const ModelKey& model) {
  return field.references && field.references->target == model;
}

}  // namespace dbmig::operations
