// What SQLite keeps of a table only in the text of its CREATE TABLE (sqlite_master.sql): the
// CHECK constraints with their names, and whether the table is WITHOUT ROWID.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dbmig::backends {

struct TableSqlCheck {
  std::string name;        // unquoted; empty for a CHECK without CONSTRAINT "name"
  std::string expression;  // the text between CHECK's parentheses, as written
};

struct TableSql {
  std::vector<TableSqlCheck> checks;  // in the order written, column checks and table checks
  bool without_rowid = false;
};

// Reads `create_table`, skipping quoted text and comments, so a CHECK inside a string or an
// identifier is not taken for one.
TableSql parse_table_sql(std::string_view create_table);

}  // namespace dbmig::backends
