// operation_from_json: one reader per "op", each asking for exactly the keys its to_json writes,
// so unknown keys are reported with their JSON path.
#include <functional>
#include <map>

#include "core/text.hpp"
#include "dbmig/model_validation.hpp"
#include "dbmig/operations.hpp"
#include "dbmig/state_json.hpp"
#include "io/json_reader.hpp"
#include "io/model_json_reader.hpp"

namespace dbmig {

namespace {

using Reader = std::function<OperationPtr(JsonReader&)>;

std::string with_attribute(std::string path, const ModelProblem& problem) {
  return problem.attribute.empty() ? path : path + "." + problem.attribute;
}

// A field the scanner would refuse is refused here too, at the JSON path of what is wrong.
Field field_at(JsonReader& reader) {
  Field field = field_from_json(reader.required("field"), reader.path_of("field"));
  ModelProblems problems;
  check_field(field, 0, problems);
  if (!problems.empty())
    throw_at(with_attribute(reader.path_of("field"), problems.front()), problems.front().message);
  return field;
}

// Likewise for a created model; a field's problem is located under "fields[i]".
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

std::optional<Literal> fill_value_at(JsonReader& reader, FieldType type) {
  const auto* value = reader.optional("fill_value");
  if (!value) return std::nullopt;
  return literal_from_json(*value, type, reader.path_of("fill_value"));
}

// "sql": "one statement" or ["several", "statements"].
std::vector<std::string> statements_at(const nlohmann::json& value, const std::string& path) {
  if (value.is_string()) return {value.get<std::string>()};
  return strings_at(value, path);
}

template <typename FieldOperation>
OperationPtr read_field_operation(JsonReader& reader) {
  std::string model = reader.string("model");
  auto operation = std::make_shared<FieldOperation>(model, field_at(reader));
  operation->fill_value = fill_value_at(reader, operation->field.type);
  return operation;
}

const std::map<std::string, Reader, std::less<>>& readers() {
  static const std::map<std::string, Reader, std::less<>> table = {
      {"CreateModel",
       [](JsonReader& r) -> OperationPtr { return std::make_shared<CreateModel>(model_at(r)); }},
      {"DeleteModel",
       [](JsonReader& r) -> OperationPtr {
         return std::make_shared<DeleteModel>(r.string("name"));
       }},
      {"RenameModel",
       [](JsonReader& r) -> OperationPtr {
         auto old_name = r.string("old_name");
         return std::make_shared<RenameModel>(old_name, r.string("new_name"));
       }},
      {"AlterModelTable",
       [](JsonReader& r) -> OperationPtr {
         auto name = r.string("name");
         return std::make_shared<AlterModelTable>(name, r.string("table"));
       }},
      {"AlterModelComment",
       [](JsonReader& r) -> OperationPtr {
         auto name = r.string("name");
         return std::make_shared<AlterModelComment>(name, r.string("comment"));
       }},
      {"AddField", &read_field_operation<AddField>},
      {"AlterField", &read_field_operation<AlterField>},
      {"RemoveField",
       [](JsonReader& r) -> OperationPtr {
         auto model = r.string("model");
         return std::make_shared<RemoveField>(model, r.string("name"));
       }},
      {"RenameField",
       [](JsonReader& r) -> OperationPtr {
         auto model = r.string("model");
         auto old_name = r.string("old_name");
         return std::make_shared<RenameField>(model, old_name, r.string("new_name"));
       }},
      {"AddIndex",
       [](JsonReader& r) -> OperationPtr {
         auto model = r.string("model");
         return std::make_shared<AddIndex>(
             model, index_from_json(r.required("index"), r.path_of("index")));
       }},
      {"RemoveIndex",
       [](JsonReader& r) -> OperationPtr {
         auto model = r.string("model");
         return std::make_shared<RemoveIndex>(model, r.string("name"));
       }},
      {"AddConstraint",
       [](JsonReader& r) -> OperationPtr {
         auto model = r.string("model");
         return std::make_shared<AddConstraint>(
             model, constraint_from_json(r.required("constraint"), r.path_of("constraint")));
       }},
      {"RemoveConstraint",
       [](JsonReader& r) -> OperationPtr {
         auto model = r.string("model");
         return std::make_shared<RemoveConstraint>(model, r.string("name"));
       }},
      {"RunSQL",
       [](JsonReader& r) -> OperationPtr {
         auto sql = statements_at(r.required("sql"), r.path_of("sql"));
         std::optional<std::vector<std::string>> reverse;
         if (const auto* value = r.optional("reverse_sql"))
           reverse = statements_at(*value, r.path_of("reverse_sql"));
         return std::make_shared<RunSQL>(std::move(sql), std::move(reverse));
       }},
  };
  return table;
}

std::string known_operations() {
  std::vector<std::string_view> names;
  for (const auto& [name, reader] : readers()) names.push_back(name);
  return join(names);
}

}  // namespace

OperationPtr operation_from_json(const nlohmann::json& json, const std::string& where) {
  JsonReader reader(json, where);
  std::string op = reader.string("op");
  auto it = readers().find(op);
  if (it == readers().end())
    throw_at(reader.path_of("op"),
             "unknown operation \"" + op + "\"; expected one of " + known_operations());
  OperationPtr operation = it->second(reader);
  reader.finish();
  return operation;
}

}  // namespace dbmig
