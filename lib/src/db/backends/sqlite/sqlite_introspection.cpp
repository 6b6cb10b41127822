// SQLite's catalog: sqlite_master and the table pragmas, read back into the table view of
// dbmig/live_schema.hpp (docs/inspectdb.md#sqlite). Four queries whatever the number of tables:
// the schema objects, then every table's columns, foreign keys and index columns through the
// pragma table-valued functions joined to sqlite_master.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/table_view.hpp"
#include "db/backends/base_schema_editor.hpp"
#include "db/backends/sqlite/sqlite_backend.hpp"
#include "db/backends/sqlite/sqlite_declared_type.hpp"
#include "db/backends/sqlite/sqlite_table_sql.hpp"
#include "dbmig/literal_text.hpp"
#include "dbmig/naming.hpp"

namespace dbmig::backends {

namespace {

// The tables read: neither SQLite's own (sqlite_sequence, sqlite_stat1, ...) nor virtual ones,
// whose pragmas may need a module this connection has not loaded.
constexpr const char* user_tables =
    "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.sql NOT LIKE "
    "'CREATE VIRTUAL%'";

struct ColumnRow {
  std::string name;
  std::string declared;
  bool not_null = false;
  std::optional<std::string> default_text;  // as written after DEFAULT
  int key_position = 0;                     // 1.. in the primary key, 0 outside it
  int hidden = 0;                           // 2, 3: a generated column (VIRTUAL, STORED)
};

struct ForeignKeyRow {
  std::string from;
  std::string parent;
  std::optional<std::string> to;  // none: the parent's primary key
  std::string on_update;
  std::string on_delete;
};

struct IndexRows {
  std::string name;
  bool unique = false;
  std::string origin;  // "c": CREATE INDEX, "u": UNIQUE inside CREATE TABLE
  bool partial = false;
  bool on_expression = false;
  std::vector<std::string> columns;
};

struct TableRows {
  std::string sql;
  std::vector<ColumnRow> columns;
  std::map<int, std::vector<ForeignKeyRow>> foreign_keys;  // by id, one row per column
  std::vector<IndexRows> indexes;                          // by name
};

struct Catalog {
  std::map<std::string, TableRows> tables;
  std::vector<SchemaNote> notes;  // the objects that are no tables
};

const std::string& text(const std::optional<std::string>& value) {
  static const std::string empty;
  return value ? *value : empty;
}

int number(const std::optional<std::string>& value) {
  return value ? std::stoi(*value) : 0;
}

void read_objects(const CatalogQuery& query, Catalog& catalog) {
  for (const auto& row : query("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name "
                               "NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                               {})
                             .rows) {
    const std::string& type = text(row[0]);
    const std::string& name = text(row[1]);
    if (type == "view")
      catalog.notes.push_back({name, "view " + name, "dbmig models are tables; left out"});
    else if (type == "trigger")
      catalog.notes.push_back({name, "trigger " + name,
                               "on table " + text(row[2]) + ": dbmig has no triggers; left out"});
    else if (type == "table" && text(row[3]).rfind("CREATE VIRTUAL", 0) == 0)
      catalog.notes.push_back({name, "table " + name, "a virtual table; left out"});
    else if (type == "table")
      catalog.tables[name].sql = text(row[3]);
  }
}

void read_columns(const CatalogQuery& query, Catalog& catalog) {
  for (const auto& row :
       query(std::string("SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, "
                         "p.hidden FROM sqlite_master m, pragma_table_xinfo(m.name) p WHERE ") +
                 user_tables + " ORDER BY m.name, p.cid",
             {})
           .rows)
    catalog.tables[text(row[0])].columns.push_back(
        {text(row[1]), text(row[2]), number(row[3]) != 0, row[4], number(row[5]), number(row[6])});
}

void read_foreign_keys(const CatalogQuery& query, Catalog& catalog) {
  for (const auto& row :
       query(std::string("SELECT m.name, p.id, p.\"from\", p.\"table\", p.\"to\", p.on_update, "
                         "p.on_delete FROM sqlite_master m, pragma_foreign_key_list(m.name) p "
                         "WHERE ") +
                 user_tables + " ORDER BY m.name, p.id, p.seq",
             {})
           .rows)
    catalog.tables[text(row[0])].foreign_keys[number(row[1])].push_back(
        {text(row[2]), text(row[3]), row[4], text(row[5]), text(row[6])});
}

void read_indexes(const CatalogQuery& query, Catalog& catalog) {
  for (const auto& row :
       query(std::string("SELECT m.name, l.name, l.\"unique\", l.origin, l.partial, x.cid, x.name "
                         "FROM sqlite_master m, pragma_index_list(m.name) l, "
                         "pragma_index_xinfo(l.name) x WHERE ") +
                 user_tables +
                 " AND l.origin <> 'pk' AND x.key = 1 ORDER BY m.name, l.name, x.seqno",
             {})
           .rows) {
    auto& indexes = catalog.tables[text(row[0])].indexes;
    if (indexes.empty() || indexes.back().name != text(row[1]))
      indexes.push_back(
          {text(row[1]), number(row[2]) != 0, text(row[3]), number(row[4]) != 0, false, {}});
    IndexRows& index = indexes.back();
    if (number(row[5]) < 0)  // -2: an expression, -1: the rowid
      index.on_expression = true;
    else
      index.columns.push_back(text(row[6]));
  }
}

// The columns of the table's primary key, in key order.
std::vector<std::string> primary_key_columns(const TableRows& table) {
  std::vector<const ColumnRow*> keys;
  for (const auto& column : table.columns)
    if (column.key_position > 0) keys.push_back(&column);
  std::sort(keys.begin(), keys.end(), [](const ColumnRow* a, const ColumnRow* b) {
    return a->key_position < b->key_position;
  });
  std::vector<std::string> names;
  for (const ColumnRow* key : keys) names.push_back(key->name);
  return names;
}

std::string listed(const std::vector<std::string>& names) {
  std::string list;
  for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
  return "(" + list + ")";
}

std::optional<OnDelete> on_delete_of(const std::string& sql) {
  static const std::map<std::string, OnDelete> actions{{"CASCADE", OnDelete::cascade},
                                                       {"RESTRICT", OnDelete::restrict},
                                                       {"SET NULL", OnDelete::set_null},
                                                       {"SET DEFAULT", OnDelete::set_default},
                                                       {"NO ACTION", OnDelete::no_action}};
  auto found = actions.find(sql);
  return found == actions.end() ? std::nullopt : std::optional(found->second);
}

bool holds_text(FieldType type) {
  return type == FieldType::string || type == FieldType::bytes || type == FieldType::timestamp ||
         type == FieldType::date || type == FieldType::decimal;
}

// A '...' literal without its quotes (doubled quotes undone); none for any other text.
std::optional<std::string> string_literal(const std::string& text) {
  if (text.size() < 2 || text.front() != '\'' || text.back() != '\'') return std::nullopt;
  std::string value;
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '\'') {
      if (text[i + 1] != '\'') return std::nullopt;  // 'a' || 'b': an expression
      ++i;
    }
    value += text[i];
  }
  return value;
}

// The number `text` is, whole; none for other text or a number beyond a double.
std::optional<double> number_in(const std::string& text) {
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

// The default SQLite prints back (the text after DEFAULT, as written: `'it''s'`, `-5`, `1.5`,
// `CURRENT_TIMESTAMP`) as the field's literal the way BaseSchemaEditor::quote_value writes one;
// `problem` says why not when it cannot be.
std::optional<Literal> read_default(const std::string& sql, const Field& field,
                                    std::string& problem) {
  std::string lowered = sql;
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lowered == "null") return std::nullopt;
  auto quoted = string_literal(sql);
  if (holds_text(field.type)) {
    if (quoted) return Literal{*quoted};
    auto number = number_in(sql);
    if (field.type == FieldType::decimal && number) return Literal{*number};
    if (field.type == FieldType::string && number) return Literal{sql};
  } else {
    std::string value = quoted ? *quoted : field.type == FieldType::boolean ? lowered : sql;
    if (auto literal = parse_literal(value, field)) return literal;
    if (quoted || number_in(sql)) {
      problem = "default " + sql + " does not fit " + describe_type(field) + "; left out";
      return std::nullopt;
    }
  }
  problem = "default " + sql + " is an expression; left out";
  return std::nullopt;
}

// One table of the catalog read into the table view, with its notes.
class TableReader {
 public:
  TableReader(const std::string& name, const TableRows& rows, const Catalog& catalog)
      : rows_(rows), catalog_(catalog), sql_(parse_table_sql(rows.sql)) {
    table_.name = table_.table = name;
  }

