// Reads a table's schema back from the database's own catalog (SQLite PRAGMAs, PostgreSQL
// pg_catalog, MySQL/MariaDB information_schema) and compares it with a model of the project
// state. Used by the SQL execution tests, the migrate tests and the end-to-end tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <soci/soci.h>

#include "dbmig/schema_editor.hpp"
#include "dbmig/state.hpp"

namespace dbmig::test {

struct CatalogColumn {
  std::string name;
  std::string type;  // lower case, as the catalog spells it ("character varying(200)")
  bool nullable = true;
  std::optional<std::string> default_value;  // the catalog's text ("'a'::text", "0.50")
  bool auto_increment = false;
  std::string comment;  // empty on SQLite, which keeps none
};

struct CatalogForeignKey {
  std::string name;  // empty on SQLite, which does not keep constraint names
  std::string column;
  std::string referenced_table;
  std::string referenced_column;
  std::string on_delete;  // "CASCADE", "SET NULL", "RESTRICT", "NO ACTION", "SET DEFAULT"
};

// Every index except the primary key's, including those behind unique constraints.
struct CatalogIndex {
  std::string name;
  std::vector<std::string> columns;
  bool unique = false;
};

struct CatalogCheck {
  std::string name;
  std::string expression;  // as the catalog prints it back (normalized_check compares them)
};

struct TableCatalog {
  std::string name;
  std::vector<CatalogColumn> columns;  // in table order
  std::vector<std::string> primary_key;
  std::vector<CatalogForeignKey> foreign_keys;  // by column
  std::vector<CatalogIndex> indexes;            // by name
  std::vector<CatalogCheck> checks;             // by name
  std::string comment;                          // empty on SQLite

  const CatalogColumn* column(std::string_view column_name) const;
  const CatalogIndex* index(std::string_view index_name) const;
};

// The tables of the connected database (the current schema on PostgreSQL), sorted.
std::vector<std::string> read_tables(soci::session& session, Dialect dialect);

// The table's catalog, or nullopt when no such table exists.
std::optional<TableCatalog> read_table(soci::session& session, Dialect dialect,
                                       std::string_view table);

// What differs between the table in the database and `model` of `state`, one line each; empty
// when they agree on the set of columns (not their order), types, nullability, defaults, primary
// key, auto-increment, foreign keys, indexes, uniques and check constraints (names, and
// expressions after normalized_check).
std::vector<std::string> compare_with_model(const TableCatalog& table, const ProjectState& state,
                                            const Model& model, Dialect dialect);

// Every table of the connected database except the recorder's (dbmig_migrations), by name.
std::vector<TableCatalog> read_schema(soci::session& session, Dialect dialect);

// What differs between two schemas read from databases of the same dialect, one line each
// naming the table; empty when they have the same tables with the same set of columns (not
// their order: a column added later lands at the end) and the same types, nullability,
// defaults (as the catalog spells them), primary keys, foreign keys, indexes, uniques, check
// constraints (names and expressions as the catalog spells them) and comments.
std::vector<std::string> compare_schemas(const std::vector<TableCatalog>& actual,
                                         const std::vector<TableCatalog>& expected);

// compare_with_model for every model of `state` and its table in `schema`, each line naming the
// model; a model whose table is missing is one line.
std::vector<std::string> compare_with_state(const std::vector<TableCatalog>& schema,
                                            const ProjectState& state, Dialect dialect);

// The column type a field must have in `dialect`'s catalog spelling, written independently of
// the schema editors so the tests check them.
std::string expected_column_type(const Field& field, Dialect dialect);

}  // namespace dbmig::test
