// RunSQL: statements written by hand, with optional reverse statements.
#include "dbmig/error.hpp"
#include "dbmig/operations.hpp"
#include "dbmig/sql_script.hpp"
#include "io/json_reader.hpp"

namespace dbmig {

namespace {

// Each string of the list may hold several statements: each runs as a statement of its own,
// so every one of them runs on every database and is numbered in progress and error reports.
Statements split_each(const std::vector<std::string>& scripts, std::string_view key,
                      Dialect dialect) {
  Statements statements;
  for (std::size_t i = 0; i < scripts.size(); ++i) {
    try {
      for (auto& statement : split_sql_script(scripts[i], dialect))
        statements.push_back(std::move(statement));
    } catch (const InputError& e) {
      throw InputError(std::string(key) + "[" + std::to_string(i) + "] " + e.what());
    }
  }
  return statements;
}

// "sql": "one statement" or ["several", "statements"].
std::vector<std::string> statements_at(const nlohmann::json& value, const std::string& path) {
  if (value.is_string()) return {value.get<std::string>()};
  return strings_at(value, path);
}

}  // namespace

// Custom SQL does not change the model state (as in Django without state_operations).
void RunSQL::apply(ProjectState& state, std::string_view app) const {
  (void)state;
  (void)app;
}

std::string RunSQL::describe() const {
  return "Raw SQL operation";
}

std::string RunSQL::name_fragment() const {
  return "run_sql";
}

void RunSQL::members_to_json(nlohmann::ordered_json& json) const {
  json["sql"] = sql;
  if (reverse_sql) json["reverse_sql"] = *reverse_sql;
}

OperationPtr RunSQL::from_json(JsonReader& reader) {
  auto forward = statements_at(reader.required("sql"), reader.path_of("sql"));
  std::optional<std::vector<std::string>> reverse;
  if (const auto* value = reader.optional("reverse_sql"))
    reverse = statements_at(*value, reader.path_of("reverse_sql"));
  return std::make_shared<RunSQL>(std::move(forward), std::move(reverse));
}

Statements RunSQL::forwards(const SchemaEditor& editor, std::string_view app,
                            const StateChange& change) const {
  (void)app;
  (void)change;
  return split_each(sql, "sql", editor.dialect());
}

Statements RunSQL::backwards(const SchemaEditor& editor, std::string_view app,
                             const StateChange& change) const {
  (void)change;
  if (!reverse_sql) {
    std::string first = sql.empty() ? "" : sql.front().substr(0, 60);
    throw InputError("RunSQL operation of app " + std::string(app) + " (\"" + first +
                     "\") cannot be reversed: it has no \"reverse_sql\"; add one to the "
                     "migration (an empty list [] when there is nothing to undo)");
  }
  return split_each(*reverse_sql, "reverse_sql", editor.dialect());
}

bool RunSQL::reversible() const {
  return reverse_sql.has_value();
}

bool RunSQL::references_model(const ModelKey& model, std::string_view app) const {
  (void)model;
  (void)app;
  return true;
}

}  // namespace dbmig
