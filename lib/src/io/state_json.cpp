#include "dbmig/state_json.hpp"

#include <limits>

#include "core/text.hpp"
#include "io/json_reader.hpp"
#include "io/model_json_reader.hpp"

namespace dbmig {

namespace {

bool is_floating(FieldType type) {
  return type == FieldType::float32 || type == FieldType::float64;
}

std::string type_names() {
  return join(field_type_names());
}

Literal integer_literal(const nlohmann::json& json, FieldType type, const std::string& path) {
  if (is_unsigned(type)) {
    if (json.is_number_unsigned()) return json.get<std::uint64_t>();
    if (json.get<std::int64_t>() < 0) throw_at(path, "expected a non-negative integer");
    return static_cast<std::uint64_t>(json.get<std::int64_t>());
  }
  if (json.is_number_unsigned() &&
      json.get<std::uint64_t>() >
          static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
    throw_at(path, "integer out of range for " + std::string(to_string(type)));
  return json.get<std::int64_t>();
}

template <typename Item>
nlohmann::ordered_json array_of(const std::vector<Item>& items,
                                nlohmann::ordered_json (*to_json)(const Item&)) {
  auto array = nlohmann::ordered_json::array();
  for (const auto& item : items) array.push_back(to_json(item));
  return array;
}

template <typename Item>
std::vector<Item> items_at(const nlohmann::json* json, const std::string& path,
                           Item (*from_json)(const nlohmann::json&, const std::string&)) {
  std::vector<Item> items;
  if (!json) return items;
  if (!json->is_array()) throw_at(path, "expected an array");
  for (std::size_t i = 0; i < json->size(); ++i)
    items.push_back(from_json((*json)[i], path + "[" + std::to_string(i) + "]"));
  return items;
}

Reference read_reference(JsonReader& reader) {
  std::string target = reader.string("references");
  auto dot = target.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == target.size())
    throw_at(reader.path_of("references"), "expected \"app.Model\", got \"" + target + "\"");
  Reference reference{{target.substr(0, dot), target.substr(dot + 1)}, OnDelete::no_action};
  if (const auto* on_delete = reader.optional("on_delete")) {
    std::string name = string_at(*on_delete, reader.path_of("on_delete"));
    auto action = on_delete_from_string(name);
    if (!action)
      throw_at(reader.path_of("on_delete"),
               "unknown on_delete \"" + name + "\"; expected one of " + join(on_delete_names()));
    reference.on_delete = *action;
  }
  return reference;
}

}  // namespace

nlohmann::ordered_json literal_to_json(const Literal& value) {
  return std::visit([](const auto& v) { return nlohmann::ordered_json(v); }, value);
}

Literal literal_from_json(const nlohmann::json& json, FieldType type, const std::string& path) {
  if (json.is_string()) {
    if (type == FieldType::boolean || is_integral(type) || is_floating(type))
      throw_at(path, "expected a " + std::string(to_string(type)) + " value, not a string");
    return json.get<std::string>();
  }
  if (json.is_boolean()) {
    if (type != FieldType::boolean)
      throw_at(path, "expected a " + std::string(to_string(type)) + " value, not true/false");
    return json.get<bool>();
  }
  if (json.is_number()) {
    if (is_integral(type)) {
      if (!json.is_number_integer()) throw_at(path, "expected an integer");
      return integer_literal(json, type, path);
    }
    if (is_floating(type) || type == FieldType::decimal) return json.get<double>();
    throw_at(path, "expected a " + std::string(to_string(type)) + " value, not a number");
  }
  throw_at(path, "expected true/false, a number or a string");
}

Literal canonical_literal(const Literal& value, FieldType type, const std::string& what) {
  return literal_from_json(literal_to_json(value), type, what);
}

nlohmann::ordered_json field_to_json(const Field& field) {
  nlohmann::ordered_json json;
  json["name"] = field.name;
  if (!field.column.empty()) json["column"] = field.column;
  json["type"] = to_string(field.type);
  if (field.null) json["null"] = true;
  if (field.max_length) json["max_length"] = *field.max_length;
  if (field.type == FieldType::decimal) {
    json["precision"] = field.precision;
    json["scale"] = field.scale;
  }
  if (field.primary_key) json["primary_key"] = true;
  if (field.auto_increment) json["auto_increment"] = true;
  if (field.unique) json["unique"] = true;
  if (field.index) json["index"] = true;
  if (field.default_value) json["default"] = literal_to_json(*field.default_value);
  if (field.references) {
    json["references"] = field.references->target.str();
    json["on_delete"] = to_string(field.references->on_delete);
  }
  if (!field.comment.empty()) json["comment"] = field.comment;
  return json;
}

Field field_from_json(const nlohmann::json& json, const std::string& path) {
  JsonReader reader(json, path);
  Field field;
  field.name = reader.string("name");
  field.column = reader.string_or("column", "");
  std::string type = reader.string("type");
  auto parsed = field_type_from_string(type);
  if (!parsed)
    throw_at(reader.path_of("type"),
             "unknown type \"" + type + "\"; expected one of " + type_names());
  field.type = *parsed;
  field.null = reader.boolean_or("null", false);
  field.max_length = reader.optional_int("max_length");
  field.precision = reader.optional_int("precision").value_or(0);
  field.scale = reader.optional_int("scale").value_or(0);
  field.primary_key = reader.boolean_or("primary_key", false);
  field.auto_increment = reader.boolean_or("auto_increment", false);
  field.unique = reader.boolean_or("unique", false);
  field.index = reader.boolean_or("index", false);
  if (const auto* value = reader.optional("default"))
    field.default_value = literal_from_json(*value, field.type, reader.path_of("default"));
  if (reader.optional("references")) {
    field.references = read_reference(reader);
  } else if (reader.optional("on_delete")) {
    throw_at(reader.path_of("on_delete"), "on_delete needs \"references\"");
  }
  field.comment = reader.string_or("comment", "");
  reader.finish();
  return field;
}

nlohmann::ordered_json index_to_json(const Index& index) {
  nlohmann::ordered_json json;
  json["name"] = index.name;
  json["fields"] = index.fields;
  return json;
}

Index index_from_json(const nlohmann::json& json, const std::string& path) {
  JsonReader reader(json, path);
  Index index{reader.string("name"), reader.strings("fields")};
  if (index.fields.empty()) throw_at(reader.path_of("fields"), "an index needs at least one field");
  reader.finish();
  return index;
}

nlohmann::ordered_json constraint_to_json(const Constraint& constraint) {
  nlohmann::ordered_json json;
  json["name"] = constraint.name;
  if (constraint.kind == ConstraintKind::unique) {
    json["kind"] = "unique";
    json["fields"] = constraint.fields;
  } else {
    json["kind"] = "check";
    json["check"] = constraint.check;
  }
  return json;
}

Constraint constraint_from_json(const nlohmann::json& json, const std::string& path) {
  JsonReader reader(json, path);
  Constraint constraint;
  constraint.name = reader.string("name");
  std::string kind = reader.string("kind");
  if (kind == "unique") {
    constraint.kind = ConstraintKind::unique;
    constraint.fields = reader.strings("fields");
    if (constraint.fields.empty())
      throw_at(reader.path_of("fields"), "a unique constraint needs at least one field");
  } else if (kind == "check") {
    constraint.kind = ConstraintKind::check;
    constraint.check = reader.string("check");
    if (constraint.check.empty())
      throw_at(reader.path_of("check"), "a check constraint needs an SQL expression");
  } else {
    throw_at(reader.path_of("kind"), "unknown kind \"" + kind + "\"; expected unique or check");
  }
  reader.finish();
  return constraint;
}

nlohmann::ordered_json model_to_json(const Model& model) {
  nlohmann::ordered_json json;
  json["name"] = model.name;
  json["table"] = model.table;
  json["fields"] = array_of(model.fields, &field_to_json);
  if (!model.indexes.empty()) json["indexes"] = array_of(model.indexes, &index_to_json);
  if (!model.constraints.empty())
    json["constraints"] = array_of(model.constraints, &constraint_to_json);
  if (!model.comment.empty()) json["comment"] = model.comment;
  return json;
}

Model read_model(JsonReader& reader) {
  Model model;
  model.name = reader.string("name");
  model.table = reader.string("table");
  model.fields = items_at(&reader.required("fields"), reader.path_of("fields"), &field_from_json);
  model.indexes = items_at(reader.optional("indexes"), reader.path_of("indexes"), &index_from_json);
  model.constraints = items_at(reader.optional("constraints"), reader.path_of("constraints"),
                               &constraint_from_json);
  model.comment = reader.string_or("comment", "");
  return model;
}

Model model_from_json(const nlohmann::json& json, const std::string& path) {
  JsonReader reader(json, path);
  Model model = read_model(reader);
  reader.finish();
  return model;
}

nlohmann::ordered_json project_state_to_json(const ProjectState& state,
                                             const std::vector<std::string>& apps) {
  auto models = nlohmann::ordered_json::array();
  for (const auto& [key, model] : state.models) {
    if (!apps.empty() && std::find(apps.begin(), apps.end(), key.app) == apps.end()) continue;
    nlohmann::ordered_json json;
    json["app"] = key.app;
    json.update(model_to_json(model));
    models.push_back(std::move(json));
  }
  nlohmann::ordered_json snapshot;
  snapshot["dbmig"] = 1;
  snapshot["models"] = std::move(models);
  return snapshot;
}

}  // namespace dbmig
