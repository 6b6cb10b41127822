#include "db/backends/sqlite/sqlite_backend.hpp"

#include "db/backends/sqlite/sqlite_schema_editor.hpp"

namespace dbmig::backends {

namespace {

bool in_memory(const DatabaseUrl& url) {
  return url.database == ":memory:";
}

}  // namespace

// SOCI's SQLite backend creates a missing file; a reader gets an empty in-memory database in
// its place (the URL, shown in messages, still names the file).
std::string SqliteBackend::connection_string(const DatabaseUrl& url, Access access) const {
  if (access == Access::read && !in_memory(url) && !std::filesystem::exists(url.database))
    return "db=:memory:";
  return "db=" + quoted_setting(url.database, '"');
}

void SqliteBackend::anchor_path(DatabaseUrl& url, const std::filesystem::path& root) const {
  if (!in_memory(url) && std::filesystem::path(url.database).is_relative())
    url.database = (root / url.database).lexically_normal().string();
}

std::vector<std::string> SqliteBackend::session_setup() const {
  // Readers (showmigrations) wait for a running migration's transaction instead of failing.
  return {"PRAGMA busy_timeout = 30000", "PRAGMA foreign_keys = ON"};
}

std::string SqliteBackend::count_tables_named() const {
  return "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :name";
}

// An in-memory database belongs to one connection: nothing can interleave. A file database is
// locked through "<database>.dbmig-lock": the database file itself carries SQLite's own POSIX
// locks, which any close() of another descriptor on it would silently drop.
MigrationLockMethod SqliteBackend::migration_lock(const DatabaseUrl& url) const {
  if (in_memory(url)) return {};
  return {MigrationLockMethod::Kind::lock_file, url.database + ".dbmig-lock", "", ""};
}

std::unique_ptr<SchemaEditor> SqliteBackend::schema_editor() const {
  return std::make_unique<schema::SqliteSchemaEditor>();
}

}  // namespace dbmig::backends
