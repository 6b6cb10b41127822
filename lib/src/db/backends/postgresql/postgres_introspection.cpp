// PostgreSQL's catalog: pg_catalog, read back into the table view of dbmig/live_schema.hpp, the
// inverse of postgres_schema_editor.cpp. Five queries cover the whole current schema (never one
// per table), so a database of a thousand tables reads in a fraction of a second. A column reads
// as a dbmig field type only when the schema editor would have written exactly its type and
// range check; what dbmig cannot write is left out with a note (docs/inspectdb.md).
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <map>
#include <set>
#include <variant>

#include "core/table_view.hpp"
#include "db/backends/postgresql/postgres_backend.hpp"
#include "db/backends/postgresql/postgres_schema_editor.hpp"
#include "dbmig/naming.hpp"

namespace dbmig::backends {

namespace {

using Row = std::vector<std::optional<std::string>>;

// The tables read: ordinary and partitioned ones of the current schema, not partitions.
constexpr const char* kTablesOnly =
    "c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND "
    "c.relkind IN ('r', 'p') AND NOT c.relispartition";

// Every relation of the current schema a note or a table can come from.
constexpr const char* kRelationsQuery =
    "SELECT c.oid::text, c.relname::text, c.relkind::text, c.relispartition::text, "
    "d.description, parent.relname::text FROM pg_class c "
    "LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND "
    "d.objsubid = 0 "
    "LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND c.relispartition "
    "LEFT JOIN pg_class parent ON parent.oid = i.inhparent "
    "WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND "
    "c.relkind IN ('r', 'p', 'v', 'm', 'f')";

// The columns in table order; the collation only where it is not the type's own.
const std::string kColumnsQuery =
    std::string(
        "SELECT a.attrelid::text, a.attnum::text, a.attname::text, "
        "format_type(a.atttypid, a.atttypmod), "
        "(t.typnamespace = 'pg_catalog'::regnamespace)::text, a.attnotnull::text, "
        "a.attidentity::text, a.attgenerated::text, pg_get_expr(ad.adbin, ad.adrelid), "
        "d.description, CASE WHEN a.attcollation <> t.typcollation THEN "
        "co.collname::text END "
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "JOIN pg_type t ON t.oid = a.atttypid "
        "LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
        "LEFT JOIN pg_description d ON d.objoid = a.attrelid AND "
        "d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum "
        "LEFT JOIN pg_collation co ON co.oid = a.attcollation WHERE ") +
    kTablesOnly + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum";

// `keys` (an int2[] of `relation`) as PostgreSQL prints a column list: "a, \"B\"".
std::string column_list(const std::string& keys, const std::string& relation) {
  return "(SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY u.o) FROM unnest(" + keys +
         ") WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = " + relation +
         " AND a.attnum = u.n)";
}

// Constraints, with a unique constraint's definition as dbmig writes it (UNIQUE (columns)), to
// compare with PostgreSQL's: anything more (DEFERRABLE, INCLUDE, NULLS NOT DISTINCT) differs.
const std::string kConstraintsQuery =
    "SELECT k.conrelid::text, k.conname::text, k.contype::text, k.conkey::text, "
    "k.confrelid::text, k.confkey::text, k.confdeltype::text, k.confupdtype::text, "
    "k.condeferrable::text, k.convalidated::text, "
    "CASE WHEN k.contype <> 'p' THEN pg_get_constraintdef(k.oid) END, "
    "CASE WHEN k.contype = 'u' THEN 'UNIQUE (' || " +
    column_list("k.conkey", "k.conrelid") +
    " || ')' END FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid WHERE " + kTablesOnly +
    " ORDER BY k.conrelid, k.conname";

// Indexes that no primary key, unique or exclusion constraint owns, with the definition of a
// plain index over the same columns as dbmig writes it, to compare with PostgreSQL's: anything
// more (DESC, an operator class, INCLUDE) differs.
const std::string kIndexesQuery =
    "SELECT i.indrelid::text, x.relname::text, i.indisunique::text, i.indkey::text, "
    "am.amname::text, (i.indexprs IS NOT NULL)::text, pg_get_expr(i.indpred, i.indrelid), "
    "'CREATE ' || CASE WHEN i.indisunique THEN 'UNIQUE ' ELSE '' END || 'INDEX ' || "
    "quote_ident(x.relname) || ' ON ' || quote_ident(current_schema()) || '.' || "
    "quote_ident(c.relname) || ' USING btree (' || " +
    column_list("i.indkey::int2[]", "i.indrelid") +
    " || ')', pg_get_indexdef(i.indexrelid) FROM pg_index i "
    "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid "
    "JOIN pg_am am ON am.oid = x.relam WHERE " +
    kTablesOnly +
    " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND "
    "k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')) ORDER BY i.indrelid, x.relname";

// Triggers the user made (not those of foreign keys), on tables and views alike.
constexpr const char* kTriggersQuery =
    "SELECT t.tgname::text, c.relname::text FROM pg_trigger t JOIN pg_class c ON c.oid = "
    "t.tgrelid WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = "
    "current_schema()) AND NOT t.tgisinternal";

// Where each query above puts what, in its SELECT order.
namespace relation_at {
enum : std::size_t { oid, name, kind, is_partition, comment, parent };
}
namespace column_at {
enum : std::size_t {
  relation,
  number,
  name,
  type,
  built_in,
  not_null,
  identity,
  generated,
  default_expression,
  comment,
  collation
};
}
namespace constraint_at {
enum : std::size_t {
  relation,
  name,
  kind,
  columns,
  referenced_table,
  referenced_columns,
  on_delete,
  on_update,
  deferrable,
  validated,
  definition,
  plain_definition
};
}
namespace index_at {
enum : std::size_t {
  relation,
  name,
  unique,
  columns,
  method,
  has_expressions,
  predicate,
  plain_definition,
  definition
};
}
namespace trigger_at {
enum : std::size_t { name, table };
}

std::string text(const std::optional<std::string>& value) {
  return value.value_or("");
}

bool is_true(const std::optional<std::string>& value) {
  return value == "true";
}

std::optional<long long> integer(std::string_view text) {
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// The numbers of "{1,2}" (an int2[]) or "1 2" (an int2vector).
std::vector<int> numbers(const std::string& list) {
  std::vector<int> values;
  std::size_t start = list.find_first_of("-0123456789");
  while (start != std::string::npos) {
    std::size_t end = list.find_first_not_of("-0123456789", start);
    auto value = integer(std::string_view(list).substr(start, end - start));
    values.push_back(static_cast<int>(value.value_or(0)));
    start = end == std::string::npos ? end : list.find_first_of("-0123456789", end);
  }
  return values;
}

// Rows grouped by their first column, a relation's oid, in the order the query gave them.
std::map<std::string, std::vector<Row>> by_relation(QueryResult result) {
  std::map<std::string, std::vector<Row>> rows;
  for (auto& row : result.rows) rows[text(row.at(0))].push_back(std::move(row));
  return rows;
}

// --- column types ---

// A type format_type prints, as the schema editor spells it, with the length, precision and
// scale it carries ("character varying(20)" is "VARCHAR(20)" of length 20). Types the editor
// never writes keep PostgreSQL's spelling, which no field type's matches.
struct WrittenType {
  std::string spelling;
  std::optional<int> max_length;
  int precision = 0;
  int scale = 0;
};

// The numbers inside "<prefix>(a,b)", when `type` is spelled so.
std::optional<std::vector<int>> modifiers(std::string_view type, std::string_view prefix) {
  if (!type.starts_with(prefix) || !type.ends_with(")")) return std::nullopt;
  std::string inside(type.substr(prefix.size(), type.size() - prefix.size() - 1));
  if (inside.empty() || inside.find_first_not_of("0123456789,") != std::string::npos)
    return std::nullopt;
  return numbers(inside);
}

WrittenType written_type(const std::string& type) {
  static const std::map<std::string, std::string> plain{
      {"boolean", "BOOLEAN"}, {"smallint", "SMALLINT"}, {"integer", "INTEGER"},
      {"bigint", "BIGINT"},   {"real", "REAL"},         {"double precision", "DOUBLE PRECISION"},
      {"text", "TEXT"},       {"bytea", "BYTEA"},       {"timestamp with time zone", "TIMESTAMPTZ"},
      {"date", "DATE"}};
  if (auto found = plain.find(type); found != plain.end()) return {found->second, {}};
  if (auto length = modifiers(type, "character varying("); length && length->size() == 1)
    return {"VARCHAR(" + std::to_string(length->at(0)) + ")", length->at(0)};
  if (auto numeric = modifiers(type, "numeric("); numeric && numeric->size() == 2)
    return {
        "NUMERIC(" + std::to_string(numeric->at(0)) + ", " + std::to_string(numeric->at(1)) + ")",
        std::nullopt, numeric->at(0), numeric->at(1)};
  return {type, {}};
}

// --- defaults ---

// A default as PostgreSQL prints a constant: `'it''s'::text`, `'-1'::integer` (quoted, the
// quotes undone) or `0.50`, `true` (bare); nullopt for an expression such as now().
struct PrintedConstant {
  std::string text;
  bool quoted = false;
};

std::optional<PrintedConstant> printed_constant(std::string_view expression) {
  if (expression.starts_with("'")) {
    std::string value;
    std::size_t i = 1;
    for (; i < expression.size(); ++i) {
      if (expression[i] == '\'' && i + 1 < expression.size() && expression[i + 1] == '\'') {
        value += '\'';
        ++i;
      } else if (expression[i] == '\'') {
        break;
      } else {
        value += expression[i];
      }
    }
    std::string_view cast = expression.substr(std::min(i + 1, expression.size()));
    bool type_cast = cast.starts_with("::") &&
                     cast.find_first_not_of("abcdefghijklmnopqrstuvwxyz (),0123456789", 2) ==
                         std::string_view::npos;
    if (i >= expression.size() || !(cast.empty() || type_cast)) return std::nullopt;
    return PrintedConstant{value, true};
  }
  if (expression == "true" || expression == "false" ||
      (!expression.empty() &&
       expression.find_first_not_of("0123456789.e+-") == std::string_view::npos))
    return PrintedConstant{std::string(expression), false};
  return std::nullopt;
}

std::optional<double> number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return value;
}

// `number` as PostgreSQL prints a numeric: positional, never with an exponent ("1e+20" is
// "100000000000000000000", "1.5e-07" is "0.00000015").
std::string positional(const std::string& number) {
  std::size_t e = number.find('e');
  if (e == std::string::npos) return number;
  bool negative = number.front() == '-';
  std::string digits = number.substr(negative ? 1 : 0, e - (negative ? 1 : 0));
  std::size_t dot = digits.find('.');
  long long point = static_cast<long long>(dot == std::string::npos ? digits.size() : dot);
  if (dot != std::string::npos) digits.erase(dot, 1);
  std::string_view exponent = std::string_view(number).substr(e + 1);
  if (exponent.starts_with("+")) exponent.remove_prefix(1);
  point += integer(exponent).value_or(0);
  auto size = static_cast<long long>(digits.size());
  std::string result =
      point <= 0      ? "0." + std::string(static_cast<std::size_t>(-point), '0') + digits
      : point >= size ? digits + std::string(static_cast<std::size_t>(point - size), '0')
                      : digits.substr(0, static_cast<std::size_t>(point)) + "." +
                            digits.substr(static_cast<std::size_t>(point));
  return (negative ? "-" : "") + result;
}

// "\x616263" (bytea's hex output) as the bytes it stands for.
std::optional<std::string> hex_bytes(const std::string& text) {
  if (!text.starts_with("\\x") || text.size() % 2 != 0) return std::nullopt;
  std::string bytes;
  for (std::size_t i = 2; i < text.size(); i += 2) {
    unsigned value = 0;
    auto [end, error] = std::from_chars(text.data() + i, text.data() + i + 2, value, 16);
    if (error != std::errc() || end != text.data() + i + 2) return std::nullopt;
    bytes += static_cast<char>(value);
  }
  return bytes;
}

// Reads the whole current schema; one instance per read_schema call.
class PostgresCatalogReader {
 public:
  explicit PostgresCatalogReader(const CatalogQuery& query) : query_(query) {}

