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

// Characters that would end the part of a URL they are in, and '%' itself.
std::string percent_encode(std::string_view text, std::string_view reserved) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string result;
  for (unsigned char c : text) {
    if (c == '%' || c < 0x20 || c == 0x7f ||
        reserved.find(static_cast<char>(c)) != std::string_view::npos) {
      result += '%';
      result += hex[c >> 4];
      result += hex[c & 0xf];
    } else {
      result += static_cast<char>(c);
    }
  }
  return result;
}

constexpr std::string_view kHidden = "***";

bool all_of_chars(std::string_view text, bool (*allowed)(char)) {
  for (char c : text)
    if (!allowed(c)) return false;
  return true;
}

bool ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool scheme_char(char c) {
  return ascii_alnum(c) || c == '+' || c == '.' || c == '-';
}
bool digit(char c) {
  return c >= '0' && c <= '9';
}
// A user name that cannot be a password typed in the wrong place (u%3Apw, u:pw): shown as is.
bool plain_user_char(char c) {
  return ascii_alnum(c) || c == '_' || c == '-' || c == '.';
}

// "scheme://" when `text` starts with a well-formed one, else empty.
std::string_view scheme_prefix(std::string_view text) {
  auto end = text.find("://");
  if (end == std::string_view::npos || end == 0 || !all_of_chars(text.substr(0, end), scheme_char))
    return {};
  return text.substr(0, end + 3);
}

// host[:port]: a "port" that is not a number may be a password whose '@' is missing.
std::string redact_host(std::string_view host) {
  auto colon = host.rfind(':');
  if (colon == std::string_view::npos || host.ends_with(']')) return std::string(host);
  std::string_view port = host.substr(colon + 1);
  bool number = !port.empty() && all_of_chars(port, digit);
  return std::string(host.substr(0, colon + 1)) +
         (number ? std::string(port) : std::string(kHidden));
}

constexpr std::string_view kSchemaKey = "schema";

// A schema name dbmig accepts: an identifier PostgreSQL creates as written (at most 63 bytes,
// not its reserved pg_ prefix). Shown in messages: it names a tenant, not a secret.
bool schema_name(std::string_view name) {
  return !name.empty() && name.size() <= 63 && !digit(name.front()) && !name.starts_with("pg_") &&
         all_of_chars(name, [](char c) { return ascii_alnum(c) || c == '_'; });
}

// "?key=value&..." or "#...": the keys stay (a message may name them), every value goes but a
// schema's name.
std::string redact_query(std::string_view query) {
  std::string shown(1, query.front());
  std::string_view rest = query.substr(1);
  while (!rest.empty()) {
    auto end = rest.find_first_of("&;");
    std::string_view pair = rest.substr(0, end);
    auto equals = pair.find('=');
    bool plain_key =
        equals != std::string_view::npos && all_of_chars(pair.substr(0, equals), plain_user_char);
    std::string_view value = plain_key ? pair.substr(equals + 1) : "";
    bool schema = plain_key && pair.substr(0, equals) == kSchemaKey && schema_name(value);
    shown += plain_key
                 ? std::string(pair.substr(0, equals + 1)) + std::string(schema ? value : kHidden)
                 : std::string(kHidden);
    if (end == std::string_view::npos) break;
    shown += rest[end];
    rest = rest.substr(end + 1);
  }
  return shown;
}

constexpr const char* kUnsupportedQuery =
    "query parameters (?...) are not supported but PostgreSQL's ?schema=NAME; give the password "
    "as user:PASSWORD@host, escaping @ : / ? # % in it as %40 %3A %2F %3F %23 %25";

// What is wrong with a URL's query (after its '?'), or nothing when it is PostgreSQL's
// "schema=NAME". Never shows a value.
std::string query_problem(std::string_view query, Dialect dialect) {
  auto equals = query.find('=');
  if (equals == std::string_view::npos || query.substr(0, equals) != kSchemaKey ||
      query.find_first_of("?#&;") != std::string_view::npos)
    return kUnsupportedQuery;
  if (dialect == Dialect::mysql)
    return "?schema= is for PostgreSQL; on MySQL/MariaDB a schema is a database: put it in the "
           "path (mysql://user:pass@host:3306/tenant_7)";
  if (dialect != Dialect::postgresql)
    return "?schema= is for PostgreSQL; a SQLite database has no schemas";
  if (!schema_name(query.substr(equals + 1)))
    return "?schema= needs a schema name of letters, digits and _ (not starting with a digit or "
           "pg_), at most 63 characters";
  return "";
}

}  // namespace

