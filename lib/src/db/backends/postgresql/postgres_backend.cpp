#include "db/backends/postgresql/postgres_backend.hpp"

#include "db/backends/postgresql/postgres_schema_editor.hpp"

namespace dbmig::backends {

namespace {

// The first half of the migration lock's two-int advisory key (the second is the schema's):
// any fixed 32-bit number works; this one spells "dbmg".
constexpr const char* kAdvisoryKey = "1684172135";

}  // namespace

// A URL's schema becomes the session's whole search_path, set by the server at connection
// (libpq's options), so no statement ever runs in another schema. Quoted: the name keeps its
// case. enter_url_schema (lib/src/db/url_schema.cpp) checks that it arrived.
std::string PostgresBackend::connection_string(const DatabaseUrl& url, Access) const {
  std::string text = server_connection_string(url, "dbname");
  if (!url.schema.empty())
    text += " options=" + quoted_setting("-csearch_path=" + schema_search_path(url.schema));
  return text;
}

std::string PostgresBackend::schema_search_path(const std::string& schema) {
  return "\"" + schema + "\"";
}

std::vector<std::string> PostgresBackend::session_setup() const {
  // libpq prints NOTICEs (DROP ... IF EXISTS) to stderr otherwise.
  return {"SET client_min_messages = warning"};
}

// The name is an identifier (parse_database_url checks), so quoting it is enough.
UrlSchemaSql PostgresBackend::url_schema(const DatabaseUrl& url) const {
  std::string quoted = schema_search_path(url.schema);
  return {"SELECT current_setting('search_path')", quoted, "SELECT current_schema()::text",
          "SELECT COUNT(*) FROM pg_namespace WHERE nspname = '" + url.schema + "'",
          "CREATE SCHEMA IF NOT EXISTS " + quoted};
}

std::string PostgresBackend::count_tables_named() const {
  return "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = :name "
         "AND table_schema = current_schema()";
}

// A transaction-level advisory lock held by a transaction of its own for the whole run: a
// session advisory lock does not hold behind a transaction pooler, which gives the session's
// server connection to other clients between transactions (docs/databases.md "Locking").
// Advisory locks are per database already; the key adds the schema, so tenants in schemas of
// one database migrate independently. The lock's transaction idles while the run migrates on
// its other connection: idle_in_transaction_session_timeout must not end it.
MigrationLockMethod PostgresBackend::migration_lock(const DatabaseUrl&) const {
  MigrationLockMethod method;
  method.kind = MigrationLockMethod::Kind::transaction_lock;
  method.transaction_setup = "SET LOCAL idle_in_transaction_session_timeout = 0";
  method.try_sql = std::string("SELECT CASE WHEN pg_try_advisory_xact_lock(") + kAdvisoryKey +
                   ", hashtext(current_schema())) THEN 1 ELSE 0 END";
  return method;
}

std::string PostgresBackend::read_only_reason() const {
  return "SELECT CASE WHEN pg_is_in_recovery() THEN "
         "'it is a read-only standby (a hot standby replaying the primary''s WAL: "
         "pg_is_in_recovery() is true); run migrate and rollback against the primary' "
         "WHEN current_setting('transaction_read_only') = 'on' THEN "
         "'it is read-only for this session (default_transaction_read_only is on for the "
         "database or the user); run migrate and rollback with a user that may write, or turn "
         "the setting off (ALTER ROLE or ALTER DATABASE ... SET default_transaction_read_only = "
         "off)' END";
}

std::unique_ptr<SchemaEditor> PostgresBackend::schema_editor() const {
  return std::make_unique<schema::PostgresSchemaEditor>();
}

// lock_timeout covers every lock a statement waits for (tables, rows, the catalog), in
// milliseconds; SET (not SET LOCAL) keeps it for the session, inside and outside transactions.
std::vector<std::string> PostgresBackend::statement_lock_timeout_setup(
    std::chrono::milliseconds timeout) const {
  return {"SET lock_timeout = " + std::to_string(timeout.count())};
}

std::vector<std::string> PostgresBackend::transaction_lock_timeout_setup(
    std::chrono::milliseconds timeout) const {
  return {"SET LOCAL lock_timeout = " + std::to_string(timeout.count())};
}

std::string PostgresBackend::find_blocking_transactions() const {
  return "Find the transactions holding locks on the table, oldest first:\n"
         "    SELECT a.pid, now() - a.xact_start AS open_for, a.state, "
         "l.relation::regclass AS locked, l.mode, a.query FROM pg_locks l JOIN pg_stat_activity a "
         "ON a.pid = l.pid WHERE l.relation IS NOT NULL AND a.pid <> pg_backend_pid() "
         "ORDER BY a.xact_start;\n"
         "  then let them finish (or end one with SELECT pg_terminate_backend(pid)) and run "
         "dbmig again, or run it when the application is quieter";
}

}  // namespace dbmig::backends
