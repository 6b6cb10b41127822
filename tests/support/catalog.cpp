#include "catalog.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <iterator>
#include <map>
#include <regex>
#include <set>

#include "dbmig/check_expression.hpp"
#include "dbmig/naming.hpp"
#include "dbmig/recorder.hpp"

namespace dbmig::test {

namespace {

using Row = std::vector<std::optional<std::string>>;

// Runs a query whose every column is text (the queries below cast), so one reader serves
// every backend.
std::vector<Row> query(soci::session& session, const std::string& sql) {
  std::vector<Row> rows;
  soci::rowset<soci::row> result = session.prepare << sql;
  for (const auto& row : result) {
    Row values;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row.get_indicator(i) == soci::i_null)
        values.push_back(std::nullopt);
      else
        values.push_back(row.get<std::string>(i));
    }
    rows.push_back(std::move(values));
  }
  return rows;
}

std::string text(const std::optional<std::string>& value) {
  return value.value_or("");
}

std::string literal(std::string_view value) {
  std::string quoted = "'";
  for (char c : value) {
    if (c == '\'') quoted += '\'';
    quoted += c;
  }
  return quoted + "'";
}

std::string lower(std::string value) {
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return value;
}

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= list.size() && !list.empty()) {
    std::size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    items.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

// --- SQLite ---

// The index of the parenthesis closing the one at `open` in SQL text, skipping quoted text.
std::size_t closing_parenthesis(const std::string& sql, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"' || c == '`') {
      i = sql.find(c, i + 1);  // a doubled quote reads as two quoted runs
      if (i == std::string::npos) break;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i;
    }
  }
  return sql.size();
}

