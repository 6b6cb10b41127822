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
