// RunSQL: statements written by hand, with optional reverse statements.
#include "dbmig/error.hpp"
#include "dbmig/operations.hpp"
#include "dbmig/sql_script.hpp"

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

}  // namespace

std::string_view RunSQL::kind() const {
  return "RunSQL";
}

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

nlohmann::ordered_json RunSQL::to_json() const {
  nlohmann::ordered_json json;
  json["op"] = kind();
  json["sql"] = sql;
  if (reverse_sql) json["reverse_sql"] = *reverse_sql;
  return json;
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

// Its SQL may touch anything, so nothing may be moved across it.
bool RunSQL::references_model(const ModelKey& model, std::string_view app) const {
  (void)model;
  (void)app;
  return true;
}

bool RunSQL::can_reduce_through(const Operation& other, std::string_view app) const {
  (void)other;
  (void)app;
  return false;
}

}  // namespace dbmig
