// The JSON form every operation shares: "op" first on writing, and on reading the dispatch on
// "op" through the registry to the reader of each type, which asks for exactly the keys its
// members_to_json writes, so unknown keys are reported with their JSON path.
#include "operations/operation_json.hpp"

#include "core/text.hpp"
#include "dbmig/model_validation.hpp"
#include "dbmig/schema_limits.hpp"
#include "dbmig/state_json.hpp"
#include "io/model_json_reader.hpp"
#include "operations/operation_registry.hpp"

namespace dbmig {

namespace operations {

namespace {

std::string with_attribute(std::string path, const ModelProblem& problem) {
  return problem.attribute.empty() ? path : path + "." + problem.attribute;
}

}  // namespace

// A field's problem is located under "fields[i]".
Model model_at(JsonReader& reader) {
  Model model = read_model(reader);
  ModelProblems problems = check_model(model, PrimaryKey::required);
  if (problems.empty()) return model;
  const ModelProblem& problem = problems.front();
  std::string path = problem.field
                         ? reader.path_of("fields") + "[" + std::to_string(*problem.field) + "]"
                         : reader.path();
  throw_at(with_attribute(path, problem), problem.message);
}

Field field_at(JsonReader& reader) {
  Field field = field_from_json(reader.required("field"), reader.path_of("field"));
  ModelProblems problems;
  check_field(field, 0, problems);
  if (!problems.empty())
    throw_at(with_attribute(reader.path_of("field"), problems.front()), problems.front().message);
  return field;
}

std::optional<Literal> fill_value_at(JsonReader& reader, const Field& field) {
  const auto* value = reader.optional("fill_value");
  if (!value) return std::nullopt;
  Literal fill = literal_from_json(*value, field.type, reader.path_of("fill_value"));
  if (auto problem = schema_limits::value_problem(field, fill); !problem.empty())
    throw_at(reader.path_of("fill_value"), "fill value " + problem);
  return fill;
}

}  // namespace operations

namespace {

using Reader = OperationPtr (*)(JsonReader&);

const std::map<std::string_view, Reader, std::less<>>& readers() {
  static const auto table =
      operations::Registry::by_kind([]<class Type>() -> Reader { return &Type::from_json; });
  return table;
}

std::string known_operations() {
  std::vector<std::string_view> names;
  for (const auto& [name, reader] : readers()) names.push_back(name);
  return join(names);
}

// "online" and "acknowledged", after the operation's own keys.
OperationOptions options_at(JsonReader& reader, const Operation& operation) {
  OperationOptions options;
  options.online = reader.boolean_or("online", false);
  if (options.online && !operation.has_online_form())
    throw_at(reader.path_of("online"),
             std::string(operation.kind()) +
                 " has no online form (docs/online-schema-changes.md); remove \"online\"");
  if (reader.optional("acknowledged")) {
    options.acknowledged = reader.strings("acknowledged");
    for (std::size_t i = 0; i < options.acknowledged.size(); ++i)
      if (options.acknowledged[i].empty())
        throw_at(reader.path_of("acknowledged") + "[" + std::to_string(i) + "]",
                 "expected a lint code (docs/lint.md), not an empty string");
  }
  return options;
}

}  // namespace

nlohmann::ordered_json Operation::to_json() const {
  nlohmann::ordered_json json;
  json["op"] = kind();
  members_to_json(json);
  if (options.online) json["online"] = true;
  if (!options.acknowledged.empty()) json["acknowledged"] = options.acknowledged;
  return json;
}

OperationPtr with_options(const Operation& operation, const OperationOptions& options) {
  auto json = operation.to_json();
  json.erase("online");
  json.erase("acknowledged");
  if (options.online) json["online"] = true;
  if (!options.acknowledged.empty()) json["acknowledged"] = options.acknowledged;
  return operation_from_json(json, "$");
}

OperationPtr operation_from_json(const nlohmann::json& json, const std::string& where) {
  JsonReader reader(json, where);
  std::string op = reader.string("op");
  auto it = readers().find(op);
  if (it == readers().end())
    throw_at(reader.path_of("op"),
             "unknown operation \"" + op + "\"; expected one of " + known_operations());
  OperationPtr read = it->second(reader);
  // The readers build each operation as shared and const; the options complete it here, before
  // anyone else holds it.
  auto operation = std::const_pointer_cast<Operation>(read);
  operation->options = options_at(reader, *operation);
  reader.finish();
  return operation;
}

}  // namespace dbmig
