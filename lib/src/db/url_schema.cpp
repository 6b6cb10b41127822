#include "db/url_schema.hpp"

#include "db/backends/backend.hpp"
#include "dbmig/error.hpp"

namespace dbmig {

namespace {

std::optional<std::string> text_of(Connection& connection, const std::string& sql) {
  QueryResult result = connection.query(sql);
  if (result.rows.empty() || result.rows.front().empty()) return std::nullopt;
  return result.rows.front().front();
}

}  // namespace

void enter_url_schema(Connection& connection, Access access) {
  const DatabaseUrl& url = connection.url();
  if (url.schema.empty()) return;
  UrlSchemaSql sql = backend_for(url.dialect).url_schema(url);
  std::string where = url.redacted();
  std::string search_path = text_of(connection, sql.search_path_query).value_or("");
  if (search_path != sql.expected_search_path)
    throw DatabaseError("the session of " + where + " has the search_path '" + search_path +
                        "', not the schema " + url.schema +
                        " alone: something between dbmig and the server (a connection pooler?) "
                        "dropped the connection's options setting; connect to the server "
                        "directly, or let the pooler pass options (pgbouncer: not in "
                        "ignore_startup_parameters)");
  // Created only when missing: CREATE SCHEMA IF NOT EXISTS needs the right to create schemas
  // even when it exists.
  if (text_of(connection, sql.current_schema_query) == url.schema) return;
  bool exists = connection.query_int(sql.exists_query).value_or(0) > 0;
  if (!exists && access == Access::read) return;  // reads as an empty database
  if (!exists) {
    try {
      connection.execute(sql.create_sql);
    } catch (const DatabaseError& e) {
      throw DatabaseError("cannot create the schema " + url.schema + " in " + where + ": " +
                          e.what());
    }
  }
  if (text_of(connection, sql.current_schema_query) == url.schema) return;
  throw DatabaseError("the schema " + url.schema + " of " + where +
                      " exists but this user may not use it; GRANT USAGE (and CREATE, to migrate) "
                      "ON SCHEMA " +
                      url.schema + " TO the user");
}

}  // namespace dbmig