  // The table, or none when it is left out (a note says why).
  std::optional<Model> read(std::vector<SchemaNote>& notes) {
    read_columns();
    if (!read_primary_key()) {
      notes.push_back(notes_.back());
      return std::nullopt;
    }
    read_checks();
    read_defaults();
    read_foreign_keys();
    read_indexes();
    sort_by_name(table_);
    notes.insert(notes.end(), notes_.begin(), notes_.end());
    return table_;
  }

 private:
  void note(std::string object, std::string why) {
    notes_.push_back({table_.table, std::move(object), std::move(why)});
  }

  void read_columns() {
    for (const ColumnRow& row : rows_.columns) {
      if (row.hidden == 2 || row.hidden == 3) {
        note("column " + row.name, std::string("a generated column (") +
                                       (row.hidden == 2 ? "VIRTUAL" : "STORED") + "); left out");
        continue;
      }
      DeclaredType declared = read_declared_type(row.declared);
      if (!declared.note.empty()) note("column " + row.name, declared.note);
      if (!declared.field) continue;
      Field field = *declared.field;
      field.name = row.name;
      field.null = !row.not_null;
      table_.fields.push_back(std::move(field));
    }
  }

  // Every dbmig model has exactly one primary key column.
  bool read_primary_key() {
    auto keys = primary_key_columns(rows_);
    if (keys.empty()) {
      note("table " + table_.table, "no primary key (a dbmig model has one); left out");
      return false;
    }
    if (keys.size() > 1) {
      note("primary key " + listed(keys),
           "a composite primary key (a dbmig model has one key column); left out");
      return false;
    }
    Field* key = table_.find_field(keys[0]);
    if (!key) {
      note("primary key " + listed(keys), "its column is left out, so the table is too");
      return false;
    }
    const ColumnRow& row = row_of(keys[0]);
    key->primary_key = true;
    key->null = false;
    key->auto_increment = !sql_.without_rowid && is_rowid_alias_type(row.declared);
    // SQLite lets a key column declared without NOT NULL hold NULLs (but the rowid alias and
    // WITHOUT ROWID keys).
    if (!row.not_null && !key->auto_increment && !sql_.without_rowid)
      note("primary key " + listed(keys),
           "declared without NOT NULL, so SQLite lets it hold NULL; read as NOT NULL");
    return true;
  }

