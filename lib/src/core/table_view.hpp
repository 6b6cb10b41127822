// What the catalog readers of the backends (db/backends/<dialect>/<dialect>_introspection.cpp)
// share: building a table in the table view of dbmig/live_schema.hpp the same way table_view()
// does for a model.
#pragma once

#include <string>
#include <vector>

#include "dbmig/live_schema.hpp"

namespace dbmig {

// Adds an index (`unique`: a unique constraint or unique index) over `columns` of `table`: a
// single-column one carrying the name dbmig gives a field's own (`<table>_<column>_idx`,
// `_uniq`) sets that field's flag, any other is model-level with its name. Call it once the
// fields are in place, then sort_by_name.
void place_index(Model& table, std::string name, std::vector<std::string> columns, bool unique);

// The field's default as every database prints it back, so a model's and a table's compare: a
// decimal as its digits without trailing zeros in the fraction (MariaDB prints DECIMAL(12, 2)'s
// 0.5 as 0.50), a float on MySQL/MariaDB at the 6 significant digits they print a FLOAT's
// default with (docs/inspectdb.md). table_view and read_live_schema both apply it.
std::optional<Literal> comparable_default(const Field& field, Dialect dialect);

// Drops the model-level indexes (unique constraints) of `table` over exactly the columns of a
// field's own index (unique or primary key) or of an index (unique constraint) before them, each
// with a note: the scanner refuses a repeated index, so a model could not say them.
void leave_out_repeated_indexes(Model& table, std::vector<SchemaNote>& notes);

// The model-level indexes and constraints in name order, as the readers return them.
void sort_by_name(Model& table);

}  // namespace dbmig
