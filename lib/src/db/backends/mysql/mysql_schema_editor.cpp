#include "db/backends/mysql/mysql_schema_editor.hpp"

#include "dbmig/error.hpp"

namespace dbmig::schema {

std::string MysqlSchemaEditor::quote_name(std::string_view identifier) const {
  check_identifier_length(identifier, 64, "MySQL");
  std::string quoted = "`";
  for (char c : identifier) {
    if (c == '`') quoted += '`';
    quoted += c;
  }
  return quoted + "`";
}

// Backslash is an escape character in MySQL strings (unless NO_BACKSLASH_ESCAPES is set,
// which dbmig does not support), so it is doubled along with the quote.
std::string MysqlSchemaEditor::quote_string(std::string_view text) const {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') quoted += c;
    quoted += c;
  }
  return quoted + "'";
}

// The online form of the statements dbmig writes for the operations that have one: ALTER TABLE
// takes the clauses after a comma, CREATE INDEX after its columns; the UPDATE filling NULLs and
// the compound statement refusing rows take none.
std::string MysqlSchemaEditor::without_blocking(std::string statement) const {
  if (statement.starts_with("ALTER TABLE ")) return statement + ", ALGORITHM=INPLACE, LOCK=NONE";
  if (statement.starts_with("CREATE INDEX ") || statement.starts_with("CREATE UNIQUE INDEX "))
    return statement + " ALGORITHM=INPLACE LOCK=NONE";
  return statement;
}

// InnoDB adds a foreign key in place only with foreign_key_checks off (which would leave the
// existing rows unchecked) and a check only by copying the table: refused before anything runs,
// rather than by the server after the operation's earlier statements.
Statements MysqlSchemaEditor::add_checked_constraint(std::string_view table, std::string_view name,
                                                     std::string_view definition) const {
  if (online_)
    throw InputError("MySQL/MariaDB cannot add the foreign key or check " + std::string(name) +
                     " to " + std::string(table) +
                     " without copying the table or blocking its writers; remove \"online\" "
                     "from this operation to add it with the table locked");
  return BaseSchemaEditor::add_checked_constraint(table, name, definition);
}

std::string MysqlSchemaEditor::column_type(const Field& field) const {
  switch (field.type) {
    case FieldType::boolean:
      return "BOOLEAN";
    case FieldType::int8:
      return "TINYINT";
    case FieldType::int16:
      return "SMALLINT";
    case FieldType::int32:
      return "INT";
    case FieldType::int64:
      return "BIGINT";
    case FieldType::uint8:
      return "TINYINT UNSIGNED";
    case FieldType::uint16:
      return "SMALLINT UNSIGNED";
    case FieldType::uint32:
      return "INT UNSIGNED";
    case FieldType::uint64:
      return "BIGINT UNSIGNED";
    case FieldType::float32:
      return "FLOAT";
    case FieldType::float64:
      return "DOUBLE";
    case FieldType::string:
      return field.max_length ? "VARCHAR(" + std::to_string(*field.max_length) + ")" : "LONGTEXT";
    case FieldType::bytes:
      return "LONGBLOB";
    // DATETIME, not TIMESTAMP: no session time zone conversion and no 2038 limit; dbmig
    // stores UTC instants.
    case FieldType::timestamp:
      return "DATETIME(6)";
    case FieldType::date:
      return "DATE";
    case FieldType::decimal:
      break;
  }
  return "DECIMAL(" + std::to_string(field.precision) + ", " + std::to_string(field.scale) + ")";
}

std::string MysqlSchemaEditor::auto_increment_definition(const Field& field, bool with_key) const {
  return column_type(field) + " NOT NULL AUTO_INCREMENT" + (with_key ? " PRIMARY KEY" : "");
}

std::string MysqlSchemaEditor::column_comment_clause(const Field& field) const {
  return field.comment.empty() ? "" : " COMMENT " + quote_string(field.comment);
}

std::string MysqlSchemaEditor::table_options(const Model& model) const {
  return model.comment.empty() ? "" : " COMMENT = " + quote_string(model.comment);
}

// A new table takes its comment in table_options().
Statements MysqlSchemaEditor::comment_on_table(const Model& model, const Model* old_model) const {
  if (!old_model || old_model->comment == model.comment) return {};
  return {"ALTER TABLE " + quote_name(model.table) + " COMMENT = " + quote_string(model.comment)};
}

std::string MysqlSchemaEditor::index_column(const Model& model, const Field& field) const {
  bool unbounded =
      (field.type == FieldType::string && !field.max_length) || field.type == FieldType::bytes;
  if (unbounded)
    throw InputError("MySQL cannot index or make unique " + model.app + "." + model.name + "." +
                     field.name + " (" + column_type(field) +
                     "): give the field a max_length, or drop the index or unique option");
  return quote_name(field.column_name());
}

