// Database URLs (DESIGN.md §4): sqlite:///path.db, postgresql://user:pass@host:port/db,
// mysql://user:pass@host:port/db. Pure parsing; connecting is connection.hpp's job.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dbmig/schema_editor.hpp"

namespace dbmig {

struct DatabaseUrl {
  Dialect dialect = Dialect::sqlite;
  std::string user;
  std::string password;
  std::string host;
  std::optional<int> port;
  std::string database;  // SQLite: the file path (relative paths are the project's)

  // The URL with the password replaced by "***": the only form that may be shown or logged.
  std::string redacted() const;
  // SOCI's backend name: "sqlite3", "postgresql" or "mysql".
  std::string soci_backend() const;
  // SOCI's connection string; contains the password, so never print it.
  std::string soci_connection_string() const;
};

// Throws InputError (which shows the URL redacted) when the URL is malformed or the scheme is
// not one of sqlite, postgresql (postgres), mysql (mariadb).
DatabaseUrl parse_database_url(std::string_view url);

}  // namespace dbmig
