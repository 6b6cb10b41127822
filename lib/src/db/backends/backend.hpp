// One backend per dialect, like Django's django/db/backends/<vendor>/: everything that differs
// between SQLite, PostgreSQL and MySQL/MariaDB when dbmig talks to one of them. The connection,
// the migration lock and the executor ask the backend instead of asking which dialect it is;
// backend_for is the one place that switches on the dialect. A backend only describes (names,
// connection strings, SQL text, the schema editor): connection.cpp runs what it describes, so
// the backends link without SOCI (the fuzz build, tests/fuzz/CMakeLists.txt, uses them).
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dbmig/connection.hpp"
#include "dbmig/database_url.hpp"
#include "dbmig/live_schema.hpp"
#include "dbmig/schema_editor.hpp"

namespace dbmig {

// How a migrate or rollback run keeps other runs off the database (dbmig/migration_lock.hpp).
// Runs one reading query on the connected database (Connection::query), for the catalog readers.
using CatalogQuery =
    std::function<QueryResult(const std::string& sql, std::vector<SqlValue> values)>;

struct MigrationLockMethod {
  enum class Kind {
    none,          // nothing else can reach the database
    lock_file,     // an exclusive flock on `lock_file`, released when the process ends
    session_lock,  // SQL on the migrating connection, released when its session ends
    // `try_sql` in a transaction on a connection of its own, held open for the whole run and
    // released when it ends (db/transaction_lock.hpp): holds behind a transaction pooler too
    transaction_lock,
  };
  Kind kind = Kind::none;
  std::string lock_file;
  std::string try_sql;      // one attempt that does not wait: returns 1 when the lock is taken
  std::string release_sql;  // gives a taken lock back
  // MySQL/MariaDB: the named lock's name as SQL. On a node of a Galera cluster, where named
  // locks are local to the node, the lock is a replicated row instead (db/galera_lock.hpp).
  std::string galera_local_lock{};
  std::string transaction_setup{};  // transaction_lock: run first in each attempt's transaction
};

// How a session keeps to a URL's schema (PostgreSQL's ?schema=NAME, docs/databases.md "Schema
// per tenant"), run by enter_url_schema (lib/src/db/url_schema.cpp).
struct UrlSchemaSql {
  std::string search_path_query;     // the session's search_path, as text
  std::string expected_search_path;  // what it reads when the URL's setting reached the server
  std::string current_schema_query;  // the schema new tables go to; NULL while it does not exist
  std::string exists_query;          // 1 when the schema exists, 0 when not
  std::string create_sql;            // creates it when missing (migrate)
};

class Backend {
 public:
  virtual ~Backend() = default;
  virtual Dialect dialect() const = 0;

  // --- connecting: from a DatabaseUrl to a SOCI session ---

  // SOCI's name of the backend: "sqlite3", "postgresql" or "mysql".
  virtual std::string soci_name() const = 0;
  // SOCI's connection string for `url` opened for `access`; contains the password, so never
  // print it.
  virtual std::string connection_string(const DatabaseUrl& url, Access access) const = 0;
  // Makes a database path of `url` that is relative to the project relative to `root`.
  virtual void anchor_path(DatabaseUrl& /*url*/, const std::filesystem::path& /*root*/) const {}
  // Statements run once on every new session, before anything else.
  virtual std::vector<std::string> session_setup() const = 0;
  // The SQL that keeps a session to `url.schema` (not empty); only PostgreSQL has one, the URL
  // parser refuses a schema elsewhere.
  virtual UrlSchemaSql url_schema(const DatabaseUrl& /*url*/) const { return {}; }

  // --- the catalog: what the connected database holds (reading queries) ---

  // Counts the tables named :name in the connected database (its default schema).
  virtual std::string count_tables_named() const = 0;
  // Every table of the connected database (its default schema) in the table view of
  // dbmig/live_schema.hpp, read through `query`, with notes on what dbmig cannot express
  // (docs/inspectdb.md). Like Django's DatabaseIntrospection: the inverse of the schema editor.
  virtual LiveSchema read_schema(const CatalogQuery& query) const = 0;

  // --- migrating ---

  virtual MigrationLockMethod migration_lock(const DatabaseUrl& url) const = 0;
  // A query returning one text: why the connected database takes no writes and where to run a
  // changing command instead (a hot standby, a read-only session), or NULL when it takes them;
  // "" where the dialect cannot tell (Connection::check_writable).
  virtual std::string read_only_reason() const { return ""; }
  virtual std::unique_ptr<SchemaEditor> schema_editor() const = 0;

  // --- the statement lock timeout (dbmig/statement_lock_timeout.hpp) ---

  // Statements that make each later statement of the session wait at most `timeout` (more than
  // zero) for a lock, then fail with a LockTimeoutError; none where the dialect has no such
  // setting (SQLite keeps its busy_timeout of session_setup).
  virtual std::vector<std::string> statement_lock_timeout_setup(
      std::chrono::milliseconds /*timeout*/) const {
    return {};
  }
  // The same for the rest of the transaction just begun, where the session's setting may not
  // hold: behind a transaction pooler the session's SET ran on whichever server connection the
  // pooler chose then (docs/databases.md "Behind a connection pooler (PgBouncer)").
  virtual std::vector<std::string> transaction_lock_timeout_setup(
      std::chrono::milliseconds /*timeout*/) const {
    return {};
  }
  // How to find the transactions holding locks, for the message after the last retry: a
  // query to run, and what to do with what it finds.
  virtual std::string find_blocking_transactions() const { return ""; }

 protected:
  // "host='h' port=5432 <database_key>='db' user='u' password='p'": the connection string of
  // a database server, which libpq and SOCI's MySQL backend read alike but for the key that
  // names the database.
  static std::string server_connection_string(const DatabaseUrl& url,
                                              const std::string& database_key);
  // A connection-string value in `quote`s, with backslash escapes.
  static std::string quoted_setting(const std::string& value, char quote = '\'');
};

// The backend of `dialect`.
const Backend& backend_for(Dialect dialect);

}  // namespace dbmig
