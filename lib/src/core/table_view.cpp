// table_view: a model as the catalog readers read its table back, and the rules the readers
// share to build one (dbmig/live_schema.hpp). Pure.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "core/table_view.hpp"

#include "core/text.hpp"
#include "dbmig/literal_text.hpp"
#include "dbmig/naming.hpp"

namespace dbmig {

namespace {

// The field of `model` stored in `column`.
Field* field_in_column(Model& model, std::string_view column) {
  auto found = std::find_if(model.fields.begin(), model.fields.end(),
                            [&](const Field& field) { return field.name == column; });
  return found == model.fields.end() ? nullptr : &*found;
}

// The field as its column reads back: named by the column, referencing the target's table,
// with only the index and unique the database holds (a unique column or a primary key needs no
// index of its own).
Field column_view(const Field& field, const ProjectState& state, Dialect dialect) {
  Field column = field;
  column.default_value = comparable_default(field, dialect);
  column.name = field.column_name();
  column.column.clear();
  if (field.references) {
    const Model* target = state.find(field.references->target);
    column.references->target = {"", target ? target->table : field.references->target.name};
  }
  column.unique = field.unique && !field.primary_key;
  column.index = field.index && !field.primary_key;
  if (dialect == Dialect::sqlite) column.comment.clear();
  return column;
}

std::vector<std::string> columns_of(const Model& model, const std::vector<std::string>& fields) {
  std::vector<std::string> columns;
  for (const std::string& name : fields) {
    const Field* field = model.find_field(name);
    columns.push_back(field ? field->column_name() : name);
  }
  return columns;
}

}  // namespace

std::optional<Literal> comparable_default(const Field& field, Dialect dialect) {
  if (!field.default_value) return std::nullopt;
  if (field.type == FieldType::decimal) return Literal{decimal_text(*field.default_value)};
  const double* number = std::get_if<double>(&*field.default_value);
  if (number && field.type == FieldType::float32 && dialect == Dialect::mysql) {
    char printed[32];
    std::snprintf(printed, sizeof printed, "%.6g", *number);
    return Literal{std::strtod(printed, nullptr)};
  }
  return field.default_value;
}

void place_index(Model& table, std::string name, std::vector<std::string> columns, bool unique) {
  Field* field = columns.size() == 1 ? field_in_column(table, columns.front()) : nullptr;
  if (field && !field->primary_key &&
      name == constraint_name(table.table, columns, unique ? "uniq" : "idx")) {
    (unique ? field->unique : field->index) = true;
    return;
  }
  if (unique)
    table.constraints.push_back({std::move(name), ConstraintKind::unique, std::move(columns), ""});
  else
    table.indexes.push_back({std::move(name), std::move(columns)});
}

void leave_out_repeated_indexes(Model& table, std::vector<SchemaNote>& notes) {
  std::set<std::vector<std::string>> indexed, unique;
  for (const Field& field : table.fields) {
    if (field.primary_key || field.unique) unique.insert({field.name});
    if (field.primary_key || field.unique || field.index) indexed.insert({field.name});
  }
  auto repeated = [&](std::set<std::vector<std::string>>& seen, const std::string& kind,
                      const std::string& name, const std::vector<std::string>& columns) {
    if (seen.insert(columns).second) return false;
    notes.push_back({table.table, kind + " " + name,
                     "repeats the " + kind + " over (" + join(columns) +
                         ") another index or the column itself has: a dbmig model has one per "
                         "column set; left out"});
    return true;
  };
  std::erase_if(table.indexes, [&](const Index& index) {
    return repeated(indexed, "index", index.name, index.fields);
  });
  std::erase_if(table.constraints, [&](const Constraint& constraint) {
    return constraint.kind == ConstraintKind::unique &&
           repeated(unique, "unique constraint", constraint.name, constraint.fields);
  });
}

void sort_by_name(Model& table) {
  auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
  std::sort(table.indexes.begin(), table.indexes.end(), by_name);
  std::sort(table.constraints.begin(), table.constraints.end(), by_name);
}

const Model* LiveSchema::find(std::string_view table) const {
  auto found = std::find_if(tables.begin(), tables.end(),
                            [&](const Model& model) { return model.table == table; });
  return found == tables.end() ? nullptr : &*found;
}

Model table_view(const Model& model, const ProjectState& state, Dialect dialect) {
  Model table;
  table.name = table.table = model.table;
  if (dialect != Dialect::sqlite) table.comment = model.comment;
  for (const Field& field : model.fields)
    table.fields.push_back(column_view(field, state, dialect));
  for (const Index& index : model.indexes)
    place_index(table, index.name, columns_of(model, index.fields), false);
  for (const Constraint& constraint : model.constraints) {
    if (constraint.kind == ConstraintKind::unique)
      place_index(table, constraint.name, columns_of(model, constraint.fields), true);
    else
      table.constraints.push_back(constraint);
  }
  // A unique column needs no index of its own: the database holds none beside the unique one.
  for (Field& field : table.fields)
    if (field.unique) field.index = false;
  sort_by_name(table);
  return table;
}

}  // namespace dbmig
