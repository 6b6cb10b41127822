// PostgreSQL through SOCI's postgresql backend (libpq).
#pragma once

#include "db/backends/backend.hpp"

namespace dbmig::backends {

class PostgresBackend final : public Backend {
 public:
  Dialect dialect() const override { return Dialect::postgresql; }

  std::string soci_name() const override { return "postgresql"; }
  std::string connection_string(const DatabaseUrl& url, Access access) const override;
  std::vector<std::string> session_setup() const override;
  UrlSchemaSql url_schema(const DatabaseUrl& url) const override;

  std::string count_tables_named() const override;
  // In postgres_introspection.cpp.
  LiveSchema read_schema(const CatalogQuery& query) const override;

  MigrationLockMethod migration_lock(const DatabaseUrl& url) const override;
  std::string read_only_reason() const override;
  std::unique_ptr<SchemaEditor> schema_editor() const override;

  std::vector<std::string> statement_lock_timeout_setup(
      std::chrono::milliseconds timeout) const override;
  std::vector<std::string> transaction_lock_timeout_setup(
      std::chrono::milliseconds timeout) const override;
  std::string find_blocking_transactions() const override;

 private:
  // `schema` as one entry of a search_path, quoted so that its case stays.
  static std::string schema_search_path(const std::string& schema);
};

}  // namespace dbmig::backends