  LiveSchema read() {
    read_relations();
    auto columns = by_relation(query_(kColumnsQuery, {}));
    auto constraints = by_relation(query_(kConstraintsQuery, {}));
    auto indexes = by_relation(query_(kIndexesQuery, {}));
    for (auto& [oid, table] : tables_) read_columns(table, columns[oid], constraints[oid]);
    for (auto& [oid, table] : tables_) {
      if (!table.kept) continue;
      read_constraints(table, constraints[oid]);
      read_indexes(table, indexes[oid]);
      sort_by_name(table.model);
    }
    read_triggers();
    for (auto& [oid, table] : tables_)
      if (table.kept) schema_.tables.push_back(std::move(table.model));
    return std::move(schema_);
  }

 private:
  struct Table {
    Model model;
    bool kept = true;                    // false: left out, with a note saying why
    std::map<int, std::string> columns;  // every column's name by its number
    std::set<int> left_out;              // the numbers of the columns left out
    int primary_key = 0;                 // the number of the primary key's column
    std::set<std::string> range_checks;  // the checks read as a column's type
  };

  void note(const std::string& table, std::string object, std::string why) {
    schema_.notes.push_back({table, std::move(object), std::move(why)});
  }

  void leave_out(Table& table, const std::string& why) {
    table.kept = false;
    note(table.model.table, "table " + table.model.table, why + "; left out");
  }

