// PostgreSQL's catalog: pg_catalog, read back into the table view of dbmig/live_schema.hpp.
#include "db/backends/postgresql/postgres_backend.hpp"

namespace dbmig::backends {

LiveSchema PostgresBackend::read_schema(const CatalogQuery& query) const {
  LiveSchema schema;
  for (const auto& row :
       query("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
             "c.relkind IN ('r', 'p') AND n.nspname = current_schema() ORDER BY 1",
             {})
           .rows) {
    Model table;
    table.name = table.table = row.at(0).value_or("");
    schema.tables.push_back(std::move(table));
  }
  return schema;
}

}  // namespace dbmig::backends
