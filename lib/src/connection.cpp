#include "dbmig/connection.hpp"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <system_error>

#include <soci/soci.h>

#include "dbmig/error.hpp"

namespace dbmig {

namespace fs = std::filesystem;

namespace {

// What differs between the databases at the connection level, in one place.
struct SessionTraits {
  std::vector<std::string> setup;  // run once after connecting
  std::string table_exists;        // counts tables named :name in the current database
};

SessionTraits session_traits(Dialect dialect) {
  switch (dialect) {
    case Dialect::sqlite:
      // Readers (showmigrations) wait for a running migration's transaction instead of failing.
      return {{"PRAGMA busy_timeout = 30000", "PRAGMA foreign_keys = ON"},
              "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :name"};
    case Dialect::postgresql:
      // libpq prints NOTICEs (DROP ... IF EXISTS) to stderr otherwise.
      return {{"SET client_min_messages = warning"},
              "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = :name "
              "AND table_schema = current_schema()"};
    case Dialect::mysql:
      // The session's own strict mode, whatever the server's global sql_mode: without it a
      // shrinking ALTER cuts values and NOT NULL turns NULLs into '' or 0, with a warning only.
      // (No ANSI_QUOTES or NO_BACKSLASH_ESCAPES: the MySQL schema editor quotes for neither.)
      return {{"SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
               "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'"},
              "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = :name "
              "AND table_schema = DATABASE()"};
  }
  return {};
}

std::string trim(std::string text) {
  const char* blanks = " \t\r\n";
  text.erase(0, text.find_first_not_of(blanks));
  text.erase(text.find_last_not_of(blanks) + 1);
  return text;
}

// Far more than any .env holds; a bigger file is not one.
constexpr std::uintmax_t kMaxEnvFileBytes = 1 << 20;

[[noreturn]] void env_error(std::size_t line, const std::string& message) {
  throw InputError(".env:" + std::to_string(line) + ": " + message +
                   "; fix the line, or pass --database (or set DATABASE_URL) to skip .env");
}

// KEY=VALUE lines; `export` prefixes, # comments and surrounding quotes are allowed, as in the
// .env files of Laravel, Masonite and docker compose. Anything else is an error naming the line
// (docs/databases.md ".env"), so a damaged file is not half read.
std::map<std::string, std::string> read_env_file(const fs::path& path) {
  std::error_code error;
  if (fs::is_directory(path, error))
    throw InputError(".env: is a folder, not a file; remove or rename it");
  if (auto size = fs::file_size(path, error); !error && size > kMaxEnvFileBytes)
    throw InputError(".env: is " + std::to_string(size) + " bytes, more than the 1 MiB dbmig " +
                     "reads; the file is damaged, or pass --database");
  std::map<std::string, std::string> values;
  std::ifstream in(path, std::ios::binary);
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.find('\0') != std::string::npos) env_error(number, "contains a NUL byte");
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    if (line.rfind("export ", 0) == 0) line = trim(line.substr(7));
    auto equals = line.find('=');
    std::string key = trim(line.substr(0, equals));
    if (equals == std::string::npos || key.empty()) env_error(number, "expected KEY=VALUE");
    std::string value = trim(line.substr(equals + 1));
    if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
      if (value.size() < 2 || value.back() != value.front())
        env_error(number, "the value of " + key +
                              " starts with a quote but does not end with it (a comment after "
                              "a quoted value, or a value spanning lines, is not supported)");
      value = value.substr(1, value.size() - 2);
    }
    values[key] = value;
  }
  return values;
}

std::optional<DatabaseUrl> url_from_env_file(const fs::path& path) {
  if (!fs::exists(path)) return std::nullopt;
  auto env = read_env_file(path);
  auto connection = env.find("DB_CONNECTION");
  if (connection == env.end()) return std::nullopt;
  std::string scheme = connection->second == "pgsql" ? "postgresql" : connection->second;
  // Parse a password-free URL so scheme and port are validated in one place, then fill in the
  // credentials directly: they may contain any character.
  std::string url = scheme + "://";
  if (scheme.rfind("sqlite", 0) == 0) {
    url += "/" + (env.count("DB_DATABASE") ? env["DB_DATABASE"] : std::string("db.sqlite3"));
  } else {
    url += (env.count("DB_HOST") ? env["DB_HOST"] : std::string("localhost"));
    if (env.count("DB_PORT") && !env["DB_PORT"].empty()) url += ":" + env["DB_PORT"];
    url += "/" + env["DB_DATABASE"];
  }
  DatabaseUrl parsed = [&] {
    try {
      return parse_database_url(url);
    } catch (const InputError& e) {
      throw InputError(".env: " + std::string(e.what()));
    }
  }();
  parsed.user = env["DB_USERNAME"];
  parsed.password = env["DB_PASSWORD"];
  return parsed;
}

// An alias is a name; anything with a URL's punctuation was meant as a URL, and the URL
// parser says what is wrong with it (`postgresql//u:pw@h/db`, `u:pw@h/db`).
bool alias_shaped(const std::string& text) {
  return text.find_first_of(":/@?#%") == std::string::npos;
}

