// ModelOperation, FieldOperation, FieldDefinitionOperation: the bodies their operations share.
#include "dbmig/operations.hpp"
#include "dbmig/state_json.hpp"
#include "operations/operation_support.hpp"

namespace dbmig {

using namespace operations;

bool ModelOperation::references_model(const ModelKey& model, std::string_view app) const {
  return model == key_in(app, model_name());
}

bool ModelOperation::can_reduce_through(const Operation& other, std::string_view app) const {
  return !other.references_model(key_in(app, model_name()), app);
}

bool FieldOperation::references_field(const ModelKey& model, std::string_view field,
                                      std::string_view app) const {
  return model == key_in(app, model_name()) && field == field_name();
}

bool FieldOperation::can_reduce_through(const Operation& other, std::string_view app) const {
  return !other.references_field(key_in(app, model_name()), field_name(), app);
}

bool FieldDefinitionOperation::references_model(const ModelKey& model, std::string_view app) const {
  return FieldOperation::references_model(model, app) || field_references(field, model);
}

void FieldDefinitionOperation::members_to_json(nlohmann::ordered_json& json) const {
  json["model"] = model;
  json["field"] = field_to_json(field);
  if (fill_value) json["fill_value"] = literal_to_json(*fill_value);
}

}  // namespace dbmig
