#include "db/backends/base_schema_editor.hpp"

#include <charconv>
#include <cmath>

#include "dbmig/error.hpp"
#include "dbmig/naming.hpp"

namespace dbmig::schema {

void check_identifier_length(std::string_view identifier, std::size_t limit,
                             std::string_view database) {
  if (identifier.size() <= limit) return;
  throw InputError("the name " + std::string(identifier) + " is " +
                   std::to_string(identifier.size()) + " bytes long; " + std::string(database) +
                   " allows " + std::to_string(limit) +
                   ": give the table, column, index or constraint a shorter name");
}

std::string double_quoted(std::string_view identifier) {
  std::string quoted = "\"";
  for (char c : identifier) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::optional<std::string> integer_range(const std::string& quoted_column, FieldType type) {
  switch (type) {
    case FieldType::int8:
      return quoted_column + " BETWEEN -128 AND 127";
    case FieldType::int16:
      return quoted_column + " BETWEEN -32768 AND 32767";
    case FieldType::int32:
      return quoted_column + " BETWEEN -2147483648 AND 2147483647";
    case FieldType::uint8:
      return quoted_column + " BETWEEN 0 AND 255";
    case FieldType::uint16:
      return quoted_column + " BETWEEN 0 AND 65535";
    case FieldType::uint32:
      return quoted_column + " BETWEEN 0 AND 4294967295";
    case FieldType::uint64:
      return quoted_column + " >= 0";
    default:
      return std::nullopt;
  }
}

bool is_number(FieldType type) {
  return is_integral(type) || type == FieldType::float32 || type == FieldType::float64 ||
         type == FieldType::decimal;
}

namespace {

// DECIMAL(65, 30): the widest decimal every database has (MySQL's maximum precision and scale).
Field widest_decimal() {
  Field field;
  field.type = FieldType::decimal;
  field.precision = 65;
  field.scale = 30;
  return field;
}

}  // namespace

bool can_round(const Field& from, const Field& to) {
  if (from.type == to.type) return to.type == FieldType::decimal && to.scale < from.scale;
  bool is_float = from.type == FieldType::float32 || from.type == FieldType::float64;
  bool fractional = is_float || (from.type == FieldType::decimal && from.scale > 0);
  switch (to.type) {
    case FieldType::decimal:
      return is_float || from.type == FieldType::string ||
             (from.type == FieldType::decimal && from.scale > to.scale);
    case FieldType::float32:
    case FieldType::float64:
      return is_number(from.type) && from.type != FieldType::float32;
    case FieldType::date:
      return from.type == FieldType::timestamp;
    case FieldType::boolean:
      return is_number(from.type);
    default:
      return is_integral(to.type) && fractional;
  }
}

const Field& field_of(const Model& model, std::string_view name) {
  if (const Field* field = model.find_field(name)) return *field;
  throw InputError("field " + std::string(name) + " does not exist on model " + model.app + "." +
                   model.name + " in the project state");
}

const FieldObject* find_kind(const std::vector<FieldObject>& objects, FieldObject::Kind kind) {
  for (const auto& object : objects)
    if (object.kind == kind) return &object;
  return nullptr;
}

namespace {

// The shortest text that reads back as the same double, so output is deterministic.
std::string format_double(double value) {
  if (!std::isfinite(value))
    throw InputError("a default of " + std::to_string(value) +
                     " cannot be written as SQL; use a finite number");
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

const Field& referenced_key(const ProjectState& state, const Model& model, const Field& field) {
  const Model& target = state.get(field.references->target);
  if (const Field* key = target.primary_key()) return *key;
  throw InputError("field " + model.app + "." + model.name + "." + field.name + " references " +
                   target.app + "." + target.name + ", which has no primary key");
}

}  // namespace

// --- values ---

std::string BaseSchemaEditor::quote_bool(bool value) const {
  return value ? "TRUE" : "FALSE";
}

std::string BaseSchemaEditor::quote_string(std::string_view text) const {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') quoted += '\'';
    quoted += c;
  }
  return quoted + "'";
}

std::string BaseSchemaEditor::quote_value(const Literal& value) const {
  return std::visit(
      [this](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>)
          return quote_bool(v);
        else if constexpr (std::is_same_v<T, double>)
          return format_double(v);
        else if constexpr (std::is_same_v<T, std::string>)
          return quote_string(v);
        else
          return std::to_string(v);
      },
      value);
}

// --- columns ---

std::optional<std::string> BaseSchemaEditor::range_check(const Field& field) const {
  (void)field;
  return std::nullopt;
}

std::string BaseSchemaEditor::index_column(const Model& model, const Field& field) const {
  (void)model;
  return quote_name(field.column_name());
}

std::string BaseSchemaEditor::column_comment_clause(const Field& field) const {
  (void)field;
  return "";
}

std::string BaseSchemaEditor::table_options(const Model& model) const {
  (void)model;
  return "";
}

Statements BaseSchemaEditor::comment_on_table(const Model& model, const Model* old_model) const {
  (void)model, (void)old_model;
  return {};
}

Statements BaseSchemaEditor::comment_on_column(const Model& model, const Field* old_field,
                                               const Field& field) const {
  (void)model, (void)old_field, (void)field;
  return {};
}

std::string BaseSchemaEditor::default_clause(const std::optional<Literal>& value) const {
  return value ? " DEFAULT " + quote_value(*value) : "";
}

std::string BaseSchemaEditor::column_definition(const Model& model, const Field& field,
                                                bool with_key) const {
  std::string definition = quote_name(field.column_name()) + " ";
  if (field.primary_key && field.auto_increment) {
    definition += auto_increment_definition(field, with_key);
  } else {
    definition += column_type(field);
    if (!field.null || field.primary_key) definition += " NOT NULL";
    definition += default_clause(field.default_value);
    if (field.primary_key && with_key) definition += " PRIMARY KEY";
  }
  if (auto check = range_check(field))
    definition += " " + check_definition(
                            constraint_name(model.table, {field.column_name()}, "check"), *check);
  return definition + column_comment_clause(field);
}

// --- tables ---

std::string BaseSchemaEditor::create_table(const ProjectState& state, const Model& model,
                                           std::string_view table) const {
  std::vector<std::string> parts;
  for (const auto& field : model.fields) parts.push_back(column_definition(model, field));
  for (auto& constraint : table_constraints(state, model)) parts.push_back(std::move(constraint));
  return "CREATE TABLE " + quote_name(table) + " (" + join(parts) + ")" + table_options(model);
}

std::vector<std::string> BaseSchemaEditor::table_constraints(const ProjectState& state,
                                                             const Model& model) const {
  std::vector<std::string> constraints;
  for (const auto& field : model.fields) {
    for (const auto& object : field_objects(state, model, field)) {
      if (object.kind == FieldObject::Kind::unique && !uniques_are_indexes())
        constraints.push_back(unique_definition(object.name, {index_column(model, field)}));
      if (object.kind == FieldObject::Kind::foreign_key)
        constraints.push_back(foreign_key_definition(state, model, field));
    }
  }
  for (const auto& constraint : model.constraints) {
    if (constraint.kind == ConstraintKind::check)
      constraints.push_back(check_definition(constraint.name, constraint.check));
    else if (!uniques_are_indexes())
      constraints.push_back(
          unique_definition(constraint.name, index_columns(model, constraint.fields)));
  }
  return constraints;
}

Statements BaseSchemaEditor::create_indexes(const Model& model) const {
  Statements statements;
  for (const auto& field : model.fields) {
    if (field.primary_key) continue;
    if (field.unique && uniques_are_indexes())
      statements.push_back(
          create_index_sql(model.table, constraint_name(model.table, {field.column_name()}, "uniq"),
                           {index_column(model, field)}, true));
    else if (field.index && !field.unique)
      statements.push_back(
          create_index_sql(model.table, constraint_name(model.table, {field.column_name()}, "idx"),
                           {index_column(model, field)}, false));
  }
  for (const auto& index : model.indexes)
    statements.push_back(
        create_index_sql(model.table, index.name, index_columns(model, index.fields), false));
  if (uniques_are_indexes())
    for (const auto& constraint : model.constraints)
      if (constraint.kind == ConstraintKind::unique)
        statements.push_back(create_index_sql(model.table, constraint.name,
                                              index_columns(model, constraint.fields), true));
  return statements;
}

std::string BaseSchemaEditor::rename_table(std::string_view from, std::string_view to) const {
  return "ALTER TABLE " + quote_name(from) + " RENAME TO " + quote_name(to);
}

// --- indexes and constraints ---

std::string BaseSchemaEditor::create_index_sql(std::string_view table, std::string_view name,
                                               const std::vector<std::string>& columns, bool unique,
                                               std::string_view how) const {
  return std::string(unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") +
         (how.empty() ? "" : std::string(how) + " ") + quote_name(name) + " ON " +
         quote_name(table) + " (" + join(columns) + ")";
}

Statements BaseSchemaEditor::create_index(std::string_view table, std::string_view name,
                                          const std::vector<std::string>& columns,
                                          bool unique) const {
  return {create_index_sql(table, name, columns, unique)};
}

Statements BaseSchemaEditor::add_unique(std::string_view table, std::string_view name,
                                        const std::vector<std::string>& columns) const {
  if (uniques_are_indexes()) return create_index(table, name, columns, true);
  return {add_constraint_sql(table, unique_definition(name, columns))};
}

Statements BaseSchemaEditor::add_checked_constraint(std::string_view table, std::string_view name,
                                                    std::string_view definition) const {
  (void)name;
  return {add_constraint_sql(table, definition)};
}

std::string BaseSchemaEditor::add_column_sql(std::string_view table,
                                             std::string_view definition) const {
  return "ALTER TABLE " + quote_name(table) + " ADD COLUMN " + std::string(definition);
}

Statements BaseSchemaEditor::online_form(Statements statements) const {
  if (online_)
    for (auto& statement : statements) statement = without_blocking(std::move(statement));
  return statements;
}

std::string BaseSchemaEditor::drop_index_sql(std::string_view table, std::string_view name) const {
  (void)table;
  return "DROP INDEX " + quote_name(name);
}

std::string BaseSchemaEditor::unique_definition(std::string_view name,
                                                const std::vector<std::string>& columns) const {
  return "CONSTRAINT " + quote_name(name) + " UNIQUE (" + join(columns) + ")";
}

std::string BaseSchemaEditor::check_definition(std::string_view name,
                                               std::string_view expression) const {
  return "CONSTRAINT " + quote_name(name) + " CHECK (" + std::string(expression) + ")";
}

std::string BaseSchemaEditor::on_delete_sql(OnDelete action) const {
  switch (action) {
    case OnDelete::cascade:
      return "CASCADE";
    case OnDelete::restrict:
      return "RESTRICT";
    case OnDelete::set_null:
      return "SET NULL";
    case OnDelete::set_default:
      return "SET DEFAULT";
    case OnDelete::no_action:
      break;
  }
  return "NO ACTION";
}

std::string BaseSchemaEditor::foreign_key_definition(const ProjectState& state, const Model& model,
                                                     const Field& field) const {
  const Model& target = state.get(field.references->target);
  const Field& key = referenced_key(state, model, field);
  return "CONSTRAINT " + quote_name(constraint_name(model.table, {field.column_name()}, "fk")) +
         " FOREIGN KEY (" + quote_name(field.column_name()) + ") REFERENCES " +
         quote_name(target.table) + " (" + quote_name(key.column_name()) + ") ON DELETE " +
         on_delete_sql(field.references->on_delete);
}

std::string BaseSchemaEditor::drop_unique_sql(std::string_view table, std::string_view name) const {
  return drop_constraint_sql(table, name);
}

std::string BaseSchemaEditor::drop_foreign_key_sql(std::string_view table,
                                                   std::string_view name) const {
  return drop_constraint_sql(table, name);
}

std::string BaseSchemaEditor::drop_constraint_sql(std::string_view table,
                                                  std::string_view name) const {
  return "ALTER TABLE " + quote_name(table) + " DROP CONSTRAINT " + quote_name(name);
}

std::string BaseSchemaEditor::rename_constraint_sql(std::string_view table,
                                                    std::string_view old_name,
                                                    std::string_view new_name) const {
  return "ALTER TABLE " + quote_name(table) + " RENAME CONSTRAINT " + quote_name(old_name) +
         " TO " + quote_name(new_name);
}

std::string BaseSchemaEditor::add_constraint_sql(std::string_view table,
                                                 std::string_view definition) const {
  return "ALTER TABLE " + quote_name(table) + " ADD " + std::string(definition);
}

std::vector<std::string> BaseSchemaEditor::index_columns(
    const Model& model, const std::vector<std::string>& fields) const {
  std::vector<std::string> columns;
  for (const auto& name : fields) columns.push_back(index_column(model, field_of(model, name)));
  return columns;
}

// --- field objects ---

std::vector<FieldObject> BaseSchemaEditor::field_objects(const ProjectState& state,
                                                         const Model& model,
                                                         const Field& field) const {
  using Kind = FieldObject::Kind;
  const std::string& column = field.column_name();
  std::vector<FieldObject> objects;
  if (field.references) {
    const Model& target = state.get(field.references->target);
    std::string identity = target.table + "." + referenced_key(state, model, field).column_name() +
                           " " + std::string(to_string(field.references->on_delete)) + " " +
                           column_type(field);
    objects.push_back({Kind::foreign_key, constraint_name(model.table, {column}, "fk"), identity});
  }
  if (field.index && !field.unique && !field.primary_key)
    objects.push_back({Kind::index, constraint_name(model.table, {column}, "idx"), ""});
  if (field.unique && !field.primary_key)
    objects.push_back({Kind::unique, constraint_name(model.table, {column}, "uniq"), ""});
  if (auto check = range_check(field))
    objects.push_back({Kind::check, constraint_name(model.table, {column}, "check"),
                       std::string(to_string(field.type))});
  return objects;
}

Statements BaseSchemaEditor::create_field_object(const FieldInState& where,
                                                 const FieldObject& object) const {
  const std::string& table = where.model.table;
  std::vector<std::string> column{index_column(where.model, where.field)};
  switch (object.kind) {
    case FieldObject::Kind::index:
      return create_index(table, object.name, column, false);
    case FieldObject::Kind::unique:
      return add_unique(table, object.name, column);
    case FieldObject::Kind::foreign_key:
      return add_checked_constraint(table, object.name,
                                    foreign_key_definition(where.state, where.model, where.field));
    case FieldObject::Kind::check:
      break;
  }
  return add_checked_constraint(table, object.name,
                                check_definition(object.name, *range_check(where.field)));
}

Statements BaseSchemaEditor::drop_field_object(const FieldInState& where,
                                               const FieldObject& object) const {
  const Model& model = where.model;
  switch (object.kind) {
    case FieldObject::Kind::index:
      return {drop_index_sql(model.table, object.name)};
    case FieldObject::Kind::unique:
      return {drop_unique_sql(model.table, object.name)};
    case FieldObject::Kind::foreign_key:
      return {drop_foreign_key_sql(model.table, object.name)};
    case FieldObject::Kind::check:
      break;
  }
  return {drop_constraint_sql(model.table, object.name)};
}

Statements BaseSchemaEditor::rename_field_object(const FieldInState& where,
                                                 const FieldObject& old_object,
                                                 const FieldObject& new_object) const {
  bool is_index = old_object.kind == FieldObject::Kind::index ||
                  (old_object.kind == FieldObject::Kind::unique && uniques_are_indexes());
  if (is_index)
    return rename_index_sql(where.model, old_object.name, new_object.name,
                            {index_column(where.model, where.field)},
                            old_object.kind == FieldObject::Kind::unique);
  return {rename_constraint_sql(where.model.table, old_object.name, new_object.name)};
}

Statements BaseSchemaEditor::drop_changed_objects(const FieldInState& before,
                                                  const FieldInState& after) const {
  Statements statements;
  auto wanted = field_objects(after.state, after.model, after.field);
  for (const auto& object : field_objects(before.state, before.model, before.field)) {
    const FieldObject* kept = find_kind(wanted, object.kind);
    if (!kept || kept->identity != object.identity)
      append(statements, drop_field_object(before, object));
  }
  return statements;
}

Statements BaseSchemaEditor::create_changed_objects(const FieldInState& before,
                                                    const FieldInState& after) const {
  Statements statements;
  auto existing = field_objects(before.state, before.model, before.field);
  for (const auto& object : field_objects(after.state, after.model, after.field)) {
    const FieldObject* old = find_kind(existing, object.kind);
    if (!old || old->identity != object.identity)
      append(statements, create_field_object(after, object));
    else if (old->name != object.name)
      append(statements, rename_field_object(after, *old, object));
  }
  return statements;
}

Statements BaseSchemaEditor::rename_objects(const FieldInState& before,
                                            const FieldInState& after) const {
  Statements statements;
  auto existing = field_objects(before.state, before.model, before.field);
  for (const auto& object : field_objects(after.state, after.model, after.field)) {
    const FieldObject* old = find_kind(existing, object.kind);
    if (old && old->name != object.name)
      append(statements, rename_field_object(after, *old, object));
  }
  return statements;
}

Statements BaseSchemaEditor::refuse_changed_values(const FieldInState& before,
                                                   const FieldInState& after) const {
  if (!can_round(before.field, after.field)) return {};
  std::string column = quote_name(before.field.column_name());
  std::string converted = converted_value(column, before.field, after.field);
  if (converted == column) return {};  // the database keeps the values as they are
  // Text has no one spelling of a number ('1.5', '1.50'): both sides are compared as the widest
  // decimal rather than as text. (MariaDB 10.11 finds no row for `CAST(t AS DECIMAL(5, 2)) <>
  // CAST(t AS DECIMAL(65, 30))` in a WHERE clause although the expression is true for it, so
  // the converted value is widened too.)
  bool from_text = before.field.type == FieldType::string;
  std::string original =
      from_text ? converted_value(column, before.field, widest_decimal()) : column;
  std::string result =
      converted_value(converted, after.field, from_text ? widest_decimal() : before.field);
  return refuse_rows(before.model.table, result + " <> " + original,
                     before.model.table + "." + before.field.column_name() +
                         ": changing the column to " + column_type(after.field) +
                         " would round or change stored values; update those rows first");
}

Statements BaseSchemaEditor::fill_nulls(const FieldInState& before, const FieldInState& after,
                                        std::string_view column,
                                        const std::optional<Literal>& fill_value) const {
  auto value = null_replacement(before.field, after.field, fill_value);
  if (!value) return {};
  return {"UPDATE " + quote_name(after.model.table) + " SET " + quote_name(column) + " = " +
          quote_value(*value) + " WHERE " + quote_name(column) + " IS NULL"};
}

// --- operations ---

Statements BaseSchemaEditor::create_model(const StateChange& change, const ModelKey& key) const {
  const Model& model = change.after.get(key);
  Statements statements{create_table(change.after, model, model.table)};
  append(statements, comment_on_table(model, nullptr));
  for (const auto& field : model.fields)
    append(statements, comment_on_column(model, nullptr, field));
  append(statements, create_indexes(model));
  return statements;
}

Statements BaseSchemaEditor::delete_model(const StateChange& change, const ModelKey& key) const {
  return {"DROP TABLE " + quote_name(change.before.get(key).table)};
}

Statements BaseSchemaEditor::alter_model_comment(const StateChange& change,
                                                 const ModelKey& model) const {
  return comment_on_table(change.after.get(model), &change.before.get(model));
}

Statements BaseSchemaEditor::rename_model(const StateChange& change, const ModelKey& old_key,
                                          const ModelKey& new_key) const {
  const Model& old_model = change.before.get(old_key);
  const Model& new_model = change.after.get(new_key);
  if (old_model.table == new_model.table) return {};
  Statements statements{rename_table(old_model.table, new_model.table)};
  for (const auto& field : new_model.fields)
    if (const Field* old_field = old_model.find_field(field.name))
      append(statements, rename_objects({change.before, old_model, *old_field},
                                        {change.after, new_model, field}));
  return statements;
}

Statements BaseSchemaEditor::add_field(const StateChange& change, const ModelKey& key,
                                       std::string_view name) const {
  const Model& model = change.after.get(key);
  const Field& field = field_of(model, name);
  Statements statements{add_column_sql(model.table, column_definition(model, field))};
  append(statements, comment_on_column(model, nullptr, field));
  for (const auto& object : field_objects(change.after, model, field))
    if (object.kind != FieldObject::Kind::check)
      append(statements, create_field_object({change.after, model, field}, object));
  return online_form(std::move(statements));
}

Statements BaseSchemaEditor::remove_field(const StateChange& change, const ModelKey& key,
                                          std::string_view name) const {
  const Model& model = change.before.get(key);
  const Field& field = field_of(model, name);
  Statements statements;
  // MySQL refuses to drop a column its foreign key uses; dropping the key first suits all.
  for (const auto& object : field_objects(change.before, model, field))
    if (object.kind == FieldObject::Kind::foreign_key)
      append(statements, drop_field_object({change.before, model, field}, object));
  statements.push_back("ALTER TABLE " + quote_name(model.table) + " DROP COLUMN " +
                       quote_name(field.column_name()));
  return online_form(std::move(statements));
}

Statements BaseSchemaEditor::alter_field(const StateChange& change, const ModelKey& key,
                                         std::string_view old_name, std::string_view new_name,
                                         const std::optional<Literal>& fill_value) const {
  const Model& before_model = change.before.get(key);
  const Model& after_model = change.after.get(key);
  FieldInState before{change.before, before_model, field_of(before_model, old_name)};
  FieldInState after{change.after, after_model, field_of(after_model, new_name)};
  if (before.field.primary_key != after.field.primary_key)
    throw InputError("changing whether " + key.str() + "." + std::string(new_name) +
                     " is the primary key is not supported; create a new model and copy the "
                     "rows with RunSQL");
  // First: on MySQL each statement commits, so a refusal must come before any change.
  Statements statements = refuse_changed_values(before, after);
  append(statements, drop_changed_objects(before, after));
  append(statements, alter_column(before, after, fill_value));
  append(statements, comment_on_column(after.model, &before.field, after.field));
  append(statements, create_changed_objects(before, after));
  return online_form(std::move(statements));
}

Statements BaseSchemaEditor::add_index(const StateChange& change, const ModelKey& key,
                                       std::string_view name) const {
  const Model& model = change.after.get(key);
  const Index* index = model.find_index(name);
  if (!index)
    throw InputError("index " + std::string(name) + " does not exist on model " + key.str());
  return online_form(
      create_index(model.table, index->name, index_columns(model, index->fields), false));
}

Statements BaseSchemaEditor::remove_index(const StateChange& change, const ModelKey& key,
                                          std::string_view name) const {
  return online_form({drop_index_sql(change.before.get(key).table, name)});
}

Statements BaseSchemaEditor::add_constraint(const StateChange& change, const ModelKey& key,
                                            std::string_view name) const {
  const Model& model = change.after.get(key);
  const Constraint* constraint = model.find_constraint(name);
  if (!constraint)
    throw InputError("constraint " + std::string(name) + " does not exist on model " + key.str());
  if (constraint->kind == ConstraintKind::check)
    return online_form(
        add_checked_constraint(model.table, name, check_definition(name, constraint->check)));
  return online_form(add_unique(model.table, name, index_columns(model, constraint->fields)));
}

Statements BaseSchemaEditor::remove_constraint(const StateChange& change, const ModelKey& key,
                                               std::string_view name) const {
  const Model& model = change.before.get(key);
  const Constraint* constraint = model.find_constraint(name);
  if (!constraint)
    throw InputError("constraint " + std::string(name) + " does not exist on model " + key.str());
  if (constraint->kind == ConstraintKind::check)
    return online_form({drop_constraint_sql(model.table, name)});
  return online_form({drop_unique_sql(model.table, name)});
}

}  // namespace dbmig::schema

namespace dbmig {

std::optional<Literal> null_replacement(const Field& from, const Field& to,
                                        const std::optional<Literal>& fill_value) {
  if (!from.null || to.null) return std::nullopt;
  return fill_value ? fill_value : to.default_value;
}

}  // namespace dbmig
