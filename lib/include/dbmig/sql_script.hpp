// SQL written by hand (RunSQL) split into its statements, for one database. Drivers run one
// statement per call (SQLite silently ignores the rest of a string, MySQL refuses it), so a
// string holding several is cut at each ';' that ends a statement: not inside a '...' string,
// a "..."/`...`/[...] identifier, a -- / # / /* */ comment, a PostgreSQL $tag$...$tag$ body,
// parentheses, or the BEGIN ... END body of a CREATE TRIGGER/FUNCTION/PROCEDURE/EVENT (or a
// MariaDB BEGIN NOT ATOMIC block). Pure: no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dbmig/schema_editor.hpp"

namespace dbmig {

// The statements of `script`, each trimmed and without its ';'; parts holding only comments
// and whitespace are left out. Throws InputError when the string cannot be split safely (a
// quote, comment, dollar quote, parenthesis or BEGIN left open, or a mysql client DELIMITER
// command), naming the line and column in `script` and what to do.
std::vector<std::string> split_sql_script(std::string_view script, Dialect dialect);

// The first `count` words of `statement` (fewer when it has fewer), upper-cased, skipping
// comments and whitespace; what a statement is ("DROP", "TABLE").
std::vector<std::string> leading_keywords(std::string_view statement, Dialect dialect,
                                          std::size_t count);

}  // namespace dbmig
