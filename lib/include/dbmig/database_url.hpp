// Database URLs (docs/databases.md): sqlite:///path.db, postgresql://user:pass@host:port/db,
// mysql://user:pass@host:port/db. Pure parsing; connecting is connection.hpp's job.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dbmig/schema_editor.hpp"

namespace dbmig {

struct DatabaseUrl {
  Dialect dialect = Dialect::sqlite;
  std::string user;
  std::string password;
  std::string host;
  std::optional<int> port;
  std::string database;  // SQLite: the file path (relative paths are the project's)
  // PostgreSQL's `?schema=NAME`: the session's only schema (docs/databases.md "Schema per
  // tenant"); empty: the server's default search_path.
  std::string schema;

  // The URL through redact_database_url: the only form that may be shown or logged.
  std::string redacted() const;
  // What a message must never contain, e.g. a server's error text: the password, and a user
  // name that redacted() hides.
  std::vector<std::string> secrets() const;
  // SOCI's backend name: "sqlite3", "postgresql" or "mysql" (the dialect's backend,
  // lib/src/db/backends/, says).
  std::string soci_backend() const;
  // SOCI's connection string, as the dialect's backend builds it; contains the password, so
  // never print it.
  std::string soci_connection_string() const;
};

// Any text given as a database (a URL, a mistyped one, an alias) in the form a message may
// show: whatever may be a credential is "***": all before the last '@' but a plain user name
// after a scheme, every query value but a schema's name, a non-numeric port. Every message naming a
// database shows it through this function (DatabaseUrl::redacted() too).
std::string redact_database_url(std::string_view text);

// Throws InputError (which shows the URL redacted) when the URL is malformed, the scheme is
// not one of sqlite, postgresql (postgres), mysql (mariadb), or it has query parameters other
// than PostgreSQL's `schema=NAME` (an identifier). In a PostgreSQL or MySQL URL the last '@'
// ends the credentials.
DatabaseUrl parse_database_url(std::string_view url);

}  // namespace dbmig
