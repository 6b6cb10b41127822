#include "dbmig/model_validation.hpp"

#include <algorithm>
#include <set>
#include <string_view>
#include <utility>

#include "dbmig/naming.hpp"
#include "dbmig/schema_limits.hpp"

namespace dbmig {

namespace {

void add(ModelProblems& problems, std::optional<std::size_t> field, std::string attribute,
         std::string message) {
  problems.push_back({field, std::move(attribute), std::move(message)});
}

template <typename Named>
void note_names(const std::vector<Named>& items, const std::string& attribute,
                std::set<std::string>& seen, ModelProblems& problems) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string where = attribute + "[" + std::to_string(i) + "].name";
    if (items[i].name.empty())
      add(problems, std::nullopt, where, "an index or constraint needs a name");
    else if (!seen.insert(items[i].name).second)
      add(problems, std::nullopt, where,
          "index or constraint name " + items[i].name +
              " is used twice (names are per database); rename one of them");
  }
}

// Each field whose `key` (its name or column) an earlier field has, with that earlier field,
// in field order. Sorted views rather than a map: this runs after every operation of a replay.
template <typename Key>
std::vector<std::pair<std::size_t, std::size_t>> repeated(const Model& model,
                                                          Key (*key)(const Field&)) {
  std::vector<std::pair<Key, std::size_t>> keys;
  keys.reserve(model.fields.size());
  for (std::size_t i = 0; i < model.fields.size(); ++i) keys.emplace_back(key(model.fields[i]), i);
  std::sort(keys.begin(), keys.end());
  std::vector<std::pair<std::size_t, std::size_t>> repeats;
  for (std::size_t i = 1; i < keys.size(); ++i)
    if (keys[i].first == keys[i - 1].first)
      repeats.emplace_back(keys[i].second, keys[i - 1].second);
  std::sort(repeats.begin(), repeats.end());
  return repeats;
}

}  // namespace

bool valid_decimal(int precision, int scale) {
  return precision >= 1 && precision <= max_decimal_precision && scale >= 0 && scale <= precision;
}

void check_field_names(const Field& field, std::size_t index, ModelProblems& problems) {
  if (!is_identifier(field.name))
    add(problems, index, "name",
        "field name \"" + field.name +
            "\" is not an identifier; use letters, digits and _ (not starting with a digit)");
}

void check_type_options(const Field& field, std::size_t index, ModelProblems& problems) {
  std::string type(to_string(field.type));
  if (field.max_length && field.type != FieldType::string)
    add(problems, index, "max_length",
        "max_length applies to strings only, and " + field.name + " is " + type +
            "; remove max_length");
  else if (field.max_length && *field.max_length < 1)
    add(problems, index, "max_length", "max_length must be a positive integer");
  if (field.type == FieldType::decimal && !valid_decimal(field.precision, field.scale))
    add(problems, index, "precision",
        "decimal(" + std::to_string(field.precision) + ", " + std::to_string(field.scale) +
            ") is not a valid decimal; use 1 <= precision <= " +
            std::to_string(max_decimal_precision) + " and 0 <= scale <= precision");
  if (field.type != FieldType::decimal && (field.precision != 0 || field.scale != 0))
    add(problems, index, field.precision != 0 ? "precision" : "scale",
        "precision and scale apply to decimals only, and " + field.name + " is " + type +
            "; remove them");
}

void check_primary_key_options(const Field& field, std::size_t index, ModelProblems& problems) {
  if (field.primary_key && field.null)
    add(problems, index, "null",
        "a primary key cannot be nullable (std::optional, or \"null\": true in a migration "
        "file); make " +
            field.name + " NOT NULL");
  if (field.auto_increment && !(field.primary_key && is_integral(field.type)))
    add(problems, index, "auto_increment",
        "auto_increment applies to an integer primary key only; remove it from " + field.name);
}

