#include "db/backends/sqlite/sqlite_declared_type.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

namespace dbmig::backends {

namespace {

std::string upper(std::string_view declared) {
  std::string result(declared);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return result;
}

// Upper case without spaces: "decimal(10, 2)" and "DECIMAL(10,2)" are one spelling.
std::string normalized(std::string_view declared) {
  std::string result = upper(declared);
  std::erase_if(result, [](unsigned char c) { return std::isspace(c); });
  return result;
}

Field field_of_type(FieldType type) {
  Field field;
  field.type = type;
  return field;
}

// The spellings SqliteSchemaEditor::column_type writes (normalized).
std::optional<Field> exact_type(const std::string& type) {
  static const std::map<std::string, FieldType> plain{
      {"BOOLEAN", FieldType::boolean},    {"INTEGER", FieldType::int64},
      {"FLOAT", FieldType::float32},      {"REAL", FieldType::float64},
      {"TEXT", FieldType::string},        {"BLOB", FieldType::bytes},
      {"DATETIME", FieldType::timestamp}, {"DATE", FieldType::date}};
  if (auto found = plain.find(type); found != plain.end()) return field_of_type(found->second);
  std::smatch match;
  if (std::regex_match(type, match, std::regex(R"(VARCHAR\((\d{1,9})\))"))) {
    Field field = field_of_type(FieldType::string);
    field.max_length = std::stoi(match[1]);
    return field;
  }
  if (std::regex_match(type, match, std::regex(R"(DECIMAL\((\d{1,4}),(\d{1,4})\))"))) {
    Field field = field_of_type(FieldType::decimal);
    field.precision = std::stoi(match[1]);
    field.scale = std::stoi(match[2]);
    return field;
  }
  return std::nullopt;
}

bool contains(const std::string& type, std::string_view part) {
  return type.find(part) != std::string::npos;
}

// The numbers in the parentheses of a type: "NVARCHAR(100)" {100}, "NUMERIC(10,2)" {10, 2}.
std::vector<int> type_arguments(const std::string& type) {
  std::vector<int> numbers;
  std::smatch match;
  if (!std::regex_search(type, match, std::regex(R"(\((\d{1,9})(?:,(\d{1,9}))?\)$)")))
    return numbers;
  numbers.push_back(std::stoi(match[1]));
  if (match[2].matched) numbers.push_back(std::stoi(match[2]));
  return numbers;
}

// Types of NUMERIC affinity that have a dbmig type: decimals with a precision, booleans,
// timestamps.
std::optional<Field> numeric_affinity_type(const std::string& type) {
  auto arguments = type_arguments(type);
  if ((type.rfind("DECIMAL", 0) == 0 || type.rfind("NUMERIC", 0) == 0) && !arguments.empty()) {
    Field field = field_of_type(FieldType::decimal);
    field.precision = arguments[0];
    field.scale = arguments.size() > 1 ? arguments[1] : 0;
    return field;
  }
  if (type.rfind("BOOL", 0) == 0) return field_of_type(FieldType::boolean);
  if (type.rfind("TIMESTAMP", 0) == 0 || type.rfind("DATETIME", 0) == 0)
    return field_of_type(FieldType::timestamp);
  return std::nullopt;
}

// SQLite's affinity rules (https://www.sqlite.org/datatype3.html#determination_of_column_affinity),
// in their order, each to the dbmig type holding what the affinity stores. `declared` in upper
// case (the rules look for parts of it), `type` normalized.
std::optional<Field> affinity_type(const std::string& declared, const std::string& type) {
  if (contains(declared, "INT")) return field_of_type(FieldType::int64);
  if (contains(declared, "CHAR") || contains(declared, "CLOB") || contains(declared, "TEXT")) {
    Field field = field_of_type(FieldType::string);
    if (auto arguments = type_arguments(type); arguments.size() == 1)
      field.max_length = arguments[0];
    return field;
  }
  if (contains(declared, "BLOB")) return field_of_type(FieldType::bytes);
  if (contains(declared, "REAL") || contains(declared, "FLOA") || contains(declared, "DOUB"))
    return field_of_type(FieldType::float64);
  return numeric_affinity_type(type);
}

}  // namespace

std::string describe_type(const Field& field) {
  std::string type(to_string(field.type));
  if (field.max_length) return type + "(" + std::to_string(*field.max_length) + ")";
  if (field.type == FieldType::decimal)
    return type + "(" + std::to_string(field.precision) + ", " + std::to_string(field.scale) + ")";
  return type;
}

DeclaredType read_declared_type(std::string_view declared) {
  std::string type = normalized(declared);
  if (type.empty()) return {std::nullopt, "no declared type: no dbmig field type; left out"};
  if (auto field = exact_type(type)) return {field, ""};
  if (auto field = affinity_type(upper(declared), type))
    return {field, "declared " + std::string(declared) + ", read as " + describe_type(*field)};
  return {std::nullopt, "type " + std::string(declared) + ": no dbmig field type; left out"};
}

bool is_rowid_alias_type(std::string_view declared) {
  return normalized(declared) == "INTEGER";
}

}  // namespace dbmig::backends