  // A check named like a column's range check with a range dbmig writes for an integer type
  // makes an INTEGER column that type; any other named check is the model's.
  void read_checks() {
    for (const TableSqlCheck& check : sql_.checks) {
      if (check.name.empty()) {
        note("check (" + check.expression + ")", "a check without a name; left out");
        continue;
      }
      if (!read_as_range(check))
        table_.constraints.push_back({check.name, ConstraintKind::check, {}, check.expression});
    }
  }

  bool read_as_range(const TableSqlCheck& check) {
    for (Field& field : table_.fields) {
      if (check.name != constraint_name(table_.table, {field.name}, "check")) continue;
      if (!is_rowid_alias_type(row_of(field.name).declared)) return false;
      for (FieldType type : {FieldType::int8, FieldType::int16, FieldType::int32, FieldType::uint8,
                             FieldType::uint16, FieldType::uint32, FieldType::uint64}) {
        auto range = schema::integer_range(schema::double_quoted(field.name), type);
        if (range && same_check_expression(*range, check.expression)) {
          field.type = type;
          return true;
        }
      }
      return false;
    }
    return false;
  }

  void read_defaults() {
    for (Field& field : table_.fields) {
      const auto& sql = row_of(field.name).default_text;
      if (!sql) continue;
      std::string problem;
      field.default_value = read_default(*sql, field, problem);
      if (!problem.empty()) note("column " + field.name, problem);
    }
  }

