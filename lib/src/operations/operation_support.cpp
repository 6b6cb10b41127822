#include "operation_support.hpp"

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

// The model `operation` created or changed, under its name after it, and whether the operation
// set its table or an index/constraint name; std::nullopt when it changes no model (DeleteModel,
// RunSQL).
struct ChangedModel {
  ModelKey key;
  bool sets_names = false;
};

std::optional<ChangedModel> model_changed_by(const Operation& operation, std::string_view app) {
  auto changed = [&](const std::string& model, bool sets_names = false) {
    return std::optional<ChangedModel>({key_in(app, model), sets_names});
  };
  if (auto* create = dynamic_cast<const CreateModel*>(&operation))
    return changed(create->model.name, true);
  if (auto* rename = dynamic_cast<const RenameModel*>(&operation))
    return changed(rename->new_name, true);  // a default table follows the name
  if (auto* table = dynamic_cast<const AlterModelTable*>(&operation))
    return changed(table->name, true);
  if (auto* index = dynamic_cast<const AddIndex*>(&operation)) return changed(index->model, true);
  if (auto* check = dynamic_cast<const AddConstraint*>(&operation))
    return changed(check->model, true);
  if (auto* add = dynamic_cast<const AddField*>(&operation)) return changed(add->model);
  if (auto* alter = dynamic_cast<const AlterField*>(&operation)) return changed(alter->model);
  if (auto* rename = dynamic_cast<const RenameField*>(&operation)) return changed(rename->model);
  return std::nullopt;
}

}  // namespace

void require_valid_result(const ProjectState& state, const Operation& operation,
                          std::string_view app) {
  auto changed = model_changed_by(operation, app);
  if (!changed) return;
  const Model& model = state.get(changed->key);
  // A model may lose its key on the way to another one; CreateModel's reader requires one.
  ModelProblems problems = check_model(model, PrimaryKey::optional);
  check_table_name(model, problems);
  if (!problems.empty()) throw InputError(problems.front().message);
  if (!changed->sets_names) return;
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
