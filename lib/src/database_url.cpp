#include "dbmig/database_url.hpp"

#include <charconv>

#include "dbmig/error.hpp"

namespace dbmig {

namespace {

std::optional<Dialect> dialect_of_scheme(std::string_view scheme) {
  if (scheme == "sqlite" || scheme == "sqlite3") return Dialect::sqlite;
  if (scheme == "postgresql" || scheme == "postgres") return Dialect::postgresql;
  if (scheme == "mysql" || scheme == "mariadb") return Dialect::mysql;
  return std::nullopt;
}

// %XX escapes let passwords contain '@', ':' or '/'.
std::string percent_decode(std::string_view text) {
  std::string result;
  for (std::size_t i = 0; i < text.size(); ++i) {
    int value = 0;
    if (text[i] == '%' && i + 2 < text.size() &&
        std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16).ec == std::errc()) {
      result += static_cast<char>(value);
      i += 2;
    } else {
      result += text[i];
    }
  }
  return result;
}

// A quoted connection-string value. libpq and SOCI's MySQL backend take single quotes with
// backslash escapes; SOCI's SQLite backend takes double quotes.
std::string connection_value(const std::string& value, char quote = '\'') {
  std::string quoted(1, quote);
  for (char c : value) {
    if (c == quote || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + quote;
}

std::string redact_raw(std::string_view url) {
  auto scheme_end = url.find("://");
  auto at = url.rfind('@');
  if (scheme_end == std::string_view::npos || at == std::string_view::npos || at < scheme_end)
    return std::string(url);
  auto colon = url.find(':', scheme_end + 3);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

}  // namespace

DatabaseUrl parse_database_url(std::string_view url) {
  auto fail = [&](const std::string& why) -> DatabaseUrl {
    throw InputError("database URL " + redact_raw(url) + ": " + why +
                     "; expected sqlite:///path.db, postgresql://user:pass@host:port/db or "
                     "mysql://user:pass@host:port/db");
  };
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return fail("no scheme");
  auto dialect = dialect_of_scheme(url.substr(0, scheme_end));
  if (!dialect) return fail("unknown scheme '" + std::string(url.substr(0, scheme_end)) + "'");

  DatabaseUrl result;
  result.dialect = *dialect;
  std::string_view rest = url.substr(scheme_end + 3);
  if (result.dialect == Dialect::sqlite) {
    // sqlite:///relative.db and sqlite:////absolute/path.db, as SQLAlchemy and Django-environ do.
    if (rest.empty() || rest.front() != '/')
      return fail("a SQLite URL has three slashes before the path");
    result.database = percent_decode(rest.substr(1));
    if (result.database.empty()) return fail("no database file");
    return result;
  }

  auto slash = rest.find('/');
  if (slash == std::string_view::npos || slash + 1 == rest.size()) return fail("no database name");
  // An '@' past the host means a '/' in the user or password split the URL early: the rest of
  // the password would show as host, port or database.
  if (rest.find('@', slash) != std::string_view::npos)
    return fail("'@' after the host; write '/' and '@' in a user name or password as %2F and %40");
  result.database = percent_decode(rest.substr(slash + 1));
  std::string_view authority = rest.substr(0, slash);
  if (auto at = authority.rfind('@'); at != std::string_view::npos) {
    std::string_view credentials = authority.substr(0, at);
    authority = authority.substr(at + 1);
    auto colon = credentials.find(':');
    result.user = percent_decode(credentials.substr(0, colon));
    if (colon != std::string_view::npos)
      result.password = percent_decode(credentials.substr(colon + 1));
  }
  if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    int port = 0;
    std::string_view digits = authority.substr(colon + 1);
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (error != std::errc() || end != digits.data() + digits.size() || port <= 0 || port > 65535)
      return fail("bad port '" + std::string(digits) + "'");
    result.port = port;
    authority = authority.substr(0, colon);
  }
  result.host = authority.empty() ? "localhost" : std::string(authority);
  return result;
}

std::string DatabaseUrl::redacted() const {
  std::string scheme(to_string(dialect));
  if (dialect == Dialect::sqlite) return scheme + ":///" + database;
  std::string text = scheme + "://";
  if (!user.empty()) text += user + (password.empty() ? "" : ":***") + "@";
  text += host;
  if (port) text += ":" + std::to_string(*port);
  return text + "/" + database;
}

std::string DatabaseUrl::soci_backend() const {
  return dialect == Dialect::sqlite ? "sqlite3" : std::string(to_string(dialect));
}

std::string DatabaseUrl::soci_connection_string() const {
  if (dialect == Dialect::sqlite) return "db=" + connection_value(database, '"');
  std::string text = "host=" + connection_value(host);
  if (port) text += " port=" + std::to_string(*port);
  text += std::string(dialect == Dialect::mysql ? " db=" : " dbname=") + connection_value(database);
  if (!user.empty()) text += " user=" + connection_value(user);
  if (!password.empty()) text += " password=" + connection_value(password);
  return text;
}

}  // namespace dbmig
