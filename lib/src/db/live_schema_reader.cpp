// read_live_schema: the connected database's catalog through its backend's queries.
#include <algorithm>

#include "core/table_view.hpp"
#include "db/backends/backend.hpp"
#include "dbmig/connection.hpp"
#include "dbmig/live_schema.hpp"
#include "dbmig/recorder.hpp"

namespace dbmig {

LiveSchema read_live_schema(Connection& connection) {
  LiveSchema schema = backend_for(connection.dialect())
                          .read_schema([&](const std::string& sql, std::vector<SqlValue> values) {
                            return connection.query(sql, std::move(values));
                          });
  // dbmig's own tables, and what the backend noted on them (the composite primary key).
  std::erase_if(schema.tables, [](const Model& table) { return is_dbmig_table(table.table); });
  std::erase_if(schema.notes, [](const SchemaNote& note) { return is_dbmig_table(note.table); });
  for (Model& table : schema.tables) {
    for (Field& field : table.fields)
      field.default_value = comparable_default(field, connection.dialect());
    leave_out_repeated_indexes(table, schema.notes);
  }
  std::sort(schema.tables.begin(), schema.tables.end(),
            [](const Model& a, const Model& b) { return a.table < b.table; });
  std::sort(schema.notes.begin(), schema.notes.end());
  return schema;
}

}  // namespace dbmig
