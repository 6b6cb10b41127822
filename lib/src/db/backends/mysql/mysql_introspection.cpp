// MySQL's and MariaDB's catalog: information_schema, read back into the table view of
// dbmig/live_schema.hpp. One bulk query per kind of object over the whole database (never one
// per table), so a database of a thousand tables reads in a few queries. The inverse of
// mysql_schema_editor.cpp: a column reads as a dbmig field only when dbmig would have written
// exactly its type; everything else is a note (docs/inspectdb.md, "MySQL and MariaDB").
#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "core/table_view.hpp"
#include "core/text.hpp"
#include "db/backends/mysql/mysql_backend.hpp"
#include "dbmig/questioner.hpp"
#include "dbmig/recorder.hpp"

namespace dbmig::backends {

namespace {

using Row = std::vector<std::optional<std::string>>;

std::string text(const Row& row, std::size_t column) {
  return row.at(column).value_or("");
}

// What has been read so far. A table left out stays here until the end, so that references to
// it and the notes about its parts can tell.
struct Reading {
  std::map<std::string, Model> tables;
  std::set<std::string> left_out_tables;
  std::map<std::string, std::set<std::string>> left_out_columns;  // by table
  std::vector<SchemaNote> notes;

  void note(const std::string& table, std::string object, std::string why) {
    notes.push_back({table, std::move(object), std::move(why)});
  }
  void leave_out_table(const std::string& table, std::string why) {
    left_out_tables.insert(table);
    note(table, "table " + table, std::move(why) + "; left out");
  }
  bool column_left_out(const std::string& table, const std::string& column) const {
    auto found = left_out_columns.find(table);
    return found != left_out_columns.end() && found->second.contains(column);
  }
  Model* find(const std::string& table) {
    auto found = tables.find(table);
    return found == tables.end() ? nullptr : &found->second;
  }
};

// --- tables ---

void read_tables(Reading& reading, const CatalogQuery& query) {
  auto result = query(
      "SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COMMENT FROM information_schema.TABLES "
      "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME",
      {});
  for (const Row& row : result.rows) {
    std::string name = text(row, 0), type = text(row, 1), engine = text(row, 2);
    if (is_dbmig_table(name)) continue;
    if (type == "VIEW") {
      reading.note(name, "view " + name, "a view: no dbmig model; left out");
      continue;
    }
    if (type != "BASE TABLE") {
      reading.note(name, "table " + name, "table type " + type + ": no dbmig model; left out");
      continue;
    }
    if (engine != "InnoDB")
      reading.note(name, "table " + name,
                   "engine " + engine +
                       ": dbmig creates InnoDB tables (foreign keys, transactions); read as if "
                       "InnoDB");
    Model& table = reading.tables[name];
    table.name = table.table = name;
    table.comment = text(row, 3);
  }
}

void read_triggers(Reading& reading, const CatalogQuery& query) {
  auto result = query(
      "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS WHERE "
      "TRIGGER_SCHEMA = DATABASE() ORDER BY TRIGGER_NAME",
      {});
  for (const Row& row : result.rows)
    reading.note(text(row, 0), "trigger " + text(row, 0),
                 "a trigger on table " + text(row, 1) + ": no dbmig model; left out");
}

// --- columns ---

// Reads the digits of `text` as a whole; nullopt for anything else.
std::optional<int> whole_number(std::string_view text) {
  int number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return number;
}

// The inside of `name(...)` when `type` is spelled that way.
std::optional<std::string_view> arguments_of(std::string_view type, std::string_view name) {
  if (!type.starts_with(name) || !type.ends_with(")") || type.size() < name.size() + 2 ||
      type[name.size()] != '(')
    return std::nullopt;
  return type.substr(name.size() + 1, type.size() - name.size() - 2);
}

// The field whose column type dbmig writes as `column_type` (mysql_schema_editor.cpp's
// column_type, as MariaDB prints it back); nullopt for any other type.
std::optional<Field> field_of_type(std::string_view column_type) {
  static const std::map<std::string_view, FieldType> fixed = {
      {"tinyint(1)", FieldType::boolean},
      {"tinyint(4)", FieldType::int8},
      {"smallint(6)", FieldType::int16},
      {"int(11)", FieldType::int32},
      {"bigint(20)", FieldType::int64},
      {"tinyint(3) unsigned", FieldType::uint8},
      {"smallint(5) unsigned", FieldType::uint16},
      {"int(10) unsigned", FieldType::uint32},
      {"bigint(20) unsigned", FieldType::uint64},
      {"float", FieldType::float32},
      {"double", FieldType::float64},
      {"longtext", FieldType::string},
      {"longblob", FieldType::bytes},
      {"datetime(6)", FieldType::timestamp},
      {"date", FieldType::date},
  };
  Field field;
  if (auto found = fixed.find(column_type); found != fixed.end()) {
    field.type = found->second;
    return field;
  }
  if (auto length = arguments_of(column_type, "varchar")) {
    field.type = FieldType::string;
    field.max_length = whole_number(*length);
    if (field.max_length) return field;
  }
  if (auto digits = arguments_of(column_type, "decimal")) {
    auto comma = digits->find(',');
    if (comma == std::string_view::npos) return std::nullopt;
    auto precision = whole_number(digits->substr(0, comma));
    auto scale = whole_number(digits->substr(comma + 1));
    if (!precision || !scale) return std::nullopt;
    field.type = FieldType::decimal;
    field.precision = *precision;
    field.scale = *scale;
    return field;
  }
  return std::nullopt;
}

char unescaped(char escaped) {
  switch (escaped) {
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case '0':
      return '\0';
    case 'b':
      return '\b';
    case 'Z':
      return '\x1a';
    default:
      return escaped;
  }
}

// The value of a string literal as MariaDB prints a default back ('it''s', a backslash
// doubled, a newline as \n); nullopt when `printed` is not exactly one such literal (an
// expression such as concat('a', 'b')).
std::optional<std::string> string_literal(std::string_view printed) {
  if (printed.size() < 2 || printed.front() != '\'' || printed.back() != '\'') return std::nullopt;
  std::string value;
  for (std::size_t i = 1; i + 1 < printed.size(); ++i) {
    char c = printed[i];
    if (c == '\'' || c == '\\') {
      if (i + 2 >= printed.size() || (c == '\'' && printed[i + 1] != '\'')) return std::nullopt;
      c = c == '\'' ? '\'' : unescaped(printed[i + 1]);
      ++i;
    }
    value += c;
  }
  return value;
}

// A decimal number as MariaDB prints a DECIMAL default: -12.50.
bool is_decimal_number(std::string_view printed) {
  if (printed.starts_with('-')) printed.remove_prefix(1);
  auto point = printed.find('.');
  auto digits = [](std::string_view part) {
    return !part.empty() &&
           std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  return digits(printed.substr(0, point)) &&
         (point == std::string_view::npos || digits(printed.substr(point + 1)));
}

// The default MariaDB prints back (COLUMN_DEFAULT) as the literal dbmig wrote for `field`
// (BaseSchemaEditor::default_clause); nullopt for an expression or a value dbmig does not
// write for that type.
std::optional<Literal> literal_default(const std::string& printed, const Field& field) {
  switch (field.type) {
    case FieldType::string:
      if (auto value = string_literal(printed)) return Literal{*value};
      return std::nullopt;
    case FieldType::bytes:
    case FieldType::timestamp:
    case FieldType::date:
      return std::nullopt;  // dbmig writes no default for these
    case FieldType::decimal:
      if (!is_decimal_number(printed)) return std::nullopt;
      [[fallthrough]];
    default:
      return parse_literal(printed, field);
  }
}

// The column attributes of EXTRA that dbmig writes no such thing for, each a note; whether
// the column is generated (and so left out).
bool note_extra(Reading& reading, const std::string& table, const std::string& column,
                const std::string& extra, Field& field) {
  std::string object = "column " + column;
  if (extra.empty() || extra == "DEFAULT_GENERATED") return false;
  if (extra == "auto_increment") {
    field.auto_increment = true;  // kept for the primary key only, see read_primary_keys
    return false;
  }
  if (extra.ends_with("GENERATED")) {
    reading.note(table, object,
                 "a generated column (" + extra + "): dbmig has no computed fields; left out");
    return true;
  }
  reading.note(table, object, extra + ": dbmig writes no such column attribute; read without it");
  return false;
}

// `printed`: COLUMN_DEFAULT, where MariaDB prints no default as the text NULL.
void read_default(Reading& reading, const std::string& table,
                  const std::optional<std::string>& printed, Field& field) {
  if (!printed || *printed == "NULL") return;
  field.default_value = literal_default(*printed, field);
  if (!field.default_value)
    reading.note(table, "column " + field.name,
                 "default " + *printed + ": not a literal dbmig writes for a " +
                     std::string(to_string(field.type)) + " column; read without the default");
}

struct Check {
  std::string table, name, clause, level;
};

// MariaDB's JSON is a LONGTEXT with a column check json_valid(`column`) named by the column.
bool is_json_check(const Check& check) {
  return check.level == "Column" && check.clause == "json_valid(`" + check.name + "`)";
}

std::vector<Check> query_checks(const CatalogQuery& query) {
  auto result = query(
      "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL FROM "
      "information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY "
      "TABLE_NAME, CONSTRAINT_NAME",
      {});
  std::vector<Check> checks;
  for (const Row& row : result.rows)
    checks.push_back({text(row, 0), text(row, 1), text(row, 2), text(row, 3)});
  return checks;
}

using TableAndName = std::pair<std::string, std::string>;

// The (table, column) of MariaDB's JSON columns.
std::set<TableAndName> json_columns(const std::vector<Check>& checks) {
  std::set<TableAndName> columns;
  for (const Check& check : checks)
    if (is_json_check(check)) columns.insert({check.table, check.name});
  return columns;
}

void read_columns(Reading& reading, const CatalogQuery& query, const std::set<TableAndName>& json) {
  auto result = query(
      "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, "
      "COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY "
      "TABLE_NAME, ORDINAL_POSITION",
      {});
  for (const Row& row : result.rows) {
    std::string table_name = text(row, 0), column = text(row, 1), type = text(row, 2);
    Model* table = reading.find(table_name);
    if (!table) continue;  // a view's column
    std::optional<Field> field = field_of_type(type);
    if (json.contains({table_name, column})) {
      field.reset();
      type = "json";
    }
    if (!field) {
      reading.left_out_columns[table_name].insert(column);
      reading.note(table_name, "column " + column,
                   "type " + type + ": no dbmig field type; left out");
      continue;
    }
    field->name = column;
    field->null = text(row, 3) == "YES";
    field->comment = text(row, 6);
    if (note_extra(reading, table_name, column, text(row, 5), *field)) {
      reading.left_out_columns[table_name].insert(column);
      continue;
    }
    read_default(reading, table_name, row.at(4), *field);
    table->fields.push_back(std::move(*field));
  }
}

// --- indexes and keys ---

struct IndexRead {
  std::string table, name;
  bool unique = false;
  std::vector<std::string> columns;
  std::string problem;  // why dbmig cannot write it, when it cannot
};

// Why the index row's column is one dbmig does not write, or "".
std::string index_column_problem(const Row& row) {
  std::string type = text(row, 5);
  if (type != "BTREE") return "a " + type + " index: dbmig writes BTREE indexes";
  if (!row.at(3)) return "an expression index: dbmig indexes columns";
  if (row.at(4))
    return "a prefix index (" + text(row, 3) + "(" + text(row, 4) +
           ")): dbmig indexes whole columns";
  if (text(row, 6) == "D") return "descending on " + text(row, 3) + ": dbmig indexes ascending";
  return "";
}

std::vector<IndexRead> query_indexes(const CatalogQuery& query) {
  auto result = query(
      "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE, COLLATION "
      "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY BINARY "
      "TABLE_NAME, BINARY INDEX_NAME, SEQ_IN_INDEX",
      {});
  std::vector<IndexRead> indexes;
  for (const Row& row : result.rows) {
    if (indexes.empty() || indexes.back().table != text(row, 0) ||
        indexes.back().name != text(row, 1))
      indexes.push_back({text(row, 0), text(row, 1), text(row, 2) == "0", {}, ""});
    IndexRead& index = indexes.back();
    index.columns.push_back(text(row, 3));
    if (index.problem.empty()) index.problem = index_column_problem(row);
  }
  return indexes;
}

struct ForeignKey {
  std::string table, name;
  std::vector<std::string> columns;
  bool same_schema = true;
  std::string target_table;
  std::vector<std::string> target_columns;
  std::string delete_rule;
};

// The ON DELETE rule of each foreign key, by table and name. (Queried apart from the key
// columns: MariaDB joins information_schema tables row by row, a second per few hundred keys.)
std::map<std::pair<std::string, std::string>, std::string> query_delete_rules(
    const CatalogQuery& query) {
  auto result = query(
      "SELECT TABLE_NAME, CONSTRAINT_NAME, DELETE_RULE FROM "
      "information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()",
      {});
  std::map<std::pair<std::string, std::string>, std::string> rules;
  for (const Row& row : result.rows) rules[{text(row, 0), text(row, 1)}] = text(row, 2);
  return rules;
}

std::vector<ForeignKey> query_foreign_keys(const CatalogQuery& query) {
  auto rules = query_delete_rules(query);
  auto result = query(
      "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_SCHEMA = TABLE_SCHEMA, "
      "REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE "
      "WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY BINARY "
      "TABLE_NAME, BINARY CONSTRAINT_NAME, ORDINAL_POSITION",
      {});
  std::vector<ForeignKey> keys;
  for (const Row& row : result.rows) {
    std::string table = text(row, 0), name = text(row, 1);
    if (keys.empty() || keys.back().table != table || keys.back().name != name)
      keys.push_back(
          {table, name, {}, text(row, 3) == "1", text(row, 4), {}, rules[{table, name}]});
    keys.back().columns.push_back(text(row, 2));
    keys.back().target_columns.push_back(text(row, 5));
  }
  return keys;
}

// Every table keeps exactly one primary key column, a field read, or is left out.
void read_primary_keys(Reading& reading, const std::vector<IndexRead>& indexes) {
  std::map<std::string, const IndexRead*> primary_keys;
  for (const IndexRead& index : indexes)
    if (index.name == "PRIMARY") primary_keys[index.table] = &index;
  for (auto& [name, table] : reading.tables) {
    auto found = primary_keys.find(name);
    if (found == primary_keys.end()) {
      reading.leave_out_table(name, "no primary key: every dbmig model has exactly one");
      continue;
    }
    const auto& columns = found->second->columns;
    if (columns.size() > 1) {
      reading.leave_out_table(name, "composite primary key (" + join(columns) +
                                        "): a dbmig model has a single-column one");
      continue;
    }
    Field* key = table.find_field(columns.front());
    if (!key) {
      reading.leave_out_table(name, "primary key column " + columns.front() + " is left out");
      continue;
    }
    key->primary_key = true;
  }
  for (auto& [name, table] : reading.tables)
    for (Field& field : table.fields)
      if (field.auto_increment && !field.primary_key) {
        field.auto_increment = false;
        reading.note(name, "column " + field.name,
                     "AUTO_INCREMENT on a column that is not the primary key: dbmig writes it "
                     "only on the primary key; read without it");
      }
}

std::optional<OnDelete> on_delete_of(const std::string& rule) {
  if (rule == "CASCADE") return OnDelete::cascade;
  if (rule == "RESTRICT") return OnDelete::restrict;
  if (rule == "SET NULL") return OnDelete::set_null;
  if (rule == "SET DEFAULT") return OnDelete::set_default;
  if (rule == "NO ACTION") return OnDelete::no_action;
  return std::nullopt;
}

// Why dbmig cannot write `key` as the reference of `field` (its column, nullptr when that is
// left out), or "".
std::string foreign_key_problem(Reading& reading, const ForeignKey& key, const Field* field) {
  if (key.columns.size() > 1)
    return "over (" + join(key.columns) +
           "): a dbmig reference is one column to a primary key; left out";
  if (!key.same_schema)
    return "to a table of another database: a dbmig reference stays in its database; left out";
  if (!field) return "over column " + key.columns.front() + ", which is left out; left out";
  const Model* target = reading.find(key.target_table);
  if (!target || reading.left_out_tables.contains(key.target_table))
    return "to table " + key.target_table + ", which is left out; left out";
  const Field* target_key = target->primary_key();
  if (!target_key || target_key->name != key.target_columns.front())
    return "to " + key.target_table + "." + key.target_columns.front() +
           ", not the primary key: a dbmig reference is to a primary key; left out";
  if (!on_delete_of(key.delete_rule)) return "ON DELETE " + key.delete_rule + ": unknown; left out";
  if (field->references)
    return "a second foreign key over " + key.columns.front() +
           ": a dbmig field has one reference; left out";
  return "";
}

// The columns of the foreign keys read as references, by table and constraint name.
std::map<TableAndName, std::vector<std::string>> read_foreign_keys(
    Reading& reading, const std::vector<ForeignKey>& keys) {
  std::map<TableAndName, std::vector<std::string>> read;
  for (const ForeignKey& key : keys) {
    Model* table = reading.find(key.table);
    if (!table || reading.left_out_tables.contains(key.table)) continue;
    Field* field = table->find_field(key.columns.front());
    std::string problem = foreign_key_problem(reading, key, field);
    if (!problem.empty()) {
      reading.note(key.table, "foreign key " + key.name, problem);
      continue;
    }
    field->references = Reference{{"", key.target_table}, *on_delete_of(key.delete_rule)};
    read[{key.table, key.name}] = key.columns;
  }
  return read;
}

// The index InnoDB creates for a foreign key whose column has none is named after the key
// (mysql_schema_editor.cpp's field_objects): it comes with the reference, it is no model index.
bool is_foreign_key_index(const IndexRead& index,
                          const std::map<TableAndName, std::vector<std::string>>& references) {
  auto key = references.find({index.table, index.name});
  return !index.unique && key != references.end() && key->second == index.columns;
}

void read_indexes(Reading& reading, const std::vector<IndexRead>& indexes,
                  const std::map<TableAndName, std::vector<std::string>>& references) {
  for (const IndexRead& index : indexes) {
    Model* table = reading.find(index.table);
    if (!table || index.name == "PRIMARY" || is_foreign_key_index(index, references)) continue;
    std::string problem = index.problem;
    for (const std::string& column : index.columns)
      if (problem.empty() && reading.column_left_out(index.table, column))
        problem = "over column " + column + ", which is left out";
    if (!problem.empty()) {
      reading.note(index.table, "index " + index.name, problem + "; left out");
      continue;
    }
    place_index(*table, index.name, index.columns, index.unique);
  }
}

// The first backquoted column of a check clause (MariaDB prints `column`) that is left out.
std::optional<std::string> left_out_column_in(const Reading& reading, const Check& check) {
  for (std::size_t open = check.clause.find('`'); open != std::string::npos;
       open = check.clause.find('`', open + 1)) {
    std::size_t close = check.clause.find('`', open + 1);
    if (close == std::string::npos) break;
    std::string column = check.clause.substr(open + 1, close - open - 1);
    if (reading.column_left_out(check.table, column)) return column;
    open = close;
  }
  return std::nullopt;
}

void read_checks(Reading& reading, const std::vector<Check>& checks) {
  for (const Check& check : checks) {
    Model* table = reading.find(check.table);
    if (!table) continue;
    if (auto column = left_out_column_in(reading, check)) {
      if (!is_json_check(check))
        reading.note(check.table, "check " + check.name,
                     "over column " + *column + ", which is left out; left out");
      continue;
    }
    table->constraints.push_back({check.name, ConstraintKind::check, {}, check.clause});
  }
}

// The tables read, and the notes: a table left out keeps only its own note.
LiveSchema finished(Reading reading) {
  LiveSchema schema;
  for (auto& [name, table] : reading.tables) {
    if (reading.left_out_tables.contains(name)) continue;
    sort_by_name(table);
    schema.tables.push_back(std::move(table));
  }
  for (SchemaNote& note : reading.notes)
    if (!reading.left_out_tables.contains(note.table) || note.object == "table " + note.table)
      schema.notes.push_back(std::move(note));
  return schema;
}

}  // namespace

LiveSchema MysqlBackend::read_schema(const CatalogQuery& query) const {
  Reading reading;
  read_tables(reading, query);
  std::vector<Check> checks = query_checks(query);
  read_columns(reading, query, json_columns(checks));
  std::vector<IndexRead> indexes = query_indexes(query);
  read_primary_keys(reading, indexes);
  std::vector<ForeignKey> keys = query_foreign_keys(query);
  auto references = read_foreign_keys(reading, keys);
  read_indexes(reading, indexes, references);
  read_checks(reading, checks);
  read_triggers(reading, query);
  return finished(std::move(reading));
}

}  // namespace dbmig::backends