std::string redact_database_url(std::string_view text) {
  std::string_view scheme = scheme_prefix(text);
  std::string shown(scheme);
  std::string_view rest = text.substr(scheme.size());
  // Everything before the last '@' is user and password, whatever else it contains (an
  // unescaped '/', '?' or '@' in a password); only a plain user name after a scheme is shown.
  if (auto at = rest.rfind('@'); at != std::string_view::npos) {
    std::string_view credentials = rest.substr(0, at);
    auto colon = credentials.find(':');
    std::string_view user = credentials.substr(0, colon);
    bool show_user = !scheme.empty() && all_of_chars(user, plain_user_char);
    shown += show_user ? std::string(user) : std::string(kHidden);
    if (show_user && colon != std::string_view::npos) shown += ":" + std::string(kHidden);
    shown += '@';
    rest = rest.substr(at + 1);
  }
  auto query = rest.find_first_of("?#");
  std::string_view query_part = query == std::string_view::npos ? "" : rest.substr(query);
  rest = rest.substr(0, query);
  auto slash = rest.find('/');
  shown += redact_host(rest.substr(0, slash));
  if (slash != std::string_view::npos) shown += rest.substr(slash);
  if (!query_part.empty()) shown += redact_query(query_part);
  return shown;
}

DatabaseUrl parse_database_url(std::string_view url) {
  auto fail = [&](const std::string& why) -> DatabaseUrl {
    throw InputError("database URL " + redact_database_url(url) + ": " + why +
                     "; expected sqlite:///path.db, postgresql://user:pass@host:port/db or "
                     "mysql://user:pass@host:port/db");
  };
  std::string_view scheme = scheme_prefix(url);
  if (scheme.empty()) return fail("no scheme (such as postgresql://) at its start");
  auto dialect = dialect_of_scheme(scheme.substr(0, scheme.size() - 3));
  if (!dialect)
    return fail("unknown scheme '" + std::string(scheme.substr(0, scheme.size() - 3)) + "'");

  DatabaseUrl result;
  result.dialect = *dialect;
  std::string_view rest = url.substr(scheme.size());
  std::string_view credentials;
  // SQLite has no credentials, so an '@' is part of its path.
  if (auto at = rest.rfind('@');
      at != std::string_view::npos && result.dialect != Dialect::sqlite) {
    credentials = rest.substr(0, at);
    rest = rest.substr(at + 1);
  }
  if (rest.find('#') != std::string_view::npos) return fail(kUnsupportedQuery);
  if (auto query = rest.find('?'); query != std::string_view::npos) {
    std::string problem = query_problem(rest.substr(query + 1), result.dialect);
    if (!problem.empty()) return fail(problem);
    result.schema = std::string(rest.substr(query + 1 + kSchemaKey.size() + 1));
    rest = rest.substr(0, query);
  }
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
  result.database = percent_decode(rest.substr(slash + 1));
  std::string_view authority = rest.substr(0, slash);
  if (!credentials.empty()) {
    auto colon = credentials.find(':');
    result.user = percent_decode(credentials.substr(0, colon));
    if (colon != std::string_view::npos)
      result.password = percent_decode(credentials.substr(colon + 1));
  }
  if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    int port = 0;
    std::string_view digits = authority.substr(colon + 1);
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    // Not echoed: a "port" that is not a number is often a password whose '@' is missing.
    if (error != std::errc() || end != digits.data() + digits.size() || port <= 0 || port > 65535)
      return fail("bad port: expected a number from 1 to 65535 after the host's ':'");
    result.port = port;
    authority = authority.substr(0, colon);
  }
  result.host = authority.empty() ? "localhost" : std::string(authority);
  return result;
}

std::string DatabaseUrl::redacted() const {
  // Composed back into a URL with its password, then through the one redaction every message
  // about a URL uses.
  std::string text(to_string(dialect));
  text += "://";
  if (dialect == Dialect::sqlite)
    return redact_database_url(text + "/" + percent_encode(database, "@?#"));
  if (!user.empty() || !password.empty())
    text += percent_encode(user, ":/@?#") +
            (password.empty() ? "" : ":" + percent_encode(password, ":/@?#")) + "@";
  text += host;
  if (port) text += ":" + std::to_string(*port);
  text += "/" + percent_encode(database, "@?#");
  if (!schema.empty()) text += "?" + std::string(kSchemaKey) + "=" + schema;
  return redact_database_url(text);
}

std::vector<std::string> DatabaseUrl::secrets() const {
  std::vector<std::string> secrets;
  if (!password.empty()) secrets.push_back(password);
  if (!all_of_chars(user, plain_user_char)) secrets.push_back(user);
  return secrets;
}

}  // namespace dbmig