  void read_relations() {
    for (const Row& row : query_(kRelationsQuery, {}).rows) {
      std::string name = text(row.at(relation_at::name));
      std::string kind = text(row.at(relation_at::kind));
      if (kind == "v") {
        note(name, "view " + name, "a view: dbmig manages tables only; left out");
      } else if (kind == "m") {
        note(name, "materialized view " + name,
             "a materialized view: dbmig manages tables only; left out");
      } else if (kind == "f") {
        note(name, "foreign table " + name, "a foreign table: dbmig manages tables only; left out");
      } else if (is_true(row.at(relation_at::is_partition))) {
        note(name, "table " + name,
             "a partition of " + text(row.at(relation_at::parent)) +
                 ": read as part of it; left out");
      } else {
        Table& table = tables_[text(row.at(relation_at::oid))];
        table.model.name = table.model.table = name;
        table.model.comment = text(row.at(relation_at::comment));
        if (kind == "p")
          note(name, "table " + name,
               "partitioned: read as one table (dbmig writes no PARTITION BY)");
      }
    }
  }

  // --- columns ---

  // The primary key's column number from the constraints; leaves the table out when it has
  // none or several.
  void read_primary_key(Table& table, const std::vector<Row>& constraints) {
    for (const Row& row : constraints) {
      if (text(row.at(constraint_at::kind)) != "p") continue;
      std::vector<int> keys = numbers(text(row.at(constraint_at::columns)));
      if (keys.size() == 1) {
        table.primary_key = keys.front();
        return;
      }
      std::string names;
      for (int key : keys) names += (names.empty() ? "" : ", ") + table.columns[key];
      return leave_out(table,
                       "composite primary key (" + names + "): a model has one primary key field");
    }
    leave_out(table, "no primary key: a model has one primary key field");
  }

