// Drift: what a live database holds that the migrations recorded as applied do not say, or the
// other way round (`dbmig check`, and migrate's warning; docs/inspectdb.md "dbmig check").
#pragma once

#include <set>
#include <string>
#include <vector>

#include "dbmig/live_schema.hpp"
#include "dbmig/state.hpp"

namespace dbmig {

struct SchemaDifference {
  std::string table;
  std::string object;    // "" (the table), "column x", "index n", "constraint n", "table comment"
  std::string kind;      // "missing", "extra", "type", "null", "default", "primary key",
                         // "auto increment", "foreign key", "on delete", "unique", "index",
                         // "columns", "check", "comment", "unreadable"
  std::string expected;  // as the migrations say it ("" when missing from them)
  std::string found;     // as the database holds it ("" when missing from it)

  // "<table>: <object>: <kind> (expected ..., found ...)", one line.
  std::string describe() const;
  auto operator<=>(const SchemaDifference&) const = default;
};

// Every difference between the tables of `expected` (each model's table_view on `dialect`) and
// the tables `live` holds, by table, then object; a note of `live` about an expected column or
// table (one the reader had to leave out) is an "unreadable" difference.
std::vector<SchemaDifference> schema_differences(const ProjectState& expected,
                                                 const LiveSchema& live, Dialect dialect);

// Only the differences of `tables`.
std::vector<SchemaDifference> differences_in(const std::vector<SchemaDifference>& differences,
                                             const std::set<std::string>& tables);

}  // namespace dbmig
