#include "dbmig/questioner.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "dbmig/console.hpp"
#include "dbmig/error.hpp"

namespace dbmig {

namespace {

// The C++ type a field of this kind is declared with, when the scanner did not record it.
std::string cpp_type_for(const Field& field) {
  static const std::map<FieldType, std::string> names = {
      {FieldType::boolean, "bool"},
      {FieldType::int8, "std::int8_t"},
      {FieldType::int16, "std::int16_t"},
      {FieldType::int32, "std::int32_t"},
      {FieldType::int64, "std::int64_t"},
      {FieldType::uint8, "std::uint8_t"},
      {FieldType::uint16, "std::uint16_t"},
      {FieldType::uint32, "std::uint32_t"},
      {FieldType::uint64, "std::uint64_t"},
      {FieldType::float32, "float"},
      {FieldType::float64, "double"},
      {FieldType::string, "std::string"},
      {FieldType::bytes, "std::vector<std::byte>"},
      {FieldType::timestamp, "std::chrono::system_clock::time_point"},
      {FieldType::date, "std::chrono::year_month_day"},
      {FieldType::decimal, "std::string"},
  };
  return names.at(field.type);
}

// A literal of the field's type to show in the suggested line, or "..." when the type has
// no obvious neutral value.
std::string example_default(const Field& field) {
  switch (field.type) {
    case FieldType::boolean:
      return "false";
    case FieldType::float32:
    case FieldType::float64:
      return "0.0";
    case FieldType::string:
      return "\"\"";
    case FieldType::decimal:
      return "\"0\"";
    case FieldType::bytes:
    case FieldType::timestamp:
    case FieldType::date:
      return "...";
    default:
      return "0";
  }
}

const FieldSource* find_field_source(const ModelSources& sources, const ModelKey& model,
                                     const std::string& field) {
  auto model_it = sources.find(model);
  if (model_it == sources.end()) return nullptr;
  auto field_it = model_it->second.fields.find(field);
  return field_it == model_it->second.fields.end() ? nullptr : &field_it->second;
}

// "apps/blog/models.hpp:14:3: " or "" when the scanner did not say where the field is.
std::string location_prefix(const ModelSources& sources, const ModelKey& model,
                            const std::string& field) {
  if (const FieldSource* source = find_field_source(sources, model, field))
    return source->location.str() + ": ";
  auto model_it = sources.find(model);
  return model_it == sources.end() ? "" : model_it->second.location.str() + ": ";
}

std::string missing_default_message(const ModelSources& sources, const Model& model,
                                    const Field& field) {
  const FieldSource* source = find_field_source(sources, model.key(), field.name);
  std::string type = source && !source->cpp_type.empty() ? source->cpp_type : cpp_type_for(field);
  std::string value = example_default(field);
  return location_prefix(sources, model.key(), field.name) + "the new field " + model.key().str() +
         "." + field.name + " is NOT NULL and has no default, so the existing rows of table \"" +
         model.table +
         "\" need a value for it.\nAdd a default to the model:\n    DBMIG_FIELD(default = " +
         value + ") " + type + " " + field.name + ";\nor a member initializer:\n    " + type + " " +
         field.name + " = " + value + ";\nor allow NULL with std::optional<" + type +
         ">, or run `dbmig makemigrations` on a terminal (without --noinput) to give a one-off "
         "value for the existing rows.";
}

}  // namespace

std::string describe_field_type(const Field& field) {
  std::string type;
  switch (field.type) {
    case FieldType::boolean:
      type = "BOOLEAN";
      break;
    case FieldType::int8:
      type = "TINYINT";
      break;
    case FieldType::int16:
      type = "SMALLINT";
      break;
    case FieldType::int32:
      type = "INTEGER";
      break;
    case FieldType::int64:
      type = "BIGINT";
      break;
    case FieldType::uint8:
      type = "TINYINT UNSIGNED";
      break;
    case FieldType::uint16:
      type = "SMALLINT UNSIGNED";
      break;
    case FieldType::uint32:
      type = "INTEGER UNSIGNED";
      break;
    case FieldType::uint64:
      type = "BIGINT UNSIGNED";
      break;
    case FieldType::float32:
      type = "REAL";
      break;
    case FieldType::float64:
      type = "DOUBLE";
      break;
    case FieldType::string:
      type = field.max_length ? "VARCHAR(" + std::to_string(*field.max_length) + ")" : "TEXT";
      break;
    case FieldType::bytes:
      type = "BLOB";
      break;
    case FieldType::timestamp:
      type = "TIMESTAMP";
      break;
    case FieldType::date:
      type = "DATE";
      break;
    case FieldType::decimal:
      type = "DECIMAL(" + std::to_string(field.precision) + "," + std::to_string(field.scale) + ")";
      break;
  }
  if (field.references) type += " REFERENCES " + field.references->target.str();
  if (field.null) type += " NULL";
  return type;
}

Literal NonInteractiveQuestioner::ask_fill_value_for_added_field(const Model& model,
                                                                 const Field& field) {
  throw InputError(missing_default_message(sources_, model, field));
}

bool ask_yes_no(Console& console, const std::string& question) {
  console.out << question << " [y/N] " << std::flush;
  std::string answer;
  if (!std::getline(console.in, answer)) {
    console.out << "\n";
    return false;
  }
  std::string_view reply = trim(answer);
  return reply == "y" || reply == "Y" || reply == "yes";
}

bool InteractiveQuestioner::ask_rename_field(const ModelKey& model, const Field& old_field,
                                             const Field& new_field) {
  return ask_yes_no(console_, "Was " + model.str() + "." + old_field.name + " renamed to " +
                                  model.str() + "." + new_field.name + " (" +
                                  describe_field_type(new_field) + ")?");
}

bool InteractiveQuestioner::ask_rename_model(const Model& old_model, const Model& new_model) {
  return ask_yes_no(console_, "Was the model " + old_model.key().str() + " renamed to " +
                                  new_model.key().str() + "?");
}

std::optional<Literal> InteractiveQuestioner::read_literal(const Field& field) {
  console_.out << "Please enter the value as a literal (true/false, a number, or text; quotes "
                  "optional) for "
               << describe_field_type(field) << "\n";
  for (;;) {
    console_.out << ">>> " << std::flush;
    std::string line;
    if (!std::getline(console_.in, line)) {
      console_.out << "\n";
      return std::nullopt;
    }
    if (auto value = parse_literal(line, field)) return value;
    console_.out << "That is not a valid " << describe_field_type(field) << " value. Try again.\n";
  }
}

int InteractiveQuestioner::choose(const std::string& problem,
                                  const std::vector<std::string>& options) {
  console_.out << problem << "\nPlease select a fix:\n";
  for (std::size_t i = 0; i < options.size(); ++i)
    console_.out << " " << i + 1 << ") " << options[i] << "\n";
  for (;;) {
    console_.out << "Select an option: " << std::flush;
    std::string choice;
    if (!std::getline(console_.in, choice)) {
      console_.out << "\n";
      return 0;
    }
    std::string_view picked = trim(choice);
    for (std::size_t i = 0; i < options.size(); ++i)
      if (picked == std::to_string(i + 1)) return static_cast<int>(i + 1);
    console_.out << "Please answer with the number of an option.\n";
  }
}

Literal InteractiveQuestioner::ask_fill_value_for_added_field(const Model& model,
                                                              const Field& field) {
  std::string problem = "It is impossible to add the NOT NULL field '" + field.name + "' to " +
                        model.key().str() +
                        " without a default: the database needs a value for the existing rows.";
  if (choose(problem, {"Provide a one-off value now (set on all existing rows)",
                       "Quit and add a default in the model"}) == 1) {
    if (auto value = read_literal(field)) return *value;
  }
  return NonInteractiveQuestioner::ask_fill_value_for_added_field(model, field);
}

std::optional<Literal> InteractiveQuestioner::ask_fill_value_for_altered_field(const Model& model,
                                                                               const Field& field) {
  std::string problem = "The field " + model.key().str() + "." + field.name +
                        " becomes NOT NULL without a default: existing rows may hold NULL.";
  if (choose(problem, {"Provide a one-off value now (replaces NULL in existing rows)",
                       "Ignore for now (the migration fails if a NULL remains)"}) == 1)
    return read_literal(field);
  return std::nullopt;
}

}  // namespace dbmig
