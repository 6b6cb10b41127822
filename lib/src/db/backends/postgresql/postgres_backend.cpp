#include "db/backends/postgresql/postgres_backend.hpp"

#include "db/backends/postgresql/postgres_schema_editor.hpp"

namespace dbmig::backends {

namespace {

// Any fixed 64-bit number works; this one spells "dbmigrat".
constexpr const char* kAdvisoryKey = "7233188338618245492";

}  // namespace

std::string PostgresBackend::connection_string(const DatabaseUrl& url, Access) const {
  return server_connection_string(url, "dbname");
}

std::vector<std::string> PostgresBackend::session_setup() const {
  // libpq prints NOTICEs (DROP ... IF EXISTS) to stderr otherwise.
  return {"SET client_min_messages = warning"};
}

std::string PostgresBackend::count_tables_named() const {
  return "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = :name "
         "AND table_schema = current_schema()";
}

// A session advisory lock: advisory locks are per database already.
MigrationLockMethod PostgresBackend::migration_lock(const DatabaseUrl&) const {
  return {
      MigrationLockMethod::Kind::session_lock, "",
      std::string("SELECT CASE WHEN pg_try_advisory_lock(") + kAdvisoryKey + ") THEN 1 ELSE 0 END",
      std::string("SELECT pg_advisory_unlock(") + kAdvisoryKey + ")"};
}

std::unique_ptr<SchemaEditor> PostgresBackend::schema_editor() const {
  return std::make_unique<schema::PostgresSchemaEditor>();
}

}  // namespace dbmig::backends
