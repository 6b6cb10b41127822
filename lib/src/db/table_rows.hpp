// How many rows the tables of a database hold, for the lint's messages (docs/lint.md).
#pragma once

#include "dbmig/connection.hpp"
#include "dbmig/lint.hpp"

namespace dbmig {

// Counts the rows of a table of `connection`'s database with COUNT(*): nullopt when the table
// is not there. The connection must outlive the counter.
RowCounter table_row_counter(Connection& connection);

}  // namespace dbmig