  void read_columns(Table& table, const std::vector<Row>& columns,
                    const std::vector<Row>& constraints) {
    for (const Row& row : columns)
      table.columns[column_number(row)] = text(row.at(column_at::name));
    read_primary_key(table, constraints);
    if (!table.kept) return;
    // The key first: a table whose key is left out is left out whole, its other columns unread.
    std::optional<Field> key;
    for (const Row& row : columns)
      if (column_number(row) == table.primary_key) key = read_column(table, row, constraints);
    if (!key)
      return leave_out(
          table, "its primary key column " + table.columns[table.primary_key] + " is left out");
    for (const Row& row : columns) {
      std::optional<Field> field =
          column_number(row) == table.primary_key ? key : read_column(table, row, constraints);
      if (field)
        table.model.fields.push_back(std::move(*field));
      else
        table.left_out.insert(column_number(row));
    }
  }

  static int column_number(const Row& row) {
    return static_cast<int>(integer(text(row.at(column_at::number))).value_or(0));
  }

  // The field column `row` reads as, or nullopt (with a note) when it is left out.
  std::optional<Field> read_column(Table& table, const Row& row,
                                   const std::vector<Row>& constraints) {
    std::string name = text(row.at(column_at::name));
    std::string type = text(row.at(column_at::type));
    std::string object = "column " + name;
    const std::string& table_name = table.model.table;
    if (!text(row.at(column_at::generated)).empty()) {
      note(table_name, object,
           "generated (" + text(row.at(column_at::default_expression)) +
               "): dbmig writes no generated columns; left out");
      return std::nullopt;
    }
    std::optional<Field> field = is_true(row.at(column_at::built_in))
                                     ? field_of_type(table, name, written_type(type), constraints)
                                     : std::nullopt;
    if (!field) {
      note(table_name, object, "type " + type + ": no dbmig field type; left out");
      return std::nullopt;
    }
    bool is_key = column_number(row) == table.primary_key;
    field->primary_key = is_key;
    field->null = !is_true(row.at(column_at::not_null));
    field->comment = text(row.at(column_at::comment));
    std::string identity = text(row.at(column_at::identity));
    if (!identity.empty() && is_key) field->auto_increment = true;
    if (identity == "a" && is_key)
      note(table_name, object,
           "GENERATED ALWAYS AS IDENTITY: read as auto_increment (dbmig writes GENERATED BY "
           "DEFAULT)");
    if (!identity.empty() && !is_key)
      note(table_name, object, "an identity column that is not the primary key: read without it");
    if (row.at(column_at::default_expression)) {
      field->default_value = default_literal(*row.at(column_at::default_expression), *field);
      if (!field->default_value)
        note(table_name, object,
             "default " + *row.at(column_at::default_expression) +
                 ": not a constant dbmig writes; left out");
    }
    if (row.at(column_at::collation))
      note(table_name, object, "collation " + *row.at(column_at::collation) + ": read without it");
    return field;
  }