DatabaseUrl url_or_alias(const std::string& requested, const ProjectConfig& config) {
  auto alias = config.databases.find(requested);
  if (alias != config.databases.end()) {
    try {
      return parse_database_url(alias->second);
    } catch (const InputError& e) {
      throw InputError("dbmig.json: $.databases." + requested + ": " + e.what());
    }
  }
  if (!alias_shaped(requested)) return parse_database_url(requested);
  std::string known;
  for (const auto& [name, url] : config.databases) known += (known.empty() ? "" : ", ") + name;
  throw InputError("database '" + redact_database_url(requested) +
                   "' is neither a URL nor an alias in dbmig.json" +
                   (known.empty() ? std::string(" (it defines no \"databases\")")
                                  : " (aliases: " + known + ")") +
                   "; pass a URL such as postgresql://user:pass@host:5432/db");
}

void anchor_sqlite_path(DatabaseUrl& url, const fs::path& root) {
  if (url.dialect == Dialect::sqlite && url.database != ":memory:" &&
      fs::path(url.database).is_relative())
    url.database = (root / url.database).lexically_normal().string();
}

std::string one_line(std::string text) {
  text = trim(text);
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  std::string collapsed;
  for (char c : text)
    if (!(c == ' ' && !collapsed.empty() && collapsed.back() == ' ')) collapsed += c;
  return collapsed;
}

}  // namespace

DatabaseUrl resolve_database_url(const std::string& requested, const ProjectConfig& config) {
  DatabaseUrl url = [&] {
    if (!requested.empty()) return url_or_alias(requested, config);
    if (const char* env = std::getenv("DATABASE_URL"); env && *env) {
      try {
        return parse_database_url(env);
      } catch (const InputError& e) {
        throw InputError("DATABASE_URL: " + std::string(e.what()));
      }
    }
    if (auto from_env_file = url_from_env_file(config.root / ".env")) return *from_env_file;
    return url_or_alias(config.default_database, config);
  }();
  anchor_sqlite_path(url, config.root);
  return url;
}

namespace {

// SOCI's SQLite backend creates a missing file; a reader gets an empty in-memory database
// in its place (the URL, shown in messages, still names the file).
std::string connection_string(const DatabaseUrl& url, Access access) {
  if (access == Access::read && url.dialect == Dialect::sqlite && url.database != ":memory:" &&
      !fs::exists(url.database))
    return "db=:memory:";
  return url.soci_connection_string();
}

}  // namespace

Connection::Connection(DatabaseUrl url, Access access) : url_(std::move(url)) {
  try {
    session_ =
        std::make_unique<soci::session>(url_.soci_backend(), connection_string(url_, access));
  } catch (const std::exception& e) {
    throw DatabaseError("cannot connect to " + url_.redacted() + ": " + clean_message(e) +
                        "; check that the server is running, the database exists and the "
                        "credentials are right");
  }
  for (const auto& statement : session_traits(url_.dialect).setup) execute(statement);
}

Connection::~Connection() = default;

std::string Connection::clean_message(const std::exception& error) const {
  std::string message = one_line(error.what());
  for (const std::string& secret : url_.secrets())
    for (auto at = message.find(secret); at != std::string::npos; at = message.find(secret, at))
      message.replace(at, secret.size(), "***");
  return message;
}

void Connection::execute(const std::string& sql) {
  try {
    *session_ << sql;
  } catch (const std::exception& e) {
    throw DatabaseError(clean_message(e));
  }
}

namespace {

std::string cell_text(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return "NULL";
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_string:
      return row.get<std::string>(column);
    case soci::dt_integer:
      return std::to_string(row.get<int>(column));
    case soci::dt_long_long:
      return std::to_string(row.get<long long>(column));
    case soci::dt_unsigned_long_long:
      return std::to_string(row.get<unsigned long long>(column));
    case soci::dt_double:
      return std::to_string(row.get<double>(column));
    default:
      return "?";
  }
}

}  // namespace

std::vector<std::string> Connection::rows_as_text(const std::string& query) {
  std::vector<std::string> rows;
  try {
    soci::rowset<soci::row> result = session_->prepare << query;
    for (const auto& row : result) {
      std::string text;
      for (std::size_t i = 0; i < row.size(); ++i)
        text += (i ? ", " : "") + row.get_properties(i).get_name() + " " + cell_text(row, i);
      rows.push_back(std::move(text));
    }
  } catch (const std::exception& e) {
    throw DatabaseError(clean_message(e));
  }
  return rows;
}

bool Connection::has_table(const std::string& table) {
  int count = 0;
  try {
    *session_ << session_traits(url_.dialect).table_exists, soci::use(table, "name"),
        soci::into(count);
  } catch (const std::exception& e) {
    throw DatabaseError("cannot read the tables of " + url_.redacted() + ": " + clean_message(e));
  }
  return count > 0;
}

std::unique_ptr<Connection> connect(const GlobalOptions& global, const ProjectConfig& config,
                                    Access access) {
  return std::make_unique<Connection>(resolve_database_url(global.database, config), access);
}

}  // namespace dbmig
