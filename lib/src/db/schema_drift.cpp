// schema_differences: the expected tables (the applied migrations' models in their table view)
// against the tables a catalog reader found, object by object.
#include "dbmig/schema_drift.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "dbmig/state_json.hpp"

namespace dbmig {

namespace {

std::string describe_type(const Field& field) {
  std::string type(to_string(field.type));
  if (field.type == FieldType::string && field.max_length)
    return type + "(" + std::to_string(*field.max_length) + ")";
  if (field.type == FieldType::decimal)
    return type + "(" + std::to_string(field.precision) + ", " + std::to_string(field.scale) + ")";
  return type;
}

std::string describe_default(const std::optional<Literal>& value) {
  return value ? literal_to_json(*value).dump() : "none";
}

std::string describe_reference(const std::optional<Reference>& reference) {
  return reference ? reference->target.name : "none";
}

std::string yes_no(bool value) {
  return value ? "yes" : "no";
}

std::string describe_columns(const std::vector<std::string>& columns) {
  return "(" + join(columns) + ")";
}

// Collects the differences of one table.
class TableComparison {
 public:
  TableComparison(const Model& expected, const Model& found, const LiveSchema& live,
                  std::vector<SchemaDifference>& out)
      : expected_(expected), found_(found), live_(live), out_(out) {}

  void run() {
    compare_fields();
    compare_indexes();
    compare_constraints();
    if (expected_.comment != found_.comment)
      add("table comment", "comment", expected_.comment, found_.comment);
  }

 private:
  void add(std::string object, std::string kind, std::string expected, std::string found) {
    out_.push_back({expected_.table, std::move(object), std::move(kind), std::move(expected),
                    std::move(found)});
  }

  // A note the reader left about `object` of this table, if any.
  const SchemaNote* note_on(const std::string& object) const {
    auto found = std::find_if(live_.notes.begin(), live_.notes.end(), [&](const SchemaNote& note) {
      return note.table == expected_.table && note.object == object;
    });
    return found == live_.notes.end() ? nullptr : &*found;
  }

  void compare_fields() {
    for (const Field& field : expected_.fields) {
      std::string object = "column " + field.name;
      if (const Field* other = found_.find_field(field.name))
        compare_field(object, field, *other);
      else if (const SchemaNote* note = note_on(object))
        add(object, "unreadable", describe_type(field), note->note);
      else
        add(object, "missing", describe_type(field), "");
    }
    for (const Field& field : found_.fields)
      if (!expected_.find_field(field.name))
        add("column " + field.name, "extra", "", describe_type(field));
  }

  void compare_field(const std::string& object, const Field& e, const Field& f) {
    if (describe_type(e) != describe_type(f))
      add(object, "type", describe_type(e), describe_type(f));
    if (e.null != f.null) add(object, "null", yes_no(e.null), yes_no(f.null));
    if (e.default_value != f.default_value)
      add(object, "default", describe_default(e.default_value), describe_default(f.default_value));
    if (e.primary_key != f.primary_key)
      add(object, "primary key", yes_no(e.primary_key), yes_no(f.primary_key));
    if (e.auto_increment != f.auto_increment)
      add(object, "auto increment", yes_no(e.auto_increment), yes_no(f.auto_increment));
    bool same_target = describe_reference(e.references) == describe_reference(f.references);
    if (!same_target)
      add(object, "foreign key", describe_reference(e.references),
          describe_reference(f.references));
    else if (e.references && e.references->on_delete != f.references->on_delete)
      add(object, "on delete", std::string(to_string(e.references->on_delete)),
          std::string(to_string(f.references->on_delete)));
    if (e.unique != f.unique) add(object, "unique", yes_no(e.unique), yes_no(f.unique));
    if (e.index != f.index) add(object, "index", yes_no(e.index), yes_no(f.index));
    if (e.comment != f.comment) add(object, "comment", e.comment, f.comment);
  }