// Check constraints SQLite keeps only in the CREATE TABLE text: `CONSTRAINT "name" CHECK (...)`.
std::vector<CatalogCheck> sqlite_checks(const std::string& create_sql) {
  std::vector<CatalogCheck> checks;
  std::regex check(R"re(CONSTRAINT\s+"((?:[^"]|"")+)"\s+CHECK\s*\()re", std::regex::icase);
  for (std::sregex_iterator it(create_sql.begin(), create_sql.end(), check), end; it != end; ++it) {
    auto open = static_cast<std::size_t>(it->position() + it->length() - 1);
    std::size_t close = closing_parenthesis(create_sql, open);
    checks.push_back({std::regex_replace((*it)[1].str(), std::regex("\"\""), "\""),
                      create_sql.substr(open, close + 1 - open)});
  }
  std::sort(checks.begin(), checks.end(),
            [](const CatalogCheck& a, const CatalogCheck& b) { return a.name < b.name; });
  return checks;
}

std::optional<TableCatalog> read_sqlite(soci::session& session, const std::string& table) {
  auto create = query(
      session, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = " + literal(table));
  if (create.empty()) return std::nullopt;
  TableCatalog catalog;
  catalog.name = table;
  for (const auto& row : query(session,
                               "SELECT name, lower(type), CAST(\"notnull\" AS TEXT), dflt_value, "
                               "CAST(pk AS TEXT) FROM pragma_table_info(" +
                                   literal(table) + ") ORDER BY cid")) {
    CatalogColumn column{text(row[0]), text(row[1]), text(row[2]) == "0", row[3], false, ""};
    if (text(row[4]) != "0") catalog.primary_key.push_back(column.name);
    catalog.columns.push_back(column);
  }
  // INTEGER PRIMARY KEY is the rowid alias, which auto-increments.
  if (catalog.primary_key.size() == 1)
    for (auto& column : catalog.columns)
      if (column.name == catalog.primary_key[0] && column.type == "integer")
        column.auto_increment = true;
  for (const auto& row : query(session,
                               "SELECT \"from\", \"table\", \"to\", on_delete FROM "
                               "pragma_foreign_key_list(" +
                                   literal(table) + ") ORDER BY \"from\""))
    catalog.foreign_keys.push_back({"", text(row[0]), text(row[1]), text(row[2]), text(row[3])});
  for (const auto& row :
       query(session, "SELECT name, CAST(\"unique\" AS TEXT) FROM pragma_index_list(" +
                          literal(table) + ") WHERE origin <> 'pk' ORDER BY name")) {
    CatalogIndex index{text(row[0]), {}, text(row[1]) == "1"};
    for (const auto& column : query(session, "SELECT name FROM pragma_index_info(" +
                                                 literal(index.name) + ") ORDER BY seqno"))
      index.columns.push_back(text(column[0]));
    catalog.indexes.push_back(index);
  }
  catalog.checks = sqlite_checks(text(create[0][0]));
  return catalog;
}

// --- PostgreSQL ---

std::string postgres_on_delete(const std::string& code) {
  static const std::map<std::string, std::string> names{{"a", "NO ACTION"},
                                                        {"r", "RESTRICT"},
                                                        {"c", "CASCADE"},
                                                        {"n", "SET NULL"},
                                                        {"d", "SET DEFAULT"}};
  return names.at(code);
}

std::optional<TableCatalog> read_postgres(soci::session& session, const std::string& table) {
  auto oid = query(session,
                   "SELECT c.oid::text FROM pg_class c JOIN pg_namespace n ON n.oid = "
                   "c.relnamespace WHERE c.relkind = 'r' AND n.nspname = current_schema() AND "
                   "c.relname = " +
                       literal(table));
  if (oid.empty()) return std::nullopt;
  std::string relid = text(oid[0][0]);
  TableCatalog catalog;
  catalog.name = table;
  for (const auto& row :
       query(session,
             "SELECT a.attname::text, format_type(a.atttypid, a.atttypmod), "
             "(NOT a.attnotnull)::text, pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, "
             "col_description(a.attrelid, a.attnum) "
             "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = "
             "a.attnum WHERE a.attrelid = " +
                 relid + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"))
    catalog.columns.push_back({text(row[0]), text(row[1]), text(row[2]) == "true", row[3],
                               !text(row[4]).empty(), text(row[5])});
  auto comment = query(session, "SELECT obj_description(" + relid + ", 'pg_class')");
  catalog.comment = text(comment[0][0]);
  std::string columns_of =
      "(SELECT string_agg(a.attname::text, ',' ORDER BY k.o) FROM unnest(%KEYS%) WITH "
      "ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = %REL% AND a.attnum = k.n)";
  auto columns = [&](const std::string& keys, const std::string& rel) {
    return std::regex_replace(std::regex_replace(columns_of, std::regex("%KEYS%"), keys),
                              std::regex("%REL%"), rel);
  };
  for (const auto& row :
       query(session, "SELECT c.conname::text, c.contype::text, " +
                          columns("c.conkey", "c.conrelid") + ", ft.relname::text, " +
                          columns("c.confkey", "c.confrelid") +
                          ", c.confdeltype::text, pg_get_constraintdef(c.oid) FROM pg_constraint c "
                          "LEFT JOIN pg_class ft ON "
                          "ft.oid = c.confrelid WHERE c.conrelid = " +
                          relid + " ORDER BY c.conname")) {
    std::string kind = text(row[1]);
    if (kind == "p") catalog.primary_key = split(text(row[2]));
    if (kind == "f")
      catalog.foreign_keys.push_back({text(row[0]), text(row[2]), text(row[3]), text(row[4]),
                                      postgres_on_delete(text(row[5]))});
    if (kind == "c") catalog.checks.push_back({text(row[0]), text(row[6])});
  }
  for (const auto& row : query(session, "SELECT ic.relname::text, i.indisunique::text, " +
                                            columns("i.indkey::int2[]", "i.indrelid") +
                                            " FROM pg_index i JOIN pg_class ic ON ic.oid = "
                                            "i.indexrelid WHERE NOT i.indisprimary AND "
                                            "i.indrelid = " +
                                            relid + " ORDER BY ic.relname"))
    catalog.indexes.push_back({text(row[0]), split(text(row[2])), text(row[1]) == "true"});
  return catalog;
}

// --- MySQL / MariaDB ---

std::optional<TableCatalog> read_mysql(soci::session& session, const std::string& table) {
  std::string where = " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = " + literal(table);
  auto columns = query(session,
                       "SELECT COLUMN_NAME, LOWER(COLUMN_TYPE), IS_NULLABLE, COLUMN_DEFAULT, "
                       "EXTRA, COLUMN_COMMENT FROM information_schema.COLUMNS" +
                           where + " ORDER BY ORDINAL_POSITION");
  if (columns.empty()) return std::nullopt;
  TableCatalog catalog;
  catalog.name = table;
  for (const auto& row : columns) {
    // MariaDB reports a missing default of a nullable column as the text NULL.
    auto default_value = text(row[3]) == "NULL" ? std::nullopt : row[3];
    catalog.columns.push_back({text(row[0]), text(row[1]), text(row[2]) == "YES", default_value,
                               text(row[4]).find("auto_increment") != std::string::npos,
                               text(row[5])});
  }
  catalog.comment =
      text(query(session, "SELECT TABLE_COMMENT FROM information_schema.TABLES" + where)[0][0]);
  std::map<std::string, CatalogIndex> indexes;
  for (const auto& row : query(session,
                               "SELECT INDEX_NAME, CAST(NON_UNIQUE AS CHAR), COLUMN_NAME FROM "
                               "information_schema.STATISTICS" +
                                   where + " ORDER BY INDEX_NAME, SEQ_IN_INDEX")) {
    if (text(row[0]) == "PRIMARY") {
      catalog.primary_key.push_back(text(row[2]));
      continue;
    }
    auto& index = indexes[text(row[0])];
    index.name = text(row[0]);
    index.unique = text(row[1]) == "0";
    index.columns.push_back(text(row[2]));
  }
  for (auto& [name, index] : indexes) catalog.indexes.push_back(index);
  for (const auto& row :
       query(session,
             "SELECT k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, "
             "k.REFERENCED_COLUMN_NAME, r.DELETE_RULE FROM information_schema.KEY_COLUMN_USAGE k "
             "JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = "
             "k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = "
             "k.TABLE_NAME WHERE k.TABLE_SCHEMA = DATABASE() AND k.TABLE_NAME = " +
                 literal(table) + " ORDER BY k.COLUMN_NAME"))
    catalog.foreign_keys.push_back(
        {text(row[0]), text(row[1]), text(row[2]), text(row[3]), text(row[4])});
  for (const auto& row :
       query(session,
             "SELECT t.CONSTRAINT_NAME, c.CHECK_CLAUSE FROM information_schema.TABLE_CONSTRAINTS t "
             "LEFT JOIN information_schema.CHECK_CONSTRAINTS c ON c.CONSTRAINT_SCHEMA = "
             "t.CONSTRAINT_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME AND c.CONSTRAINT_NAME = "
             "t.CONSTRAINT_NAME WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_NAME = " +
                 literal(table) + " AND t.CONSTRAINT_TYPE = 'CHECK' ORDER BY t.CONSTRAINT_NAME"))
    catalog.checks.push_back({text(row[0]), text(row[1])});
  return catalog;
}

// --- comparing ---

std::string join_names(const std::vector<std::string>& names) {
  std::string result;
  for (const auto& name : names) result += (result.empty() ? "" : ",") + name;
  return "(" + result + ")";
}

// A default as a comparable value: casts and quotes stripped, booleans as 1/0, numbers in
// one spelling.
std::string normalized_default(std::string value) {
  value = std::regex_replace(value, std::regex(R"(::[a-z ]+(\(\d+(,\d+)?\))?$)"), "");
  if (value.size() >= 2 && value.front() == '(' && value.back() == ')')
    value = value.substr(1, value.size() - 2);
  if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
    // Quotes doubled (standard SQL) or backslash-escaped (MariaDB's catalog).
    std::string inner = value.substr(1, value.size() - 2);
    value.clear();
    for (std::size_t i = 0; i < inner.size(); ++i) {
      bool escape = (inner[i] == '\\' || inner[i] == '\'') && i + 1 < inner.size();
      if (escape) ++i;
      value += inner[i];
    }
  }
  if (lower(value) == "true") return "1";
  if (lower(value) == "false") return "0";
  double number = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error == std::errc() && end == value.data() + value.size()) {
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    return std::string(buffer, result.ptr);
  }
  return value;
}

std::string expected_default(const Literal& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>)
          return v ? "1" : "0";
        else if constexpr (std::is_same_v<T, std::string>)
          return normalized_default("'" + std::regex_replace(v, std::regex("'"), "''") + "'");
        else
          return normalized_default(std::to_string(v));
      },
      value);
}

// MariaDB and older MySQL print display widths ("bigint(20)"); they mean nothing.
std::string without_display_width(const std::string& type) {
  if (type.rfind("tinyint(1)", 0) == 0) return type;
  return std::regex_replace(type, std::regex(R"(^(tinyint|smallint|int|bigint)\(\d+\))"), "$1");
}

// The range check the schema editors give a column whose type is wider than its field's (not on
// MySQL, which has exact and unsigned types; on PostgreSQL not for int16 and int32), auto-increment
// keys included, as dbmig writes it; nullopt when none.
std::optional<std::string> expected_range_check(const Field& field, Dialect dialect) {
  if (dialect == Dialect::mysql) return std::nullopt;
  bool exact_on_postgresql = field.type == FieldType::int16 || field.type == FieldType::int32;
  if (dialect == Dialect::postgresql && exact_on_postgresql) return std::nullopt;
  static const std::map<FieldType, std::string> ranges{
      {FieldType::int8, "BETWEEN -128 AND 127"},
      {FieldType::int16, "BETWEEN -32768 AND 32767"},
      {FieldType::int32, "BETWEEN -2147483648 AND 2147483647"},
      {FieldType::uint8, "BETWEEN 0 AND 255"},
      {FieldType::uint16, "BETWEEN 0 AND 65535"},
      {FieldType::uint32, "BETWEEN 0 AND 4294967295"},
      {FieldType::uint64, ">= 0"}};
  std::string column = "\"" + field.column_name() + "\" ";
  auto range = ranges.find(field.type);
  if (range == ranges.end()) return std::nullopt;
  return column + range->second;
}

void compare_columns(const TableCatalog& table, const Model& model, Dialect dialect,
                     std::vector<std::string>& differences) {
  // Sorted: a column added back (a reversed RemoveField) lands at the end of the table.
  std::vector<std::string> expected, actual;
  for (const auto& field : model.fields) expected.push_back(field.column_name());
  for (const auto& column : table.columns) actual.push_back(column.name);
  std::sort(expected.begin(), expected.end());
  std::sort(actual.begin(), actual.end());
  if (expected != actual) {
    differences.push_back("columns: expected " + join_names(expected) + ", found " +
                          join_names(actual));
    return;
  }
  for (const auto& field : model.fields) {
    const CatalogColumn& column = *table.column(field.column_name());
    std::string where = "column " + column.name + ": ";
    std::string type = expected_column_type(field, dialect);
    if (without_display_width(column.type) != type)
      differences.push_back(where + "type " + column.type + ", expected " + type);
    bool nullable = field.null && !field.primary_key;
    if (column.nullable != nullable)
      differences.push_back(where +
                            (nullable ? "NOT NULL, expected NULL" : "NULL, expected NOT NULL"));
    if (dialect != Dialect::sqlite && column.comment != field.comment)
      differences.push_back(where + "comment [" + column.comment + "], expected [" + field.comment +
                            "]");
    bool is_auto = field.primary_key && field.auto_increment;
    if (column.auto_increment != is_auto)
      differences.push_back(where + (is_auto ? "not auto-increment" : "auto-increment"));
    if (is_auto) continue;
    std::string found = column.default_value ? normalized_default(*column.default_value) : "";
    std::string wanted = field.default_value ? expected_default(*field.default_value) : "";
    if (found != wanted)
      differences.push_back(where + "default [" + found + "], expected [" + wanted + "]");
  }
}

std::string on_delete_name(OnDelete action) {
  std::string name(to_string(action));
  std::replace(name.begin(), name.end(), '_', ' ');
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  return name;
}

void compare_foreign_keys(const TableCatalog& table, const ProjectState& state, const Model& model,
                          Dialect dialect, std::vector<std::string>& differences) {
  std::set<std::string> expected, actual;
  for (const auto& field : model.fields) {
    if (!field.references) continue;
    const Model& target = state.get(field.references->target);
    std::string name =
        dialect == Dialect::sqlite ? "" : constraint_name(model.table, {field.column_name()}, "fk");
    expected.insert(name + " " + field.column_name() + " -> " + target.table + "." +
                    target.primary_key()->column_name() + " ON DELETE " +
                    on_delete_name(field.references->on_delete));
  }
  for (const auto& key : table.foreign_keys)
    actual.insert(key.name + " " + key.column + " -> " + key.referenced_table + "." +
                  key.referenced_column + " ON DELETE " + key.on_delete);
  if (expected != actual)
    differences.push_back("foreign keys: expected " +
                          join_names({expected.begin(), expected.end()}) + ", found " +
                          join_names({actual.begin(), actual.end()}));
}

std::string describe_index(const std::string& name, const std::vector<std::string>& columns,
                           bool unique) {
  return (unique ? "unique " : "") + name + join_names(columns);
}

void compare_indexes(const TableCatalog& table, const Model& model, Dialect dialect,
                     std::vector<std::string>& differences) {
  auto columns_of = [&](const std::vector<std::string>& fields) {
    std::vector<std::string> columns;
    for (const auto& name : fields) columns.push_back(model.find_field(name)->column_name());
    return columns;
  };
  std::set<std::string> expected, actual, foreign_key_names;
  for (const auto& field : model.fields) {
    if (field.primary_key) continue;
    const std::string& column = field.column_name();
    if (field.unique)
      expected.insert(
          describe_index(constraint_name(model.table, {column}, "uniq"), {column}, true));
    else if (field.index)
      expected.insert(
          describe_index(constraint_name(model.table, {column}, "idx"), {column}, false));
    if (field.references) foreign_key_names.insert(constraint_name(model.table, {column}, "fk"));
  }
  for (const auto& index : model.indexes)
    expected.insert(describe_index(index.name, columns_of(index.fields), false));
  for (const auto& constraint : model.constraints)
    if (constraint.kind == ConstraintKind::unique)
      expected.insert(describe_index(constraint.name, columns_of(constraint.fields), true));
  for (const auto& index : table.indexes) {
    // InnoDB's own index for a foreign key on an unindexed column carries the key's name.
    if (dialect == Dialect::mysql && foreign_key_names.count(index.name)) continue;
    actual.insert(describe_index(index.name, index.columns, index.unique));
  }
  if (expected != actual)
    differences.push_back("indexes: expected " + join_names({expected.begin(), expected.end()}) +
                          ", found " + join_names({actual.begin(), actual.end()}));
}

std::string describe_check(const std::string& name, const std::string& expression) {
  return name + " CHECK (" + expression + ")";
}

// By name and by expression, both sides through normalized_check.
void compare_checks(const TableCatalog& table, const Model& model, Dialect dialect,
                    std::vector<std::string>& differences) {
  std::set<std::string> expected, actual;
  for (const auto& field : model.fields)
    if (auto range = expected_range_check(field, dialect))
      expected.insert(describe_check(constraint_name(model.table, {field.column_name()}, "check"),
                                     normalized_check(*range)));
  for (const auto& constraint : model.constraints)
    if (constraint.kind == ConstraintKind::check)
      expected.insert(describe_check(constraint.name, normalized_check(constraint.check)));
  for (const auto& check : table.checks)
    actual.insert(describe_check(check.name, normalized_check(check.expression)));
  if (expected != actual)
    differences.push_back("checks: expected " + join_names({expected.begin(), expected.end()}) +
                          ", found " + join_names({actual.begin(), actual.end()}));
}

// --- comparing two databases ---

std::string describe_column(const CatalogColumn& column) {
  return column.name + " " + column.type + (column.nullable ? " NULL" : " NOT NULL") +
         (column.default_value ? " DEFAULT " + *column.default_value : "") +
         (column.auto_increment ? " AUTO_INCREMENT" : "") +
         (column.comment.empty() ? "" : " COMMENT [" + column.comment + "]");
}

// Each part of a table that must agree, as a set of one-line descriptions.
std::map<std::string, std::set<std::string>> describe_table(const TableCatalog& table) {
  std::map<std::string, std::set<std::string>> parts;
  for (const auto& column : table.columns) parts["columns"].insert(describe_column(column));
  parts["primary key"].insert(join_names(table.primary_key));
  for (const auto& key : table.foreign_keys)
    parts["foreign keys"].insert(key.name + " " + key.column + " -> " + key.referenced_table + "." +
                                 key.referenced_column + " ON DELETE " + key.on_delete);
  for (const auto& index : table.indexes)
    parts["indexes"].insert(describe_index(index.name, index.columns, index.unique));
  for (const auto& check : table.checks)
    parts["checks"].insert(describe_check(check.name, check.expression));
  parts["comment"].insert("[" + table.comment + "]");
  return parts;
}

std::string only_in(const std::set<std::string>& these, const std::set<std::string>& those) {
  std::vector<std::string> left;
  std::set_difference(these.begin(), these.end(), those.begin(), those.end(),
                      std::back_inserter(left));
  return join_names(left);
}

void compare_tables(const TableCatalog& actual, const TableCatalog& expected,
                    std::vector<std::string>& differences) {
  auto found = describe_table(actual), wanted = describe_table(expected);
  for (const auto& [part, descriptions] : wanted) {
    const auto& present = found[part];
    if (present != descriptions)
      differences.push_back("table " + actual.name + ": " + part + ": unexpected " +
                            only_in(present, descriptions) + ", missing " +
                            only_in(descriptions, present));
  }
}

}  // namespace

const CatalogColumn* TableCatalog::column(std::string_view column_name) const {
  for (const auto& column : columns)
    if (column.name == column_name) return &column;
  return nullptr;
}

const CatalogIndex* TableCatalog::index(std::string_view index_name) const {
  for (const auto& index : indexes)
    if (index.name == index_name) return &index;
  return nullptr;
}

std::vector<std::string> read_tables(soci::session& session, Dialect dialect) {
  std::string sql;
  switch (dialect) {
    case Dialect::sqlite:
      sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
      break;
    case Dialect::postgresql:
      sql = "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()";
      break;
    case Dialect::mysql:
      sql = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()";
      break;
  }
  std::vector<std::string> tables;
  for (const auto& row : query(session, sql + " ORDER BY 1")) tables.push_back(text(row[0]));
  return tables;
}

std::vector<TableCatalog> read_schema(soci::session& session, Dialect dialect) {
  std::vector<TableCatalog> schema;
  for (const auto& table : read_tables(session, dialect))
    if (table != recorder_table) schema.push_back(*read_table(session, dialect, table));
  return schema;
}

std::vector<std::string> compare_schemas(const std::vector<TableCatalog>& actual,
                                         const std::vector<TableCatalog>& expected) {
  std::map<std::string, const TableCatalog*> found, wanted;
  for (const auto& table : actual) found[table.name] = &table;
  for (const auto& table : expected) wanted[table.name] = &table;
  std::vector<std::string> differences;
  for (const auto& [name, table] : found)
    if (!wanted.count(name)) differences.push_back("table " + name + ": unexpected");
  for (const auto& [name, table] : wanted) {
    if (!found.count(name))
      differences.push_back("table " + name + ": missing");
    else
      compare_tables(*found[name], *table, differences);
  }
  return differences;
}

std::optional<TableCatalog> read_table(soci::session& session, Dialect dialect,
                                       std::string_view table) {
  std::string name(table);
  switch (dialect) {
    case Dialect::sqlite:
      return read_sqlite(session, name);
    case Dialect::postgresql:
      return read_postgres(session, name);
    case Dialect::mysql:
      break;
  }
  return read_mysql(session, name);
}

std::vector<std::string> compare_with_state(const std::vector<TableCatalog>& schema,
                                            const ProjectState& state, Dialect dialect) {
  std::vector<std::string> differences;
  for (const auto& [key, model] : state.models) {
    auto table = std::find_if(schema.begin(), schema.end(),
                              [&](const TableCatalog& t) { return t.name == model.table; });
    if (table == schema.end()) {
      differences.push_back("model " + key.str() + ": no table " + model.table);
      continue;
    }
    for (const auto& difference : compare_with_model(*table, state, model, dialect))
      differences.push_back("model " + key.str() + ": " + difference);
  }
  return differences;
}

std::string expected_column_type(const Field& field, Dialect dialect) {
  static const std::map<FieldType, std::array<std::string, 3>> types{
      {FieldType::boolean, {"boolean", "boolean", "tinyint(1)"}},
      {FieldType::int8, {"integer", "smallint", "tinyint"}},
      {FieldType::int16, {"integer", "smallint", "smallint"}},
      {FieldType::int32, {"integer", "integer", "int"}},
      {FieldType::int64, {"integer", "bigint", "bigint"}},
      {FieldType::uint8, {"integer", "smallint", "tinyint unsigned"}},
      {FieldType::uint16, {"integer", "integer", "smallint unsigned"}},
      {FieldType::uint32, {"integer", "bigint", "int unsigned"}},
      {FieldType::uint64, {"integer", "bigint", "bigint unsigned"}},
      {FieldType::float32, {"float", "real", "float"}},
      {FieldType::float64, {"real", "double precision", "double"}},
      {FieldType::bytes, {"blob", "bytea", "longblob"}},
      {FieldType::timestamp, {"datetime", "timestamp with time zone", "datetime(6)"}},
      {FieldType::date, {"date", "date", "date"}},
  };
  auto which = static_cast<std::size_t>(dialect);
  if (field.type == FieldType::string) {
    if (!field.max_length) return std::array<std::string, 3>{"text", "text", "longtext"}[which];
    std::string length = "(" + std::to_string(*field.max_length) + ")";
    return (dialect == Dialect::postgresql ? "character varying" : "varchar") + length;
  }
  if (field.type == FieldType::decimal) {
    std::string digits = std::to_string(field.precision) + "," + std::to_string(field.scale);
    if (dialect == Dialect::sqlite)
      digits = std::to_string(field.precision) + ", " + std::to_string(field.scale);
    return (dialect == Dialect::postgresql ? "numeric(" : "decimal(") + digits + ")";
  }
  return types.at(field.type)[which];
}

std::vector<std::string> compare_with_model(const TableCatalog& table, const ProjectState& state,
                                            const Model& model, Dialect dialect) {
  std::vector<std::string> differences;
  if (table.name != model.table)
    differences.push_back("table " + table.name + ", expected " + model.table);
  compare_columns(table, model, dialect, differences);
  if (dialect != Dialect::sqlite && table.comment != model.comment)
    differences.push_back("table comment [" + table.comment + "], expected [" + model.comment +
                          "]");
  std::vector<std::string> key;
  if (const Field* pk = model.primary_key()) key.push_back(pk->column_name());
  if (table.primary_key != key)
    differences.push_back("primary key " + join_names(table.primary_key) + ", expected " +
                          join_names(key));
  compare_foreign_keys(table, state, model, dialect, differences);
  compare_indexes(table, model, dialect, differences);
  compare_checks(table, model, dialect, differences);
  return differences;
}

}  // namespace dbmig::test
