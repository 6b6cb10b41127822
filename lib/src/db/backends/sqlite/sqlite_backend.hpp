// SQLite: a file (or ":memory:") opened through SOCI's sqlite3 backend; no server, so the
// migration lock is a file next to the database.
#pragma once

#include "db/backends/backend.hpp"

namespace dbmig::backends {

class SqliteBackend final : public Backend {
 public:
  Dialect dialect() const override { return Dialect::sqlite; }

  std::string soci_name() const override { return "sqlite3"; }
  std::string connection_string(const DatabaseUrl& url, Access access) const override;
  void anchor_path(DatabaseUrl& url, const std::filesystem::path& root) const override;
  std::vector<std::string> session_setup() const override;

  std::string count_tables_named() const override;
  // In sqlite_introspection.cpp.
  LiveSchema read_schema(const CatalogQuery& query) const override;

  MigrationLockMethod migration_lock(const DatabaseUrl& url) const override;
  std::unique_ptr<SchemaEditor> schema_editor() const override;
};

}  // namespace dbmig::backends
