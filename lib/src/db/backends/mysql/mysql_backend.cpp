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
  return {MigrationLockMethod::Kind::session_lock, "",
          "SELECT GET_LOCK(LEFT(CONCAT('dbmig_migrate.', DATABASE()), 64), 0)",
          "SELECT RELEASE_LOCK(LEFT(CONCAT('dbmig_migrate.', DATABASE()), 64))"};
}

std::unique_ptr<SchemaEditor> MysqlBackend::schema_editor() const {
  return std::make_unique<schema::MysqlSchemaEditor>();
}

}  // namespace dbmig::backends
