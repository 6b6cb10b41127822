#include "scanner/scan_result_json.hpp"

#include <algorithm>
#include <stdexcept>

#include "scanner/initializer.hpp"

namespace dbmig::scanner {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

constexpr int kFormatVersion = 1;

ordered_json location_json(const SourceLocation& location) {
  return {{"file", location.file}, {"line", location.line}, {"column", location.column}};
}

SourceLocation location_from(const json& value) {
  return {value.at("file").get<std::string>(), value.at("line").get<unsigned>(),
          value.at("column").get<unsigned>()};
}

ordered_json literal_json(const std::optional<Literal>& value) {
  if (!value) return nullptr;
  return std::visit([](const auto& v) { return ordered_json(v); }, *value);
}

std::optional<Literal> literal_from(const json& value) {
  if (value.is_null()) return std::nullopt;
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_number_unsigned()) return integer_literal(value.get<std::uint64_t>());
  if (value.is_number_integer()) return integer_literal(value.get<std::int64_t>());
  if (value.is_number_float()) return value.get<double>();
  return value.get<std::string>();
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

Field field_from(const json& value, FieldSource& source) {
  Field field;
  field.name = value.at("name").get<std::string>();
  field.column = value.at("column").get<std::string>();
  if (field.column == field.name) field.column.clear();
  field.type = field_type_from_string(value.at("type").get<std::string>()).value();
  source.cpp_type = value.at("cpp_type").get<std::string>();
  field.null = value.at("null").get<bool>();
  if (!value.at("max_length").is_null()) field.max_length = value.at("max_length").get<int>();
  field.precision = value.at("precision").get<int>();
  field.scale = value.at("scale").get<int>();
  field.primary_key = value.at("primary_key").get<bool>();
  field.auto_increment = value.at("auto_increment").get<bool>();
  field.unique = value.at("unique").get<bool>();
  field.index = value.at("index").get<bool>();
  field.default_value = literal_from(value.at("default"));
  if (!value.at("references").is_null()) {
    std::string target = value.at("references").get<std::string>();
    std::size_t dot = target.find('.');
    field.references =
        Reference{{target.substr(0, dot), target.substr(dot + 1)},
                  on_delete_from_string(value.at("on_delete").get<std::string>()).value()};
  }
  field.comment = value.at("comment").get<std::string>();
  source.renamed_from = value.at("renamed_from").get<std::string>();
  source.location = location_from(value.at("location"));
  return field;
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

void add_model_from(const std::string& app, const json& value, ScanResult& result) {
  Model model;
  ModelSource source;
  model.app = app;
  model.name = value.at("name").get<std::string>();
  source.cpp_name = value.at("cpp_name").get<std::string>();
  model.table = value.at("table").get<std::string>();
  model.comment = value.at("comment").get<std::string>();
  source.renamed_from = value.at("renamed_from").get<std::string>();
  source.location = location_from(value.at("location"));
  for (const auto& field_value : value.at("fields")) {
    FieldSource field_source;
    model.fields.push_back(field_from(field_value, field_source));
    source.fields[model.fields.back().name] = field_source;
  }
  for (const auto& index : value.at("indexes"))
    model.indexes.push_back(
        {index.at("name").get<std::string>(), index.at("fields").get<std::vector<std::string>>()});
  for (const auto& constraint : value.at("constraints"))
    model.constraints.push_back({constraint.at("name").get<std::string>(),
                                 constraint.at("kind").get<std::string>() == "unique"
                                     ? ConstraintKind::unique
                                     : ConstraintKind::check,
                                 constraint.at("fields").get<std::vector<std::string>>(),
                                 constraint.at("check").get<std::string>()});
  result.sources[model.key()] = std::move(source);
  result.state.models[model.key()] = std::move(model);
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

ScanResult scan_result_from_json(const json& value) {
  if (value.at("dbmig_models").get<int>() != kFormatVersion)
    throw std::runtime_error("unknown models format");
  ScanResult result;
  for (const auto& app : value.at("apps"))
    for (const auto& model : app.at("models"))
      add_model_from(app.at("name").get<std::string>(), model, result);
  return result;
}

}  // namespace dbmig::scanner
