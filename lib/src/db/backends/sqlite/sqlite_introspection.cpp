// SQLite's catalog: sqlite_master and the table pragmas, read back into the table view of
// dbmig/live_schema.hpp.
#include "db/backends/sqlite/sqlite_backend.hpp"

namespace dbmig::backends {

LiveSchema SqliteBackend::read_schema(const CatalogQuery& query) const {
  LiveSchema schema;
  for (const auto& row : query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                               "LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                               {})
                             .rows) {
    Model table;
    table.name = table.table = row.at(0).value_or("");
    schema.tables.push_back(std::move(table));
  }
  return schema;
}

}  // namespace dbmig::backends
