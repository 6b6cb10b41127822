#include "dbmig/connection.hpp"

#include <cstdlib>

#include <soci/soci.h>

#include "dbmig/error.hpp"
#include "env_file.hpp"

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
      return {{},
              "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = :name "
              "AND table_schema = DATABASE()"};
  }
  return {};
}

std::optional<DatabaseUrl> url_from_env_file(const fs::path& path) {
  if (!fs::is_regular_file(path)) return std::nullopt;
  return url_from_env_settings(read_env_file(path));
}

DatabaseUrl url_or_alias(const std::string& requested, const ProjectConfig& config) {
  if (requested.find("://") != std::string::npos) return parse_database_url(requested);
  auto alias = config.databases.find(requested);
  if (alias != config.databases.end()) return parse_database_url(alias->second);
  std::string known;
  for (const auto& [name, url] : config.databases) known += (known.empty() ? "" : ", ") + name;
  throw InputError("database '" + requested + "' is neither a URL nor an alias in dbmig.json" +
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
  text = trim_blanks(text);
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

Connection::Connection(DatabaseUrl url) : url_(std::move(url)) {
  try {
    session_ = std::make_unique<soci::session>(url_.soci_backend(), url_.soci_connection_string());
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
  if (!url_.password.empty())
    for (auto at = message.find(url_.password); at != std::string::npos;
         at = message.find(url_.password, at))
      message.replace(at, url_.password.size(), "***");
  return message;
}

void Connection::execute(const std::string& sql) {
  try {
    *session_ << sql;
  } catch (const std::exception& e) {
    throw DatabaseError(clean_message(e));
  }
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

std::unique_ptr<Connection> connect(const GlobalOptions& global, const ProjectConfig& config) {
  return std::make_unique<Connection>(resolve_database_url(global.database, config));
}

}  // namespace dbmig
