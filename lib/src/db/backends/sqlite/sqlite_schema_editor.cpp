#include "db/backends/sqlite/sqlite_schema_editor.hpp"

#include <algorithm>

#include "dbmig/error.hpp"
#include "dbmig/sql_script.hpp"

namespace dbmig::schema {

namespace {

// Whether a model-level index or constraint names `field`; SQLite cannot drop such a column.
bool used_by_model_objects(const Model& model, const std::string& field) {
  auto names = [&](const std::vector<std::string>& fields) {
    return std::find(fields.begin(), fields.end(), field) != fields.end();
  };
  return std::any_of(model.indexes.begin(), model.indexes.end(),
                     [&](const Index& index) { return names(index.fields); }) ||
         std::any_of(model.constraints.begin(), model.constraints.end(),
                     [&](const Constraint& constraint) {
                       return constraint.kind == ConstraintKind::check || names(constraint.fields);
                     });
}

// Equal apart from the names and the comment (which SQLite does not keep): at most a rename,
// and of a column whose foreign key and check names (kept only in the table's SQL) do not
// change with it.
bool only_renamed(Field old_field, const Field& new_field) {
  if (old_field.references) return false;
  old_field.name = new_field.name;
  old_field.column = new_field.column;
  old_field.comment = new_field.comment;
  return old_field == new_field;
}

// Checks live only in the table's SQL: adding or dropping one rebuilds the table.
bool is_check(const Model& model, std::string_view constraint_name) {
  const Constraint* constraint = model.find_constraint(constraint_name);
  return constraint && constraint->kind == ConstraintKind::check;
}

TableCosts rebuild_cost(bool rebuilds, const Model& model) {
  if (!rebuilds) return {};
  return {{TableCost::Kind::rebuild, model.table}};
}

}  // namespace

std::string SqliteSchemaEditor::quote_name(std::string_view identifier) const {
  return double_quoted(identifier);
}

std::string SqliteSchemaEditor::quote_bool(bool value) const {
  return value ? "1" : "0";
}

// Declared types only choose SQLite's type affinity; they are still written the usual way so
// the schema reads well.
std::string SqliteSchemaEditor::column_type(const Field& field) const {
  switch (field.type) {
    case FieldType::boolean:
      return "BOOLEAN";
    case FieldType::float32:
      return "FLOAT";  // REAL affinity too; the spelling tells the two apart when read back
    case FieldType::float64:
      return "REAL";
    case FieldType::string:
      return field.max_length ? "VARCHAR(" + std::to_string(*field.max_length) + ")" : "TEXT";
    case FieldType::bytes:
      return "BLOB";
    case FieldType::timestamp:
      return "DATETIME";
    case FieldType::date:
      return "DATE";
    case FieldType::decimal:
      return "DECIMAL(" + std::to_string(field.precision) + ", " + std::to_string(field.scale) +
             ")";
    default:
      return "INTEGER";  // every integral type: SQLite integers are 64-bit (see range_check)
  }
}

// The rowid alias: auto-incrementing without AUTOINCREMENT's extra bookkeeping table.
std::string SqliteSchemaEditor::auto_increment_definition(const Field& field, bool with_key) const {
  (void)field, (void)with_key;
  return "INTEGER NOT NULL PRIMARY KEY";
}

// Every integer column is 64-bit: a check keeps a narrower type's values in its range (and
// tells the types apart when the schema is read back).
std::optional<std::string> SqliteSchemaEditor::range_check(const Field& field) const {
  return integer_range(quote_name(field.column_name()), field.type);
}

// Foreign keys are enforced, so the migration's own SQL behaves as the application's does (a
// RunSQL DELETE cascades), unless it drops a table, which a rebuild does: with enforcement on,
// DROP TABLE deletes the rows first, and the ON DELETE actions of the tables referencing it
// would delete or change their rows too. The integrity check catches what enforcement would.
Statements SqliteSchemaEditor::before_migration(const Statements& migration) const {
  bool drops_table = std::any_of(migration.begin(), migration.end(), [](const std::string& sql) {
    return leading_keywords(sql, Dialect::sqlite, 2) == std::vector<std::string>{"DROP", "TABLE"};
  });
  return {drops_table ? "PRAGMA foreign_keys = OFF" : "PRAGMA foreign_keys = ON"};
}

Statements SqliteSchemaEditor::after_migration() const {
  return {"PRAGMA foreign_keys = ON"};
}

std::optional<std::string> SqliteSchemaEditor::integrity_check() const {
  return "PRAGMA foreign_key_check";
}

Statements SqliteSchemaEditor::rename_index_sql(const Model& model, std::string_view old_name,
                                                std::string_view new_name,
                                                const std::vector<std::string>& columns,
                                                bool unique) const {
  return {drop_index_sql(model.table, old_name),
          create_index_sql(model.table, new_name, columns, unique)};
}

std::string SqliteSchemaEditor::drop_unique_sql(std::string_view table,
                                                std::string_view name) const {
  return drop_index_sql(table, name);
}

// Only a rename reaches here (alter_field rebuilds for everything else, NULLs to fill too).
Statements SqliteSchemaEditor::alter_column(const FieldInState& before, const FieldInState& after,
                                            const std::optional<Literal>& fill_value) const {
  (void)fill_value;
  if (before.field.column_name() == after.field.column_name()) return {};
  return {"ALTER TABLE " + quote_name(after.model.table) + " RENAME COLUMN " +
          quote_name(before.field.column_name()) + " TO " + quote_name(after.field.column_name())};
}

// SQLite keeps a value as it is in a column of any declared type (it enforces no length,
// precision or scale), except that REAL affinity turns an integer into a float, losing the
// digits of one beyond 2^53: that is the one change it refuses.
std::string SqliteSchemaEditor::converted_value(const std::string& expression, const Field& from,
                                                const Field& to) const {
  (void)from;
  bool real = to.type == FieldType::float32 || to.type == FieldType::float64;
  return real ? "CAST(" + expression + " AS REAL)" : expression;
}

// Raising needs a trigger or a constraint in SQLite: a temporary table whose CHECK, named by
// the message, fails when a row matches.
Statements SqliteSchemaEditor::refuse_rows(std::string_view table, const std::string& condition,
                                           const std::string& message) const {
  std::string refusal = quote_name("dbmig_refusal");
  return {"CREATE TEMP TABLE " + refusal + " (matching INTEGER CONSTRAINT " + quote_name(message) +
              " CHECK (matching = 0))",
          "INSERT INTO " + refusal + " SELECT COUNT(*) FROM " + quote_name(table) + " WHERE " +
              condition,
          "DROP TABLE " + refusal};
}

Statements SqliteSchemaEditor::rebuild(const StateChange& change, const Model& before_model,
                                       const Model& after_model,
                                       const std::map<std::string, std::string>& sources) const {
  std::string table = after_model.table;
  std::string new_table = "new__" + table;
  std::vector<std::string> columns, values;
  for (const auto& field : after_model.fields) {
    auto source = sources.find(field.name);
    const Field* old_field = before_model.find_field(field.name);
    if (source == sources.end() && !old_field) continue;
    columns.push_back(quote_name(field.column_name()));
    values.push_back(source != sources.end() ? source->second
                                             : quote_name(old_field->column_name()));
  }
  Statements statements{create_table(change.after, after_model, new_table)};
  if (!columns.empty())
    statements.push_back("INSERT INTO " + quote_name(new_table) + " (" + join(columns) +
                         ") SELECT " + join(values) + " FROM " + quote_name(before_model.table));
  statements.push_back("DROP TABLE " + quote_name(before_model.table));
  statements.push_back(rename_table(new_table, table));
  for (auto& index : create_indexes(after_model)) statements.push_back(std::move(index));
  return statements;
}

// ALTER TABLE RENAME updates the references of other tables; the rebuild that follows renews
// the foreign key and check names, which SQLite keeps only in the table's SQL.
bool SqliteSchemaEditor::rename_model_rebuilds(const Model& old_model,
                                               const Model& new_model) const {
  bool has_named_constraints =
      std::any_of(new_model.fields.begin(), new_model.fields.end(),
                  [&](const Field& field) { return field.references || range_check(field); }) ||
      !new_model.constraints.empty();
  return old_model.table != new_model.table && has_named_constraints;
}

Statements SqliteSchemaEditor::rename_model(const StateChange& change, const ModelKey& old_key,
                                            const ModelKey& new_key) const {
  const Model& old_model = change.before.get(old_key);
  const Model& new_model = change.after.get(new_key);
  if (!rename_model_rebuilds(old_model, new_model))
    return BaseSchemaEditor::rename_model(change, old_key, new_key);
  Statements statements{rename_table(old_model.table, new_model.table)};
  for (auto& statement : rebuild(change, new_model, new_model))
    statements.push_back(std::move(statement));
  return statements;
}

// ALTER TABLE ADD COLUMN takes neither keys nor a NOT NULL column without a default. (With a
// fill value, AddField passes it here as a default and removes it with alter_field.)
bool SqliteSchemaEditor::add_field_rebuilds(const Field& field) const {
  bool needs_value = !field.null && !field.default_value;
  return field.primary_key || field.references || needs_value;
}

Statements SqliteSchemaEditor::add_field(const StateChange& change, const ModelKey& key,
                                         std::string_view name) const {
  const Model& model = change.after.get(key);
  if (!add_field_rebuilds(field_of(model, name)))
    return BaseSchemaEditor::add_field(change, key, name);
  return rebuild(change, change.before.get(key), model);
}

bool SqliteSchemaEditor::remove_field_rebuilds(const Model& model, const Field& field) const {
  return field.primary_key || field.references || range_check(field) ||
         used_by_model_objects(model, field.name);
}

Statements SqliteSchemaEditor::remove_field(const StateChange& change, const ModelKey& key,
                                            std::string_view name) const {
  const Model& model = change.before.get(key);
  const Field& field = field_of(model, name);
  if (remove_field_rebuilds(model, field)) return rebuild(change, model, change.after.get(key));
  Statements statements;
  for (const auto& object : field_objects(change.before, model, field))
    for (auto& drop : drop_field_object({change.before, model, field}, object))
      statements.push_back(std::move(drop));
  statements.push_back("ALTER TABLE " + quote_name(model.table) + " DROP COLUMN " +
                       quote_name(field.column_name()));
  return statements;
}

bool SqliteSchemaEditor::alter_field_rebuilds(const Field& old_field,
                                              const Field& new_field) const {
  return !only_renamed(old_field, new_field) || range_check(old_field);
}

Statements SqliteSchemaEditor::alter_field(const StateChange& change, const ModelKey& key,
                                           std::string_view old_name, std::string_view new_name,
                                           const std::optional<Literal>& fill_value) const {
  const Model& before_model = change.before.get(key);
  const Model& after_model = change.after.get(key);
  const Field& old_field = field_of(before_model, old_name);
  const Field& new_field = field_of(after_model, new_name);
  if (!alter_field_rebuilds(old_field, new_field))
    return BaseSchemaEditor::alter_field(change, key, old_name, new_name, fill_value);
  std::string source = quote_name(old_field.column_name());
  if (auto value = null_replacement(old_field, new_field, fill_value))
    source = "COALESCE(" + source + ", " + quote_value(*value) + ")";
  Statements statements = refuse_changed_values({change.before, before_model, old_field},
                                                {change.after, after_model, new_field});
  for (auto& statement : rebuild(change, before_model, after_model, {{new_field.name, source}}))
    statements.push_back(std::move(statement));
  return statements;
}

Statements SqliteSchemaEditor::add_constraint(const StateChange& change, const ModelKey& key,
                                              std::string_view name) const {
  const Model& model = change.after.get(key);
  if (is_check(model, name)) return rebuild(change, change.before.get(key), model);
  return BaseSchemaEditor::add_constraint(change, key, name);
}

Statements SqliteSchemaEditor::remove_constraint(const StateChange& change, const ModelKey& key,
                                                 std::string_view name) const {
  const Model& model = change.before.get(key);
  if (is_check(model, name)) return rebuild(change, model, change.after.get(key));
  return BaseSchemaEditor::remove_constraint(change, key, name);
}

TableCosts SqliteSchemaEditor::add_field_costs(const StateChange& change, const ModelKey& key,
                                               std::string_view name) const {
  const Model& model = change.after.get(key);
  return rebuild_cost(add_field_rebuilds(field_of(model, name)), model);
}

TableCosts SqliteSchemaEditor::remove_field_costs(const StateChange& change, const ModelKey& key,
                                                  std::string_view name) const {
  const Model& model = change.before.get(key);
  return rebuild_cost(remove_field_rebuilds(model, field_of(model, name)), model);
}

TableCosts SqliteSchemaEditor::alter_field_costs(const StateChange& change, const ModelKey& key,
                                                 std::string_view old_name,
                                                 std::string_view new_name) const {
  const Model& model = change.before.get(key);
  return rebuild_cost(
      alter_field_rebuilds(field_of(model, old_name), field_of(change.after.get(key), new_name)),
      model);
}

TableCosts SqliteSchemaEditor::rename_model_costs(const StateChange& change,
                                                  const ModelKey& old_key,
                                                  const ModelKey& new_key) const {
  const Model& new_model = change.after.get(new_key);
  return rebuild_cost(rename_model_rebuilds(change.before.get(old_key), new_model), new_model);
}

TableCosts SqliteSchemaEditor::add_constraint_costs(const StateChange& change, const ModelKey& key,
                                                    std::string_view name) const {
  const Model& model = change.after.get(key);
  return rebuild_cost(is_check(model, name), model);
}

TableCosts SqliteSchemaEditor::remove_constraint_costs(const StateChange& change,
                                                       const ModelKey& key,
                                                       std::string_view name) const {
  const Model& model = change.before.get(key);
  return rebuild_cost(is_check(model, name), model);
}

}  // namespace dbmig::schema
