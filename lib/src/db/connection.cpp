#include "dbmig/connection.hpp"

#include <cstdlib>
#include <map>

#include <soci/soci.h>

#include "core/text.hpp"
#include "dbmig/error.hpp"
#include "io/env_file.hpp"

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

std::optional<DatabaseUrl> url_from_env_file(const fs::path& path) {
  if (!fs::exists(path)) return std::nullopt;  // a folder is read_env_file's error
  return url_from_env_settings(read_env_file(path));
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
  text = std::string(trim(text));
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