void check_on_delete(const Field& field, std::size_t index, ModelProblems& problems) {
  if (!field.references) return;
  if (field.references->on_delete == OnDelete::set_null && !field.null)
    add(problems, index, "on_delete",
        "on_delete = set_null needs a nullable column; make " + field.name +
            " nullable (std::optional<...>, or \"null\": true in a migration file) or choose "
            "another on_delete");
  if (field.references->on_delete == OnDelete::set_default && !field.default_value)
    add(problems, index, "on_delete",
        "on_delete = set_default needs a default; give " + field.name +
            " a default or choose another on_delete");
}

void check_field_limits(const Field& field, std::size_t index, ModelProblems& problems) {
  namespace sl = schema_limits;
  const std::string& column = field.column_name();
  // An empty name is check_field_names' problem.
  if (auto problem = sl::identifier_problem(column); !column.empty() && !problem.empty())
    add(problems, index, field.column.empty() ? "name" : "column",
        "column \"" + column + "\" " + problem + "; choose another column");
  if (auto problem = sl::column_type_problem(field); !problem.empty())
    add(problems, index, "", problem);
  if (auto problem = sl::default_problem(field); !problem.empty())
    add(problems, index, "default", problem);
  if (auto problem = sl::text_problem(field.comment); !problem.empty())
    add(problems, index, "comment", "comment " + problem);
  if (field.unique || field.index || field.primary_key)
    if (auto problem = sl::mysql_index_problem({&field}); !problem.empty())
      add(problems, index, "", problem);
}

void check_field(const Field& field, std::size_t index, ModelProblems& problems) {
  check_field_names(field, index, problems);
  check_type_options(field, index, problems);
  check_primary_key_options(field, index, problems);
  check_on_delete(field, index, problems);
  check_field_limits(field, index, problems);
}

void check_model_names(const Model& model, ModelProblems& problems) {
  if (!is_identifier(model.name))
    add(problems, std::nullopt, "name",
        "model name \"" + model.name +
            "\" is not an identifier; use letters, digits and _ (not starting with a digit)");
}

void check_table_name(const Model& model, ModelProblems& problems) {
  if (model.table.empty())
    add(problems, std::nullopt, "table", "the table name is empty; name the table");
}

void check_has_fields(const Model& model, ModelProblems& problems) {
  if (model.fields.empty())
    add(problems, std::nullopt, "fields", "a model needs at least one field (its primary key)");
}

void check_primary_key_count(const Model& model, PrimaryKey rule, ModelProblems& problems) {
  std::vector<std::size_t> keys;
  for (std::size_t i = 0; i < model.fields.size(); ++i)
    if (model.fields[i].primary_key) keys.push_back(i);
  if (keys.empty() && rule == PrimaryKey::required && !model.fields.empty())
    add(problems, std::nullopt, "fields",
        "no primary key; mark one field as the primary key (DBMIG_FIELD(primary_key) in C++, "
        "\"primary_key\": true in a migration file)");
  if (keys.size() > 1)
    add(problems, keys[1], "primary_key",
        "more than one primary key (" + model.fields[keys[0]].name + ", " +
            model.fields[keys[1]].name + "); keep one and use unique_together(...) for the others");
}

void check_unique_columns(const Model& model, ModelProblems& problems) {
  auto names = repeated(
      model, +[](const Field& field) -> std::string_view { return field.name; });
  for (auto [repeat, first] : names)
    add(problems, repeat, "name",
        "field " + model.fields[repeat].name + " is listed twice; remove or rename one");
  if (!names.empty()) return;  // a repeated name repeats its column too
  // SQLite and MySQL compare column names ignoring case, so `Name` and `name` are one column.
  auto columns = [](const Field& field) { return schema_limits::case_folded(field.column_name()); };
  for (auto [repeat, first] : repeated(model, +columns)) {
    const Field& field = model.fields[repeat];
    const Field& other = model.fields[first];
    std::string case_note =
        field.column_name() == other.column_name()
            ? ""
            : " (as " + other.column_name() + "; SQLite and MySQL ignore letter case in names)";
    add(problems, repeat, field.column.empty() ? "name" : "column",
        "column " + field.column_name() + " is already used by field " + other.name + case_note +
            "; give one of them another column");
  }
}

