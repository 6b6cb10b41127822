// Which database a command talks to, and the open SOCI session to it (docs/databases.md).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "dbmig/console.hpp"
#include "dbmig/database_url.hpp"
#include "dbmig/project_config.hpp"

namespace soci {
class session;
}

namespace dbmig {

// The database of a command, in order of precedence: `requested` (--database: an alias from
// dbmig.json or a URL), DATABASE_URL, the project's .env file (DB_CONNECTION, DB_HOST, DB_PORT,
// DB_DATABASE, DB_USERNAME, DB_PASSWORD), else config.default_database. A relative SQLite path
// is made relative to the project root. Throws InputError for an unknown alias or a bad URL.
DatabaseUrl resolve_database_url(const std::string& requested, const ProjectConfig& config);

// What a command does with the database. A reading command (showmigrations, migrate --plan)
// never creates one: a SQLite file that does not exist is read as an empty database, and stays
// absent.
enum class Access { change, read };

// A value bound to a statement's placeholder (:name); the values bind in the order of the
// placeholders.
using SqlValue = std::variant<std::string, int>;

// The rows a query returned: the column names, and each row's values as text (nullopt for a
// NULL).
struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;
};

// An open connection: the one place that runs SQL (through SOCI), in the way the dialect's
// backend (lib/src/db/backends/) describes. Every error it reports shows the URL redacted, never
// the password.
class Connection {
 public:
  // Connects; an unreachable server, a missing database or bad credentials give one
  // DatabaseError line naming the redacted URL and the database's own message.
  explicit Connection(DatabaseUrl url, Access access = Access::change);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // The SOCI session, for tests that read the database directly.
  soci::session& session() { return *session_; }
  const DatabaseUrl& url() const { return url_; }
  Dialect dialect() const { return url_.dialect; }

  // Runs one statement with `values` bound; a failure is a DatabaseError carrying the database's
  // message with any password scrubbed (callers add which migration and operation it belongs
  // to), a LockTimeoutError when the statement gave up waiting for a lock. So do query and
  // query_int.
  void execute(const std::string& sql, std::vector<SqlValue> values = {});
  // Every row `sql` returns. Values of a type other than text and numbers read as "?".
  QueryResult query(const std::string& sql, std::vector<SqlValue> values = {});
  // The one integer `sql` returns; nullopt when it is NULL.
  std::optional<int> query_int(const std::string& sql, std::vector<SqlValue> values = {});
  // A transaction around what follows, ended by commit or rollback. A failure (a deferred
  // constraint checked at COMMIT, a lost connection) is a DatabaseError like execute's.
  void begin();
  void commit();
  void rollback();
  // The rows `sql` returns, each as "column value, column value" text (NULL for a null), for
  // messages that name them; a failure is a DatabaseError like execute's.
  std::vector<std::string> rows_as_text(const std::string& sql);
  // Whether a table of that name exists in the connected database (its default schema).
  bool has_table(const std::string& table);
  // Throws a DatabaseError naming the database, why it takes no writes and where to run
  // instead when it is read-only (a PostgreSQL hot standby, a read-only session), so that a
  // command that changes the database stops before it writes anything.
  void check_writable();
  // The database's message for a failure, on one line, with the password scrubbed.
  std::string clean_message(const std::exception& error) const;

 private:
  // Runs BEGIN, COMMIT or ROLLBACK, turning SOCI's failure into a DatabaseError.
  template <typename Step>
  void run_transaction_step(Step step);
  // The DatabaseError (or LockTimeoutError) for SOCI's `error`.
  [[noreturn]] void throw_database_error(const std::exception& error) const;

  DatabaseUrl url_;
  std::unique_ptr<soci::session> session_;
};

// resolve_database_url + Connection, for the commands.
std::unique_ptr<Connection> connect(const GlobalOptions& global, const ProjectConfig& config,
                                    Access access);

}  // namespace dbmig