  void compare_indexes() {
    for (const Index& index : expected_.indexes) {
      const Index* other = found_.find_index(index.name);
      if (!other)
        add("index " + index.name, "missing", describe_columns(index.fields), "");
      else if (other->fields != index.fields)
        add("index " + index.name, "columns", describe_columns(index.fields),
            describe_columns(other->fields));
    }
    for (const Index& index : found_.indexes)
      if (!expected_.find_index(index.name))
        add("index " + index.name, "extra", "", describe_columns(index.fields));
  }

  static std::string describe_constraint(const Constraint& constraint) {
    return constraint.kind == ConstraintKind::check
               ? "check (" + constraint.check + ")"
               : "unique " + describe_columns(constraint.fields);
  }

  static bool same_constraint(const Constraint& a, const Constraint& b) {
    if (a.kind != b.kind) return false;
    return a.kind == ConstraintKind::check ? same_check_expression(a.check, b.check)
                                           : a.fields == b.fields;
  }

  void compare_constraints() {
    for (const Constraint& constraint : expected_.constraints) {
      std::string object = "constraint " + constraint.name;
      const Constraint* other = found_.find_constraint(constraint.name);
      if (!other)
        add(object, "missing", describe_constraint(constraint), "");
      else if (!same_constraint(constraint, *other))
        add(object, constraint.kind == ConstraintKind::check ? "check" : "columns",
            describe_constraint(constraint), describe_constraint(*other));
    }
    for (const Constraint& constraint : found_.constraints)
      if (!expected_.find_constraint(constraint.name))
        add("constraint " + constraint.name, "extra", "", describe_constraint(constraint));
  }

  const Model& expected_;
  const Model& found_;
  const LiveSchema& live_;
  std::vector<SchemaDifference>& out_;
};

}  // namespace

std::string SchemaDifference::describe() const {
  std::string line = table + ": ";
  if (!object.empty()) line += object + ": ";
  if (kind == "missing") return line + "missing" + (expected.empty() ? "" : " (" + expected + ")");
  if (kind == "extra") return line + "extra" + (found.empty() ? "" : " (" + found + ")");
  if (kind == "unreadable")
    return line + "cannot be compared (expected " + expected + "; " + found + ")";
  return line + kind + " differs (expected " + (expected.empty() ? "none" : expected) + ", found " +
         (found.empty() ? "none" : found) + ")";
}

std::vector<SchemaDifference> schema_differences(const ProjectState& expected,
                                                 const LiveSchema& live, Dialect dialect) {
  std::vector<SchemaDifference> differences;
  std::map<std::string, Model> expected_tables;
  for (const auto& [key, model] : expected.models)
    expected_tables.emplace(model.table, table_view(model, expected, dialect));
  for (const auto& [table, model] : expected_tables) {
    const Model* found = live.find(table);
    if (found) {
      TableComparison(model, *found, live, differences).run();
      continue;
    }
    auto note = std::find_if(live.notes.begin(), live.notes.end(),
                             [&](const SchemaNote& n) { return n.table == table; });
    if (note != live.notes.end())
      differences.push_back({table, "", "unreadable", "table", note->object + ": " + note->note});
    else
      differences.push_back({table, "", "missing", "", ""});
  }
  for (const Model& table : live.tables)
    if (!expected_tables.count(table.table))
      differences.push_back({table.table, "", "extra", "", ""});
  std::stable_sort(
      differences.begin(), differences.end(),
      [](const SchemaDifference& a, const SchemaDifference& b) { return a.table < b.table; });
  return differences;
}

std::vector<SchemaDifference> differences_in(const std::vector<SchemaDifference>& differences,
                                             const std::set<std::string>& tables) {
  std::vector<SchemaDifference> kept;
  for (const SchemaDifference& difference : differences)
    if (tables.count(difference.table)) kept.push_back(difference);
  return kept;
}

}  // namespace dbmig
