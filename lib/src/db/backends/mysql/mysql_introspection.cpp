// MySQL's and MariaDB's catalog: information_schema, read back into the table view of
// dbmig/live_schema.hpp.
#include "db/backends/mysql/mysql_backend.hpp"

namespace dbmig::backends {

LiveSchema MysqlBackend::read_schema(const CatalogQuery& query) const {
  LiveSchema schema;
  for (const auto& row : query("SELECT table_name FROM information_schema.tables WHERE "
                               "table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY 1",
                               {})
                             .rows) {
    Model table;
    table.name = table.table = row.at(0).value_or("");
    schema.tables.push_back(std::move(table));
  }
  return schema;
}

}  // namespace dbmig::backends