  // The field whose column type the schema editor writes as `written`: among the types of that
  // column type, the one whose range check the column carries (`<table>_<column>_check`), else
  // the one without a range check. nullopt when the editor writes no type so.
  std::optional<Field> field_of_type(Table& table, const std::string& column,
                                     const WrittenType& written,
                                     const std::vector<Row>& constraints) {
    std::string check_name = constraint_name(table.model.table, {column}, "check");
    std::optional<std::string> range_check;
    for (const Row& row : constraints)
      if (text(row.at(constraint_at::kind)) == "c" &&
          text(row.at(constraint_at::name)) == check_name)
        range_check = text(row.at(constraint_at::definition));
    std::optional<Field> plain;
    for (Field field : types_written_as(written)) {
      field.name = column;
      std::optional<std::string> check = editor_.range_check(field);
      if (!check) {
        plain = field;
      } else if (range_check && same_check_expression(*check, *range_check)) {
        table.range_checks.insert(check_name);
        return field;
      }
    }
    return plain;
  }

  // The fields (unnamed) of every type the schema editor writes as `written`, asked once per
  // spelling.
  const std::vector<Field>& types_written_as(const WrittenType& written) {
    auto [found, added] = types_by_spelling_.try_emplace(written.spelling);
    if (!added) return found->second;
    for (std::string_view type_name : field_type_names()) {
      Field field;
      field.type = *field_type_from_string(type_name);
      if (field.type == FieldType::string) field.max_length = written.max_length;
      if (field.type == FieldType::decimal) {
        field.precision = written.precision;
        field.scale = written.scale;
      }
      if (editor_.column_type(field) == written.spelling) found->second.push_back(field);
    }
    return found->second;
  }

