#include "db/backends/backend.hpp"

#include "db/backends/mysql/mysql_backend.hpp"
#include "db/backends/postgresql/postgres_backend.hpp"
#include "db/backends/sqlite/sqlite_backend.hpp"

namespace dbmig {

const Backend& backend_for(Dialect dialect) {
  static const backends::SqliteBackend sqlite;
  static const backends::PostgresBackend postgresql;
  static const backends::MysqlBackend mysql;
  switch (dialect) {
    case Dialect::sqlite:
      break;
    case Dialect::postgresql:
      return postgresql;
    case Dialect::mysql:
      return mysql;
  }
  return sqlite;
}

std::string Backend::quoted_setting(const std::string& value, char quote) {
  std::string quoted(1, quote);
  for (char c : value) {
    if (c == quote || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + quote;
}

// libpq and SOCI's MySQL backend take single quotes with backslash escapes.
std::string Backend::server_connection_string(const DatabaseUrl& url,
                                              const std::string& database_key) {
  std::string text = "host=" + quoted_setting(url.host);
  if (url.port) text += " port=" + std::to_string(*url.port);
  text += " " + database_key + "=" + quoted_setting(url.database);
  if (!url.user.empty()) text += " user=" + quoted_setting(url.user);
  if (!url.password.empty()) text += " password=" + quoted_setting(url.password);
  return text;
}

// The public entry points to a backend's parts (dbmig/schema_editor.hpp, dbmig/database_url.hpp).

std::unique_ptr<SchemaEditor> make_schema_editor(Dialect dialect) {
  return backend_for(dialect).schema_editor();
}

std::string DatabaseUrl::soci_backend() const {
  return backend_for(dialect).soci_name();
}

std::string DatabaseUrl::soci_connection_string() const {
  return backend_for(dialect).connection_string(*this, Access::change);
}

}  // namespace dbmig
