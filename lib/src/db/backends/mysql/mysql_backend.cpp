#include "db/backends/mysql/mysql_backend.hpp"

#include "db/backends/mysql/mysql_schema_editor.hpp"

namespace dbmig::backends {

std::string MysqlBackend::connection_string(const DatabaseUrl& url, Access) const {
  return server_connection_string(url, "db");
}

std::vector<std::string> MysqlBackend::session_setup() const {
  // The session's own strict mode, whatever the server's global sql_mode: without it a
  // shrinking ALTER cuts values and NOT NULL turns NULLs into '' or 0, with a warning only.
  // (No ANSI_QUOTES or NO_BACKSLASH_ESCAPES: the MySQL schema editor quotes for neither.)
  return {
      "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
      "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'"};
}

std::string MysqlBackend::count_tables_named() const {
  return "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = :name "
         "AND table_schema = DATABASE()";
}

// A named lock: named locks are server-wide, so the name says which database.
MigrationLockMethod MysqlBackend::migration_lock(const DatabaseUrl&) const {
  const std::string name = "LEFT(CONCAT('dbmig_migrate.', DATABASE()), 64)";
  return {MigrationLockMethod::Kind::session_lock, "", "SELECT GET_LOCK(" + name + ", 0)",
          "SELECT RELEASE_LOCK(" + name + ")", name};
}

std::unique_ptr<SchemaEditor> MysqlBackend::schema_editor() const {
  return std::make_unique<schema::MysqlSchemaEditor>();
}

// An ALTER waits for the table's metadata lock (lock_wait_timeout); a statement changing rows
// (RunSQL's UPDATE) for InnoDB row locks (innodb_lock_wait_timeout). Both count whole seconds:
// a fraction is rounded up.
std::vector<std::string> MysqlBackend::statement_lock_timeout_setup(
    std::chrono::milliseconds timeout) const {
  std::string seconds = std::to_string((timeout.count() + 999) / 1000);
  return {"SET SESSION lock_wait_timeout = " + seconds,
          "SET SESSION innodb_lock_wait_timeout = " + seconds};
}

std::string MysqlBackend::find_blocking_transactions() const {
  return "Find the open transactions, oldest first:\n"
         "    SELECT trx_mysql_thread_id AS id, trx_started, trx_state, trx_query FROM "
         "information_schema.INNODB_TRX ORDER BY trx_started;\n"
         "  (with the metadata_lock_info plugin, information_schema.METADATA_LOCK_INFO names the "
         "holder of each table's metadata lock; SHOW PROCESSLIST shows what each connection "
         "runs), then let them finish (or end one with KILL id) and run dbmig again, or run it "
         "when the application is quieter";
}

}  // namespace dbmig::backends
