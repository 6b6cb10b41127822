#include "scanner/model_limits.hpp"

#include <cstdio>

#include "dbmig/schema_limits.hpp"
#include "scanner/reporter.hpp"

namespace dbmig::scanner {

namespace sl = schema_limits;

namespace {

const SourceLocation& location_of(const DeclaredModel& declared, const std::string& field) {
  for (const auto& declared_field : declared.fields)
    if (declared_field.name == field) return declared_field.location;
  return declared.location;
}

// "<what> "<name>" <problem>; choose another <option>", or nothing when it is accepted.
void check_name(const Reporter& report, const std::string& what, const std::string& name,
                const std::string& option) {
  std::string problem = sl::identifier_problem(name);
  if (!problem.empty())
    report.error(what + " \"" + printable(name) + "\" " + problem + "; choose another " + option);
}

void check_text(const Reporter& report, const std::string& what, const std::string& text) {
  std::string problem = sl::text_problem(text);
  if (!problem.empty()) report.error(what + " \"" + printable(text) + "\" " + problem);
}

std::vector<const Field*> fields_of(const Model& model, const std::vector<std::string>& names) {
  std::vector<const Field*> fields;
  for (const auto& name : names)
    if (const Field* field = model.find_field(name)) fields.push_back(field);
  return fields;
}

void check_mysql_index(const Reporter& report, const std::string& what,
                       const std::vector<const Field*>& fields) {
  std::string problem = sl::mysql_index_problem(fields);
  if (!problem.empty()) report.error(what + ": " + problem);
}

void check_field(const Reporter& report, const Field& field) {
  check_name(report, "column", field.column_name(), "name with DBMIG_FIELD(column = \"...\")");
  for (const auto& problem : {sl::column_type_problem(field), sl::default_problem(field)})
    if (!problem.empty()) report.error(problem);
  check_text(report, "comment", field.comment);
  if (field.unique || field.index || field.primary_key) {
    std::string what = field.primary_key ? "primary key" : field.unique ? "unique" : "index";
    check_mysql_index(report, what, {&field});
  }
}

void check_constraint(const Reporter& report, const Model& model, const Constraint& constraint) {
  check_name(report, "constraint name", constraint.name, "name = \"...\"");
  if (constraint.kind == ConstraintKind::unique) {
    check_mysql_index(report, "unique_together(...)", fields_of(model, constraint.fields));
    return;
  }
  std::string problem = sl::check_expression_problem(model, constraint.check);
  if (!problem.empty()) report.error(problem);
}

}  // namespace

std::string printable(const std::string& text) {
  if (sl::text_problem(text).empty()) return text;
  std::string result;
  for (unsigned char c : text) {
    if (c >= 0x20 && c < 0x7F) {
      result += static_cast<char>(c);
      continue;
    }
    char escaped[5];
    std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
    result += escaped;
  }
  return result;
}

void check_model_limits(const DeclaredModel& declared, const Model& model,
                        std::vector<std::string>& problems) {
  std::string subject = "model " + declared.cpp_name;
  Reporter at_model(problems, declared.annotation.location, subject);
  check_name(at_model, "table", model.table, "table = \"...\"");
  check_text(at_model, "comment", model.comment);
  for (const auto& field : model.fields)
    check_field(
        Reporter(problems, location_of(declared, field.name), subject + ", field " + field.name),
        field);
  for (const auto& index : model.indexes) {
    check_name(at_model, "index name", index.name, "name = \"...\"");
    check_mysql_index(at_model, "index(...)", fields_of(model, index.fields));
  }
  for (const auto& constraint : model.constraints) check_constraint(at_model, model, constraint);
}

}  // namespace dbmig::scanner