void check_index_names(const Model& model, ModelProblems& problems) {
  std::set<std::string> seen;
  note_names(model.indexes, "indexes", seen, problems);
  note_names(model.constraints, "constraints", seen, problems);
}

void check_model_limits(const Model& model, ModelProblems& problems) {
  namespace sl = schema_limits;
  auto name = [&](const std::string& what, const std::string& text, const char* attribute) {
    if (auto problem = sl::identifier_problem(text); !problem.empty())
      add(problems, std::nullopt, attribute,
          what + " \"" + text + "\" " + problem + "; choose another name");
  };
  if (!model.table.empty()) name("table", model.table, "table");
  if (auto problem = sl::text_problem(model.comment); !problem.empty())
    add(problems, std::nullopt, "comment", "comment " + problem);
  auto fields_of = [&](const std::vector<std::string>& names) {
    std::vector<const Field*> fields;
    for (const auto& field_name : names)
      if (const Field* field = model.find_field(field_name)) fields.push_back(field);
    return fields;
  };
  auto mysql_index = [&](const std::vector<std::string>& names, const char* attribute) {
    if (auto problem = sl::mysql_index_problem(fields_of(names)); !problem.empty())
      add(problems, std::nullopt, attribute, problem);
  };
  for (const auto& index : model.indexes) {
    if (!index.name.empty()) name("index name", index.name, "indexes");
    mysql_index(index.fields, "indexes");
  }
  for (const auto& constraint : model.constraints) {
    if (!constraint.name.empty()) name("constraint name", constraint.name, "constraints");
    if (constraint.kind == ConstraintKind::unique) {
      mysql_index(constraint.fields, "constraints");
    } else if (auto problem = sl::check_expression_problem(model, constraint.check);
               !problem.empty()) {
      add(problems, std::nullopt, "constraints", problem);
    }
  }
}

ModelProblems check_model(const Model& model, PrimaryKey rule) {
  ModelProblems problems;
  check_model_names(model, problems);
  check_has_fields(model, problems);
  for (std::size_t i = 0; i < model.fields.size(); ++i) check_field(model.fields[i], i, problems);
  check_unique_columns(model, problems);
  check_primary_key_count(model, rule, problems);
  check_index_names(model, problems);
  check_model_limits(model, problems);
  return problems;
}

void NamesInUse::remove(const Model& model) {
  --tables_[model.table];
  for (const auto& index : model.indexes) --indexes_[index.name];
  for (const auto& constraint : model.constraints) --indexes_[constraint.name];
}

bool NamesInUse::add(const Model& model) {
  bool unique = ++tables_[model.table] == 1;
  for (const auto& index : model.indexes) unique &= ++indexes_[index.name] == 1;
  for (const auto& constraint : model.constraints) unique &= ++indexes_[constraint.name] == 1;
  return unique;
}

// Both walk every model (NamesInUse says when to): the table or name is compared first, and the
// key (built once) only on a match.
const Model* other_model_with_table(const ProjectState& state, const Model& model) {
  const ModelKey own = model.key();
  for (const auto& [key, other] : state.models)
    if (other.table == model.table && key != own) return &other;
  return nullptr;
}

std::optional<std::string> index_name_used_elsewhere(const ProjectState& state,
                                                     const Model& model) {
  std::set<std::string> names;
  for (const auto& index : model.indexes) names.insert(index.name);
  for (const auto& constraint : model.constraints) names.insert(constraint.name);
  if (names.empty()) return std::nullopt;
  const ModelKey own = model.key();
  for (const auto& [key, other] : state.models) {
    for (const auto& index : other.indexes)
      if (names.count(index.name) && key != own) return index.name;
    for (const auto& constraint : other.constraints)
      if (names.count(constraint.name) && key != own) return constraint.name;
  }
  return std::nullopt;
}

}  // namespace dbmig