  // The literal a default written by the schema editor (BaseSchemaEditor::quote_value) reads
  // back as, in the alternative the field's type keeps (dbmig/state_json.hpp); nullopt for
  // anything else.
  std::optional<Literal> default_literal(const std::string& expression, const Field& field) const {
    std::optional<PrintedConstant> printed = printed_constant(expression);
    if (!printed) return std::nullopt;
    const std::string& value = printed->text;
    switch (field.type) {
      case FieldType::boolean:
        if (printed->quoted || (value != "true" && value != "false")) return std::nullopt;
        return value == "true";
      case FieldType::string:
      case FieldType::timestamp:
      case FieldType::date:
        if (!printed->quoted) return std::nullopt;
        return value;
      case FieldType::bytes:
        if (auto bytes = hex_bytes(value)) return *bytes;
        return std::nullopt;
      case FieldType::float32:
      case FieldType::float64:
        if (auto parsed = number(value)) return *parsed;
        return std::nullopt;
      case FieldType::decimal:
        return decimal_literal(value);
      default:
        return integral_literal(value, is_unsigned(field.type));
    }
  }

  // A decimal default written as a number prints as its shortest spelling (positional); one
  // written as a string ('0.50') keeps its own, which only a string gives back.
  std::optional<Literal> decimal_literal(const std::string& value) const {
    std::optional<double> parsed = number(value);
    if (!parsed) return std::nullopt;
    if (positional(editor_.quote_value(*parsed)) == value) return *parsed;
    return value;
  }

  static std::optional<Literal> integral_literal(const std::string& value, bool unsigned_type) {
    if (unsigned_type) {
      std::uint64_t parsed = 0;
      auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
      if (error != std::errc() || end != value.data() + value.size()) return std::nullopt;
      return parsed;
    }
    auto parsed = integer(value);
    if (!parsed) return std::nullopt;
    return std::int64_t{*parsed};
  }

  // --- constraints and indexes ---

  Field* field_in(Table& table, int column) {
    return table.model.find_field(table.columns[column]);
  }

  // The names of `keys`, or nullopt (with a note on `object`) when one of them is left out.
  std::optional<std::vector<std::string>> columns_read(Table& table, const std::vector<int>& keys,
                                                       const std::string& object) {
    std::vector<std::string> names;
    for (int key : keys) {
      if (table.left_out.count(key)) {
        note(table.model.table, object,
             "over column " + table.columns[key] + ", which is left out; left out");
        return std::nullopt;
      }
      names.push_back(table.columns[key]);
    }
    return names;
  }

  void read_constraints(Table& table, const std::vector<Row>& constraints) {
    for (const Row& row : constraints) {
      std::string name = text(row.at(constraint_at::name));
      std::string kind = text(row.at(constraint_at::kind));
      std::string object = "constraint " + name;
      // p: the primary key, read with the columns; n: NOT NULL (PostgreSQL 18), read so too;
      // t: a constraint trigger, noted with the triggers.
      if (kind == "p" || kind == "n" || kind == "t" || table.range_checks.count(name)) continue;
      if (kind == "x") {
        note(table.model.table, object, "an exclusion constraint: dbmig writes none; left out");
        continue;
      }
      auto columns = columns_read(table, numbers(text(row.at(constraint_at::columns))), object);
      if (!columns) continue;
      if (kind == "u") {
        if (row.at(constraint_at::plain_definition) == row.at(constraint_at::definition))
          place_index(table.model, name, *columns, true);
        else
          note(table.model.table, object,
               text(row.at(constraint_at::definition)) +
                   ": dbmig writes plain UNIQUE (columns) only; left out");
      } else if (kind == "c") {
        read_check(table, name, text(row.at(constraint_at::definition)),
                   is_true(row.at(constraint_at::validated)));
      } else if (kind == "f") {
        read_foreign_key(table, row, object);
      }
    }
  }

