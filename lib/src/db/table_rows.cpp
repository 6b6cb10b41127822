#include "db/table_rows.hpp"

#include <string>

namespace dbmig {

RowCounter table_row_counter(Connection& connection) {
  return [&connection](const std::string& table) -> std::optional<long long> {
    if (!connection.has_table(table)) return std::nullopt;
    std::string quoted = make_schema_editor(connection.dialect())->quote_name(table);
    QueryResult result = connection.query("SELECT COUNT(*) FROM " + quoted);
    return std::stoll(result.rows.at(0).at(0).value_or("0"));
  };
}

}  // namespace dbmig