  void read_foreign_keys() {
    for (const auto& [id, columns] : rows_.foreign_keys) {
      std::vector<std::string> from;
      for (const auto& column : columns) from.push_back(column.from);
      std::string object = "foreign key " + listed(from);
      if (columns.size() > 1) {
        note(object, "a composite foreign key; left out");
        continue;
      }
      Field* field = table_.find_field(columns[0].from);
      if (!field) continue;  // its column is left out, with a note
      if (auto why = unreadable_reference(columns[0])) {
        note(object, *why);
        continue;
      }
      if (columns[0].on_update != "NO ACTION")
        note(object,
             "ON UPDATE " + columns[0].on_update + ": dbmig has no on_update; read without it");
      field->references = Reference{{"", columns[0].parent}, *on_delete_of(columns[0].on_delete)};
    }
  }

  // Why a single-column foreign key is no dbmig reference, if it is not.
  std::optional<std::string> unreadable_reference(const ForeignKeyRow& key) const {
    auto parent = catalog_.tables.find(key.parent);
    if (parent == catalog_.tables.end())
      return "references " + key.parent + ", which is no table read; left out";
    auto parent_keys = primary_key_columns(parent->second);
    if (key.to && (parent_keys.size() != 1 || parent_keys[0] != *key.to))
      return "references " + key.parent + "." + *key.to +
             ", not its primary key (dbmig references a primary key); left out";
    if (!on_delete_of(key.on_delete)) return "ON DELETE " + key.on_delete + " is unknown; left out";
    return std::nullopt;
  }

  void read_indexes() {
    for (const IndexRows& index : rows_.indexes) {
      std::string object = "index " + index.name;
      if (index.partial) {
        note(object, "a partial index (WHERE); left out");
      } else if (index.on_expression) {
        note(object, "an index on an expression; left out");
      } else if (auto missing = left_out_column(index.columns)) {
        note(object, "on column " + *missing + ", which is left out; left out");
      } else if (index.origin == "u") {
        std::string name = constraint_name(table_.table, index.columns, "uniq");
        note(object, "UNIQUE inside CREATE TABLE, read as the unique index " + name +
                         " (SQLite cannot drop it without rebuilding the table)");
        place_index(table_, name, index.columns, true);
      } else {
        place_index(table_, index.name, index.columns, index.unique);
      }
    }
  }

  std::optional<std::string> left_out_column(const std::vector<std::string>& columns) const {
    for (const auto& column : columns)
      if (!table_.find_field(column)) return column;
    return std::nullopt;
  }

  const ColumnRow& row_of(const std::string& column) const {
    return *std::find_if(rows_.columns.begin(), rows_.columns.end(),
                         [&](const ColumnRow& row) { return row.name == column; });
  }

  const TableRows& rows_;
  const Catalog& catalog_;
  TableSql sql_;
  Model table_;
  std::vector<SchemaNote> notes_;
};

}  // namespace

LiveSchema SqliteBackend::read_schema(const CatalogQuery& query) const {
  Catalog catalog;
  read_objects(query, catalog);
  read_columns(query, catalog);
  read_foreign_keys(query, catalog);
  read_indexes(query, catalog);
  LiveSchema schema;
  schema.notes = catalog.notes;
  for (const auto& [name, rows] : catalog.tables)
    if (auto table = TableReader(name, rows, catalog).read(schema.notes))
      schema.tables.push_back(std::move(*table));
  return schema;
}

}  // namespace dbmig::backends