std::string MysqlSchemaEditor::on_delete_sql(OnDelete action) const {
  if (action == OnDelete::set_default)
    throw InputError(
        "MySQL/MariaDB (InnoDB) does not support ON DELETE SET DEFAULT; use set_null, cascade, "
        "restrict or no_action");
  return BaseSchemaEditor::on_delete_sql(action);
}

// Online, the ALTER TABLE form: MariaDB's DROP INDEX takes no ALGORITHM or LOCK clause.
std::string MysqlSchemaEditor::drop_index_sql(std::string_view table, std::string_view name) const {
  if (online_) return drop_unique_sql(table, name);
  return "DROP INDEX " + quote_name(name) + " ON " + quote_name(table);
}

std::string MysqlSchemaEditor::drop_unique_sql(std::string_view table,
                                               std::string_view name) const {
  return "ALTER TABLE " + quote_name(table) + " DROP INDEX " + quote_name(name);
}

std::string MysqlSchemaEditor::drop_foreign_key_sql(std::string_view table,
                                                    std::string_view name) const {
  return "ALTER TABLE " + quote_name(table) + " DROP FOREIGN KEY " + quote_name(name);
}

Statements MysqlSchemaEditor::rename_index_sql(const Model& model, std::string_view old_name,
                                               std::string_view new_name,
                                               const std::vector<std::string>& columns,
                                               bool unique) const {
  (void)columns, (void)unique;
  return {"ALTER TABLE " + quote_name(model.table) + " RENAME INDEX " + quote_name(old_name) +
          " TO " + quote_name(new_name)};
}

// InnoDB makes a foreign key use an index on its column, creating one named after the key when
// the field has none. So whether the field is indexed is part of the key's identity: changing
// it re-creates the key (dropping the index a key uses is refused).
std::vector<FieldObject> MysqlSchemaEditor::field_objects(const ProjectState& state,
                                                          const Model& model,
                                                          const Field& field) const {
  auto objects = BaseSchemaEditor::field_objects(state, model, field);
  bool indexed = field.index || field.unique || field.primary_key;
  for (auto& object : objects)
    if (object.kind == FieldObject::Kind::foreign_key)
      object.identity += indexed ? " indexed" : " unindexed";
  return objects;
}

Statements MysqlSchemaEditor::drop_field_object(const FieldInState& where,
                                                const FieldObject& object) const {
  Statements statements = BaseSchemaEditor::drop_field_object(where, object);
  bool indexed = where.field.index || where.field.unique || where.field.primary_key;
  // The index InnoDB created for an unindexed field's key outlives the key otherwise.
  if (object.kind == FieldObject::Kind::foreign_key && !indexed)
    statements.push_back(drop_unique_sql(where.model.table, object.name));
  return statements;
}

// Foreign keys and checks cannot be renamed: they are dropped and created under the new name.
Statements MysqlSchemaEditor::rename_field_object(const FieldInState& where,
                                                  const FieldObject& old_object,
                                                  const FieldObject& new_object) const {
  if (old_object.kind == FieldObject::Kind::index || old_object.kind == FieldObject::Kind::unique)
    return rename_index_sql(where.model, old_object.name, new_object.name, {}, false);
  Statements statements = drop_field_object(where, old_object);
  for (auto& statement : create_field_object(where, new_object))
    statements.push_back(std::move(statement));
  return statements;
}

// Between types of one CAST type nothing converts (MariaDB's BOOLEAN is a TINYINT and keeps
// any integer it holds).
std::string MysqlSchemaEditor::converted_value(const std::string& expression, const Field& from,
                                               const Field& to) const {
  std::string type = cast_type(to);
  return type == cast_type(from) ? expression : "CAST(" + expression + " AS " + type + ")";
}

// MySQL's CAST knows fewer types than its columns: integers are SIGNED or UNSIGNED (a boolean
// is a TINYINT), text CHAR and bytes BINARY.
std::string MysqlSchemaEditor::cast_type(const Field& field) const {
  switch (field.type) {
    case FieldType::boolean:
    case FieldType::int8:
    case FieldType::int16:
    case FieldType::int32:
    case FieldType::int64:
      return "SIGNED";
    case FieldType::uint8:
    case FieldType::uint16:
    case FieldType::uint32:
    case FieldType::uint64:
      return "UNSIGNED";
    case FieldType::string:
      return "CHAR";
    case FieldType::bytes:
      return "BINARY";
    default:
      return column_type(field);
  }
}

