// The record of applied migrations: the table dbmig_migrations(app, name, applied_at, batch,
// checksum, state, statements_done), created on demand, like Django's MigrationRecorder.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dbmig/connection.hpp"
#include "dbmig/migration.hpp"

namespace dbmig {

inline constexpr const char* recorder_table = "dbmig_migrations";
// The migration lock of a Galera cluster (docs/databases.md "Galera cluster").
inline constexpr const char* cluster_lock_table = "dbmig_migration_lock";

// dbmig's own tables, which no model describes.
inline bool is_dbmig_table(std::string_view table) {
  return table == recorder_table || table == cluster_lock_table;
}

// "applied" once a migration completed. A migration that runs outside a transaction (MySQL,
// or `"atomic": false`) is recorded as "applying"/"unapplying" before its first statement,
// so a failure or a crash leaves a record saying how many statements ran.
enum class RecordState { applied, applying, unapplying };

struct MigrationRecord {
  MigrationKey key;
  std::string applied_at;  // ISO 8601 UTC, e.g. "2024-05-01T12:00:00Z"
  int batch = 0;
  std::string checksum;
  RecordState state = RecordState::applied;
  int statements_done = 0;

  bool interrupted() const { return state != RecordState::applied; }
};

class MigrationRecorder {
 public:
  explicit MigrationRecorder(Connection& connection) : connection_(connection) {}

  // Creates the table when it is missing (commands that change the database call it first).
  void ensure_table();
  // Every record, ordered by batch, then app and name; none when the table does not exist.
  std::vector<MigrationRecord> records();
  // One more than the highest batch recorded.
  int next_batch();

  // A completed migration (inside its transaction when it has one).
  void record_applied(const Migration& migration, int batch);
  // Before the first statement of a migration run outside a transaction.
  void record_started(const Migration& migration, int batch, RecordState direction);
  void record_progress(const MigrationKey& key, int statements_done);
  // Turns an "applying" record into "applied".
  void mark_applied(const MigrationKey& key);
  // After the user accepted an edited migration (--accept-changed).
  void update_checksum(const MigrationKey& key, const std::string& checksum);
  void remove(const MigrationKey& key);

 private:
  void insert(const Migration& migration, int batch, RecordState state);
  Connection& connection_;
};

std::string_view to_string(RecordState state);

}  // namespace dbmig
