#include "dbmig/recorder.hpp"

#include <chrono>
#include <ctime>

#include "dbmig/error.hpp"
#include "dbmig/migration_json.hpp"

namespace dbmig {

namespace {

// Portable column types only, so one statement serves every database. applied_at is ISO 8601
// text: it sorts correctly and reads the same everywhere.
constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS dbmig_migrations ("
    "app VARCHAR(255) NOT NULL, "
    "name VARCHAR(255) NOT NULL, "
    "applied_at VARCHAR(32) NOT NULL, "
    "batch INTEGER NOT NULL, "
    "checksum VARCHAR(64) NOT NULL, "
    "state VARCHAR(16) NOT NULL, "
    "statements_done INTEGER NOT NULL, "
    "PRIMARY KEY (app, name))";

std::string utc_now() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

RecordState state_from_string(const std::string& text) {
  if (text == "applying") return RecordState::applying;
  if (text == "unapplying") return RecordState::unapplying;
  return RecordState::applied;
}

// Runs `action` on the recorder table; a failure is a DatabaseError saying what was being
// recorded, with the database's message.
template <class Action>
auto on_recorder(Connection& connection, const std::string& what, Action&& action) {
  try {
    return action();
  } catch (const DatabaseError& e) {
    throw DatabaseError("cannot " + what + " in dbmig_migrations of " +
                        connection.url().redacted() + ": " + e.what());
  }
}

// A value of a NOT NULL column.
const std::string& text(const std::optional<std::string>& value) {
  static const std::string none;
  return value ? *value : none;
}

MigrationRecord record_of_row(const std::vector<std::optional<std::string>>& row) {
  MigrationRecord record;
  record.key = {text(row[0]), text(row[1])};
  record.applied_at = text(row[2]);
  record.batch = std::stoi(text(row[3]));
  record.checksum = text(row[4]);
  record.state = state_from_string(text(row[5]));
  record.statements_done = std::stoi(text(row[6]));
  return record;
}

}  // namespace

std::string_view to_string(RecordState state) {
  switch (state) {
    case RecordState::applied:
      return "applied";
    case RecordState::applying:
      return "applying";
    case RecordState::unapplying:
      return "unapplying";
  }
  return "applied";
}

void MigrationRecorder::ensure_table() {
  try {
    connection_.execute(kCreateTable);
  } catch (const DatabaseError& e) {
    throw DatabaseError("cannot create the table dbmig_migrations in " +
                        connection_.url().redacted() + ": " + e.what());
  }
}

std::vector<MigrationRecord> MigrationRecorder::records() {
  std::vector<MigrationRecord> result;
  if (!connection_.has_table(recorder_table)) return result;
  QueryResult rows = on_recorder(connection_, "read the records", [&] {
    return connection_.query(
        "SELECT app, name, applied_at, batch, checksum, state, statements_done "
        "FROM dbmig_migrations ORDER BY batch, app, name");
  });
  for (const auto& row : rows.rows) result.push_back(record_of_row(row));
  return result;
}

int MigrationRecorder::next_batch() {
  int highest = 0;
  for (const auto& record : records()) highest = std::max(highest, record.batch);
  return highest + 1;
}

void MigrationRecorder::insert(const Migration& migration, int batch, RecordState state) {
  on_recorder(connection_, "record " + migration.key().str(), [&] {
    connection_.execute(
        "INSERT INTO dbmig_migrations (app, name, applied_at, batch, checksum, state, "
        "statements_done) "
        "VALUES (:app, :name, :applied_at, :batch, :checksum, :state, 0)",
        {migration.app, migration.name, utc_now(), batch, migration_checksum(migration),
         std::string(to_string(state))});
  });
}

void MigrationRecorder::record_applied(const Migration& migration, int batch) {
  insert(migration, batch, RecordState::applied);
}

void MigrationRecorder::record_started(const Migration& migration, int batch,
                                       RecordState direction) {
  if (direction == RecordState::applying) return insert(migration, batch, direction);
  on_recorder(connection_, "mark " + migration.key().str() + " as being unapplied", [&] {
    connection_.execute(
        "UPDATE dbmig_migrations SET state = :state, statements_done = 0 "
        "WHERE app = :app AND name = :name",
        {std::string(to_string(direction)), migration.app, migration.name});
  });
}

void MigrationRecorder::record_progress(const MigrationKey& key, int statements_done) {
  on_recorder(connection_, "record the progress of " + key.str(), [&] {
    connection_.execute(
        "UPDATE dbmig_migrations SET statements_done = :done "
        "WHERE app = :app AND name = :name",
        {statements_done, key.app, key.name});
  });
}

void MigrationRecorder::mark_applied(const MigrationKey& key) {
  on_recorder(connection_, "mark " + key.str() + " as applied", [&] {
    connection_.execute(
        "UPDATE dbmig_migrations SET state = 'applied', statements_done = 0 "
        "WHERE app = :app AND name = :name",
        {key.app, key.name});
  });
}

void MigrationRecorder::update_checksum(const MigrationKey& key, const std::string& checksum) {
  on_recorder(connection_, "update the checksum of " + key.str(), [&] {
    connection_.execute(
        "UPDATE dbmig_migrations SET checksum = :checksum WHERE app = :app AND name = :name",
        {checksum, key.app, key.name});
  });
}

void MigrationRecorder::remove(const MigrationKey& key) {
  on_recorder(connection_, "remove " + key.str(), [&] {
    connection_.execute("DELETE FROM dbmig_migrations WHERE app = :app AND name = :name",
                        {key.app, key.name});
  });
}

}  // namespace dbmig