// A MariaDB compound statement, which runs outside stored programs too (MySQL has none).
Statements MysqlSchemaEditor::refuse_rows(std::string_view table, const std::string& condition,
                                          const std::string& message) const {
  return {"BEGIN NOT ATOMIC IF EXISTS (SELECT 1 FROM " + quote_name(table) + " WHERE " + condition +
          ") THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = " + quote_string(message) +
          "; END IF; END"};
}

// Each statement commits on MySQL, so NULLs are filled only once the new type has been
// accepted: when the type changes too, the column first takes it still allowing NULL (where
// a value that does not fit is refused with nothing changed), then its NULLs are filled, then
// it becomes NOT NULL.
Statements MysqlSchemaEditor::alter_column(const FieldInState& before, const FieldInState& after,
                                           const std::optional<Literal>& fill_value) const {
  const std::string& old_column = before.field.column_name();
  const std::string& new_column = after.field.column_name();
  Field old_under_new_name = before.field;
  old_under_new_name.column = new_column;
  std::string definition = column_definition(after.model, after.field, false);
  if (old_column == new_column &&
      column_definition(before.model, old_under_new_name, false) == definition)
    return {};
  Statements fill = fill_nulls(before, after, new_column, fill_value);
  if (fill.empty() || column_type(before.field) == column_type(after.field)) {
    Statements statements = fill_nulls(before, after, old_column, fill_value);
    statements.push_back(change_column(after.model, old_column, after.field));
    return statements;
  }
  Field still_nullable = after.field;
  still_nullable.null = true;
  Statements statements{change_column(after.model, old_column, still_nullable)};
  statements.insert(statements.end(), fill.begin(), fill.end());
  statements.push_back(change_column(after.model, new_column, after.field));
  return statements;
}

// `ALTER TABLE … CHANGE old <definition>`, or `MODIFY <definition>` when the name stays.
std::string MysqlSchemaEditor::change_column(const Model& model, const std::string& old_column,
                                             const Field& field) const {
  std::string definition = column_definition(model, field, false);
  std::string alter = "ALTER TABLE " + quote_name(model.table);
  if (old_column == field.column_name()) return alter + " MODIFY " + definition;
  return alter + " CHANGE " + quote_name(old_column) + " " + definition;
}

// What InnoDB (MariaDB 10.11) can do without copying the table, as tests/db/lint_verdicts_test.cpp
// proves on the server: ADD and DROP COLUMN, a rename, a new default or comment, and a longer
// VARCHAR are INSTANT; NULL <-> NOT NULL rebuilds INPLACE; any other type change copies.
TableCosts MysqlSchemaEditor::column_change_costs(const FieldInState& before,
                                                  const FieldInState& after) const {
  const Field& old_field = before.field;
  const Field& new_field = after.field;
  std::string old_type = column_type(old_field);
  std::string new_type = column_type(new_field);
  bool longer_varchar = old_field.type == FieldType::string &&
                        new_field.type == FieldType::string && old_field.max_length &&
                        new_field.max_length && *new_field.max_length >= *old_field.max_length;
  TableCosts costs;
  if (old_type != new_type && !longer_varchar)
    costs.push_back({TableCost::Kind::copy, old_type + " to " + new_type});
  if (old_field.null != new_field.null)
    costs.push_back({TableCost::Kind::inplace, new_field.null ? "NULL" : "NOT NULL"});
  return costs;
}

// Indexes and uniques are built INPLACE; a foreign key (with foreign_key_checks on) and a check
// are added by copying the table.
TableCosts MysqlSchemaEditor::create_object_costs(const FieldObject& object) const {
  bool copies =
      object.kind == FieldObject::Kind::foreign_key || object.kind == FieldObject::Kind::check;
  return {{copies ? TableCost::Kind::copy : TableCost::Kind::inplace, object.name}};
}

// Dropping an index is INPLACE, a foreign key or check INSTANT; the index InnoDB made for an
// unindexed field's key goes with the key (see drop_field_object).
TableCosts MysqlSchemaEditor::drop_object_costs(const FieldObject& object) const {
  bool drops_index =
      object.kind == FieldObject::Kind::index || object.kind == FieldObject::Kind::unique ||
      (object.kind == FieldObject::Kind::foreign_key && object.identity.ends_with(" unindexed"));
  if (!drops_index) return {};
  return {{TableCost::Kind::inplace, object.name}};
}

// Indexes are renamed INSTANT; foreign keys and checks are dropped and created again.
TableCosts MysqlSchemaEditor::rename_object_costs(const FieldObject& old_object,
                                                  const FieldObject& new_object) const {
  if (old_object.kind == FieldObject::Kind::index || old_object.kind == FieldObject::Kind::unique)
    return {};
  TableCosts costs = drop_object_costs(old_object);
  for (auto& cost : create_object_costs(new_object)) costs.push_back(std::move(cost));
  return costs;
}

}  // namespace dbmig::schema
