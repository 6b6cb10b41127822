#include "dbmig/connection.hpp"

#include <cstdlib>
#include <map>
#include <string_view>

#include <soci/mysql/soci-mysql.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "core/text.hpp"
#include "db/backends/backend.hpp"
#include "db/client_libraries.hpp"
#include "db/url_schema.hpp"
#include "dbmig/error.hpp"
#include "io/env_file.hpp"

namespace dbmig {

namespace fs = std::filesystem;

namespace {

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

std::string one_line(std::string text) {
  text = std::string(trim(text));
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  std::string collapsed;
  for (char c : text)
    if (!(c == ' ' && !collapsed.empty() && collapsed.back() == ' ')) collapsed += c;
  return collapsed;
}

// postgresql_soci_error::sqlstate() is defined in libsoci_postgresql, which dbmig does not link
// (db/client_libraries.hpp), so the member it returns is read instead. Naming a private member
// is allowed in an explicit instantiation alone ([temp.spec.general]/6), which hands the
// member pointer to a friend function.
struct SqlstateMember {
  using Pointer = char (soci::postgresql_soci_error::*)[5];
  friend Pointer sqlstate_member(SqlstateMember);
};
template <class Tag, typename Tag::Pointer member>
struct Expose {
  friend typename Tag::Pointer sqlstate_member(Tag) { return member; }
};
template struct Expose<SqlstateMember, &soci::postgresql_soci_error::sqlstate_>;

std::string_view sqlstate(const soci::postgresql_soci_error& error) {
  return {error.*sqlstate_member(SqlstateMember{}), 5};
}

// Whether the database gave up waiting for a lock: PostgreSQL's lock_timeout (SQLSTATE 55P03
// lock_not_available), MySQL/MariaDB's lock_wait_timeout or innodb_lock_wait_timeout (error
// 1205 ER_LOCK_WAIT_TIMEOUT). Told by code, not by message: servers translate their messages.
// Neither error class has a key function, so its type information is compiled in here.
bool gave_up_waiting_for_lock(const std::exception& error) {
  if (const auto* postgresql = dynamic_cast<const soci::postgresql_soci_error*>(&error))
    return sqlstate(*postgresql) == "55P03";
  if (const auto* mysql = dynamic_cast<const soci::mysql_soci_error*>(&error))
    return mysql->err_num_ == 1205;
  return false;
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
  backend_for(url.dialect).anchor_path(url, config.root);
  return url;
}

Connection::Connection(DatabaseUrl url, Access access) : url_(std::move(url)) {
  const Backend& backend = backend_for(url_.dialect);
  const soci::backend_factory& client = soci_backend(backend.soci_name());
  try {
    session_ = std::make_unique<soci::session>(client, backend.connection_string(url_, access));
  } catch (const std::exception& e) {
    throw DatabaseError("cannot connect to " + url_.redacted() + ": " + clean_message(e) +
                        "; check that the server is running, the database exists and the "
                        "credentials are right");
  }
  for (const auto& statement : backend.session_setup()) execute(statement);
  enter_url_schema(*this, access);
}

Connection::~Connection() = default;

void Connection::throw_database_error(const std::exception& error) const {
  if (gave_up_waiting_for_lock(error)) throw LockTimeoutError(clean_message(error));
  throw DatabaseError(clean_message(error));
}

std::string Connection::clean_message(const std::exception& error) const {
  std::string message = one_line(error.what());
  for (const std::string& secret : url_.secrets())
    for (auto at = message.find(secret); at != std::string::npos; at = message.find(secret, at))
      message.replace(at, secret.size(), "***");
  return message;
}

namespace {

// Binds `values` to a statement in the making (SOCI binds by reference: they must outlive it).
template <class Statement>
void bind(Statement& statement, std::vector<SqlValue>& values) {
  for (auto& value : values) std::visit([&](auto& bound) { statement, soci::use(bound); }, value);
}

std::optional<std::string> cell_text(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return std::nullopt;
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

void Connection::execute(const std::string& sql, std::vector<SqlValue> values) {
  try {
    auto statement = *session_ << sql;
    bind(statement, values);
  } catch (const std::exception& e) {  // SOCI runs the statement as `statement` goes
    throw_database_error(e);
  }
}

// A one-time statement, not SOCI's `session.prepare` (a rowset): on PostgreSQL that makes a
// named server-side prepared statement, which a transaction pooler (PgBouncer) hands to another
// client's server connection or loses (docs/databases.md "Behind a connection pooler").
QueryResult Connection::query(const std::string& sql, std::vector<SqlValue> values) {
  QueryResult result;
  try {
    soci::statement statement(*session_);
    for (auto& value : values)
      std::visit([&](auto& bound) { statement.exchange(soci::use(bound)); }, value);
    statement.alloc();
    statement.prepare(sql, soci::details::st_one_time_query);
    statement.define_and_bind();
    soci::row row;
    statement.exchange_for_rowset(soci::into(row));
    statement.execute();
    while (statement.fetch()) {
      if (result.columns.empty())
        for (std::size_t i = 0; i < row.size(); ++i)
          result.columns.push_back(row.get_properties(i).get_name());
      auto& values_of_row = result.rows.emplace_back();
      for (std::size_t i = 0; i < row.size(); ++i) values_of_row.push_back(cell_text(row, i));
    }
  } catch (const std::exception& e) {
    throw_database_error(e);
  }
  return result;
}

std::optional<int> Connection::query_int(const std::string& sql, std::vector<SqlValue> values) {
  int value = 0;
  soci::indicator null = soci::i_ok;
  try {
    auto statement = *session_ << sql;
    statement, soci::into(value, null);
    bind(statement, values);
  } catch (const std::exception& e) {
    throw_database_error(e);
  }
  if (null != soci::i_ok) return std::nullopt;
  return value;
}

void Connection::begin() {
  run_transaction_step([&] { session_->begin(); });
}

void Connection::commit() {
  run_transaction_step([&] { session_->commit(); });
}

void Connection::rollback() {
  run_transaction_step([&] { session_->rollback(); });
}

template <typename Step>
void Connection::run_transaction_step(Step step) {
  try {
    step();
  } catch (const std::exception& e) {
    throw_database_error(e);
  }
}

std::vector<std::string> Connection::rows_as_text(const std::string& sql) {
  QueryResult result = query(sql);
  std::vector<std::string> rows;
  for (const auto& row : result.rows) {
    std::string text;
    for (std::size_t i = 0; i < row.size(); ++i)
      text += (i ? ", " : "") + result.columns[i] + " " + row[i].value_or("NULL");
    rows.push_back(std::move(text));
  }
  return rows;
}

bool Connection::has_table(const std::string& table) {
  try {
    return query_int(backend_for(url_.dialect).count_tables_named(), {table}).value_or(0) > 0;
  } catch (const DatabaseError& e) {
    throw DatabaseError("cannot read the tables of " + url_.redacted() + ": " + e.what());
  }
}

void Connection::check_writable() {
  std::string reason_sql = backend_for(url_.dialect).read_only_reason();
  if (reason_sql.empty()) return;
  QueryResult reason = query(reason_sql);
  if (reason.rows.empty() || reason.rows.front().empty() || !reason.rows.front().front()) return;
  throw DatabaseError("cannot change " + url_.redacted() + ": " + *reason.rows.front().front() +
                      ". Nothing was changed");
}

std::unique_ptr<Connection> connect(const GlobalOptions& global, const ProjectConfig& config,
                                    Access access) {
  return std::make_unique<Connection>(resolve_database_url(global.database, config), access);
}

}  // namespace dbmig
