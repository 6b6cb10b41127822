// `inspectdb --table`: some tables of a live schema, with every table they reference so that
// each reference of the models written has its model (docs/inspectdb.md).
#pragma once

#include <string>
#include <vector>

#include "dbmig/live_schema.hpp"

namespace dbmig {

struct TableSelection {
  LiveSchema schema;  // the tables chosen and those they reference, with their notes only
  // Each table added because another references it: {table, "included", "table T references
  // it"}, in the order they were found.
  std::vector<SchemaNote> included;
};

// `tables` (each a table of `schema`) and the tables they reference, directly or not; all of
// `schema` when `tables` is empty.
TableSelection select_tables(const LiveSchema& schema, const std::vector<std::string>& tables);

}  // namespace dbmig
