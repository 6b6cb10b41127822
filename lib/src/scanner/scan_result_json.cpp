#include "scanner/scan_result_json.hpp"

#include <algorithm>

namespace dbmig::scanner {

using nlohmann::ordered_json;

namespace {

constexpr int kFormatVersion = 1;

ordered_json location_json(const SourceLocation& location) {
  return {{"file", location.file}, {"line", location.line}, {"column", location.column}};
}

ordered_json literal_json(const std::optional<Literal>& value) {
  if (!value) return nullptr;
  return std::visit([](const auto& v) { return ordered_json(v); }, *value);
}

ordered_json field_json(const Field& field, const FieldSource& source) {
  ordered_json result = {
      {"name", field.name},
      {"column", field.column_name()},
      {"type", to_string(field.type)},
      {"cpp_type", source.cpp_type},
      {"null", field.null},
      {"max_length", field.max_length ? ordered_json(*field.max_length) : ordered_json(nullptr)},
      {"precision", field.precision},
      {"scale", field.scale},
      {"primary_key", field.primary_key},
      {"auto_increment", field.auto_increment},
      {"unique", field.unique},
      {"index", field.index},
      {"default", literal_json(field.default_value)},
      {"references", nullptr},
      {"on_delete", nullptr},
      {"comment", field.comment},
      {"renamed_from", source.renamed_from},
      {"location", location_json(source.location)},
  };
  if (field.references) {
    result["references"] = field.references->target.str();
    result["on_delete"] = to_string(field.references->on_delete);
  }
  return result;
}

ordered_json model_json(const Model& model, const ModelSource& source) {
  ordered_json fields = ordered_json::array();
  for (const auto& field : model.fields)
    fields.push_back(field_json(field, source.fields.at(field.name)));
  ordered_json indexes = ordered_json::array();
  for (const auto& index : model.indexes)
    indexes.push_back({{"name", index.name}, {"fields", index.fields}});
  ordered_json constraints = ordered_json::array();
  for (const auto& constraint : model.constraints) {
    bool unique = constraint.kind == ConstraintKind::unique;
    constraints.push_back({{"name", constraint.name},
                           {"kind", unique ? "unique" : "check"},
                           {"fields", constraint.fields},
                           {"check", constraint.check}});
  }
  return {{"name", model.name},
          {"cpp_name", source.cpp_name},
          {"table", model.table},
          {"comment", model.comment},
          {"renamed_from", source.renamed_from},
          {"location", location_json(source.location)},
          {"fields", fields},
          {"indexes", indexes},
          {"constraints", constraints}};
}

}  // namespace

ordered_json scan_result_to_json(const ScanResult& result, const ProjectConfig& config,
                                 const std::vector<std::string>& apps) {
  ordered_json app_list = ordered_json::array();
  for (const auto& app : config.apps) {
    if (!apps.empty() && std::find(apps.begin(), apps.end(), app.name) == apps.end()) continue;
    ordered_json headers = ordered_json::array();
    for (const auto& header : app.headers)
      headers.push_back(header.lexically_relative(config.root).string());
    ordered_json models = ordered_json::array();
    for (const Model* model : result.state.app_models(app.name))
      models.push_back(model_json(*model, result.sources.at(model->key())));
    app_list.push_back({{"name", app.name}, {"headers", headers}, {"models", models}});
  }
  return {{"dbmig_models", kFormatVersion}, {"apps", app_list}};
}

}  // namespace dbmig::scanner
