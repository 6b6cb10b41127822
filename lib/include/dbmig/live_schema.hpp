// What a live database holds, read back from its catalog into dbmig's own terms: the input of
// `dbmig inspectdb` and of the drift check `dbmig check` (docs/inspectdb.md).
#pragma once

#include <compare>
#include <string>
#include <string_view>
#include <vector>

#include "dbmig/check_expression.hpp"
#include "dbmig/schema_editor.hpp"
#include "dbmig/state.hpp"

namespace dbmig {

class Connection;

// Something of the database that the models cannot say exactly: an object left out of the
// tables read (a view, a trigger, a column of a type dbmig has no field type for, an
// expression index, a composite primary key, ...), or a column read as the nearest dbmig type
// (an SQLite declared type other than the one dbmig writes). Never dropped silently: inspectdb
// writes each as a comment and lists it, check reports it.
struct SchemaNote {
  std::string table;   // the table it belongs to; for a view or trigger its own name
  std::string object;  // "column tags", "index users_lower_idx", "view active_users", ...
  std::string note;    // why: "type integer[]: no dbmig field type; left out"
  auto operator<=>(const SchemaNote&) const = default;
};

// The tables of a database in their *table view*: one Model per table, named by the table
// (app empty, name == table), each column a Field named by the column (column empty),
// references to ModelKey{"", referenced table}, index and constraint fields by column name. A
// single-column index or unique constraint carrying the name dbmig gives a field's own
// (`<table>_<column>_idx`, `_uniq`) is the field's `index` / `unique` flag; every other index
// and unique constraint is model-level with its name kept. Range checks dbmig adds for a type
// (`<table>_<column>_check`) are read as that type, not as checks; other checks keep the
// expression as the database prints it back. Dialects that keep no comments (SQLite) read
// them empty.
struct LiveSchema {
  std::vector<Model> tables;      // by table name; dbmig's own table is never among them
  std::vector<SchemaNote> notes;  // sorted

  const Model* find(std::string_view table) const;
};

// `model` of `state` in the table view LiveSchema describes, as `dialect` keeps it (no
// comments on SQLite), so that a model and the table read back from a database compare with
// ==, check expressions aside (compare them with same_check_expression of
// dbmig/check_expression.hpp).
Model table_view(const Model& model, const ProjectState& state, Dialect dialect);

// Reads the connected database's tables through the catalog queries of its backend.
LiveSchema read_live_schema(Connection& connection);

}  // namespace dbmig