  // `definition` is pg_get_constraintdef's "CHECK ((a > 0))", maybe followed by NOT VALID.
  void read_check(Table& table, const std::string& name, std::string definition, bool validated) {
    constexpr std::string_view not_valid = " NOT VALID";
    if (definition.ends_with(not_valid)) definition.resize(definition.size() - not_valid.size());
    if (!validated)
      note(table.model.table, "constraint " + name,
           "NOT VALID (rows may break it): read as a check");
    std::string expression = definition;
    if (expression.starts_with("CHECK (") && expression.ends_with(")"))
      expression = expression.substr(7, expression.size() - 8);
    table.model.constraints.push_back({name, ConstraintKind::check, {}, expression});
  }

  static OnDelete on_delete(const std::string& code) {
    static const std::map<std::string, OnDelete> actions{{"a", OnDelete::no_action},
                                                         {"r", OnDelete::restrict},
                                                         {"c", OnDelete::cascade},
                                                         {"n", OnDelete::set_null},
                                                         {"d", OnDelete::set_default}};
    return actions.at(code);
  }

  // A foreign key of one column onto the primary key of a table read: the column's references.
  void read_foreign_key(Table& table, const Row& row, const std::string& object) {
    std::vector<int> keys = numbers(text(row.at(constraint_at::columns)));
    std::vector<int> referenced = numbers(text(row.at(constraint_at::referenced_columns)));
    auto target = tables_.find(text(row.at(constraint_at::referenced_table)));
    auto refuse = [&](const std::string& why) {
      note(table.model.table, object,
           text(row.at(constraint_at::definition)) + ": " + why + "; left out");
    };
    if (keys.size() != 1) return refuse("a foreign key of several columns");
    if (target == tables_.end()) return refuse("it references a table outside the current schema");
    if (!target->second.kept)
      return refuse("it references " + target->second.model.table + ", which is left out");
    if (referenced.front() != target->second.primary_key)
      return refuse("it references a column other than the primary key");
    Field* field = field_in(table, keys.front());
    if (field->references) return refuse("a second foreign key on the column");
    field->references = Reference{{"", target->second.model.table},
                                  on_delete(text(row.at(constraint_at::on_delete)))};
    if (text(row.at(constraint_at::on_update)) != "a" || is_true(row.at(constraint_at::deferrable)))
      note(table.model.table, object,
           text(row.at(constraint_at::definition)) +
               ": read without ON UPDATE and DEFERRABLE, which dbmig does not "
               "write");
  }

  void read_indexes(Table& table, const std::vector<Row>& indexes) {
    for (const Row& row : indexes) {
      std::string name = text(row.at(index_at::name));
      std::string object = "index " + name;
      const std::string& table_name = table.model.table;
      if (is_true(row.at(index_at::has_expressions))) {
        note(table_name, object, "an expression index: dbmig indexes columns only; left out");
      } else if (row.at(index_at::predicate)) {
        note(table_name, object,
             "a partial index (WHERE " + *row.at(index_at::predicate) + "): left out");
      } else if (text(row.at(index_at::method)) != "btree") {
        note(table_name, object,
             "a " + text(row.at(index_at::method)) +
                 " index: dbmig writes btree indexes only; left out");
      } else if (auto columns =
                     columns_read(table, numbers(text(row.at(index_at::columns))), object)) {
        if (row.at(index_at::plain_definition) == row.at(index_at::definition))
          place_index(table.model, name, *columns, is_true(row.at(index_at::unique)));
        else
          note(table_name, object,
               text(row.at(index_at::definition)) +
                   ": dbmig writes plain column indexes only; left out");
      }
    }
  }

  void read_triggers() {
    for (const Row& row : query_(kTriggersQuery, {}).rows)
      note(text(row.at(trigger_at::name)), "trigger " + text(row.at(trigger_at::name)),
           "on " + text(row.at(trigger_at::table)) + ": dbmig manages no triggers; left out");
  }

  const CatalogQuery& query_;
  schema::PostgresSchemaEditor editor_;
  std::map<std::string, Table> tables_;  // by oid
  std::map<std::string, std::vector<Field>> types_by_spelling_;
  LiveSchema schema_;
};

}  // namespace

LiveSchema PostgresBackend::read_schema(const CatalogQuery& query) const {
  return PostgresCatalogReader(query).read();
}

}  // namespace dbmig::backends
