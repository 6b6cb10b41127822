// The database `dbmig migrate` prepared, opened as a SOCI session from the URL dbmig takes
// (dbmig's docs/databases.md "Which database"): DATABASE_URL, else sqlite:///db.sqlite3. This
// example reads the three plain forms, sqlite:///path, postgresql://user:pass@host:port/db and
// mysql://user:pass@host:port/db (percent escapes in user and password); dbmig itself reads
// more (aliases from dbmig.json, .env, ?schema=).
#pragma once

#include <soci/soci.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

namespace runtime {

// "%40" -> "@": how a URL writes a character that would end its part.
inline std::string percent_decoded(std::string_view text) {
  std::string plain;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      plain += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      plain += text[i];
    }
  }
  return plain;
}

// libpq's and SOCI's MySQL key='value' form.
inline std::string setting(std::string_view key, std::string_view value) {
  std::string quoted;
  for (char c : value) {
    if (c == '\'' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return std::string(key) + "='" + quoted + "' ";
}

// user:pass@host:port/db as SOCI's connection string; `database_key` is "dbname" (PostgreSQL)
// or "db" (MySQL). The last '@' ends the credentials, as in dbmig.
inline std::string server_connection(std::string_view rest, std::string_view database_key) {
  std::string text;
  if (std::size_t at = rest.rfind('@'); at != std::string_view::npos) {
    std::string_view credentials = rest.substr(0, at);
    std::size_t colon = credentials.find(':');
    text += setting("user", percent_decoded(credentials.substr(0, colon)));
    if (colon != std::string_view::npos)
      text += setting("password", percent_decoded(credentials.substr(colon + 1)));
    rest.remove_prefix(at + 1);
  }
  std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) throw std::runtime_error("the URL names no database");
  std::string_view address = rest.substr(0, slash);
  std::size_t colon = address.rfind(':');
  text += setting("host", address.substr(0, colon));
  if (colon != std::string_view::npos) text += setting("port", address.substr(colon + 1));
  return text + setting(database_key, rest.substr(slash + 1));
}

// Opens `sql` on the database of `url`.
inline void open_database(soci::session& sql, std::string_view url) {
  // What follows the scheme, or empty when the URL has another one.
  auto after = [&](std::string_view scheme, std::string_view alias = {}) {
    for (std::string_view prefix : {scheme, alias})
      if (!prefix.empty() && url.starts_with(prefix)) return url.substr(prefix.size());
    return std::string_view{};
  };
  if (auto path = after("sqlite:///"); !path.empty()) {
    sql.open("sqlite3", "db=" + std::string(path));
    sql << "PRAGMA foreign_keys = ON";  // SQLite enforces ON DELETE CASCADE only when asked
  } else if (auto rest = after("postgresql://", "postgres://"); !rest.empty()) {
    sql.open("postgresql", server_connection(rest, "dbname"));
  } else if (auto rest = after("mysql://", "mariadb://"); !rest.empty()) {
    sql.open("mysql", server_connection(rest, "db"));
  } else {
    throw std::runtime_error("DATABASE_URL is not sqlite:///, postgresql:// or mysql://");
  }
}

}  // namespace runtime
