#include "dbmig/recorder.hpp"

#include <chrono>
#include <ctime>

#include <soci/soci.h>

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

// Runs a statement on the recorder table; a failure is a DatabaseError saying what was being
// recorded, with the database's message.
template <class Statement>
void on_recorder(Connection& connection, const std::string& what, Statement&& statement) {
  try {
    statement(connection.session());
  } catch (const soci::soci_error& e) {
    throw DatabaseError("cannot " + what + " in dbmig_migrations of " +
                        connection.url().redacted() + ": " + connection.clean_message(e));
  }
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
  on_recorder(connection_, "read the records", [&](soci::session& session) {
    soci::rowset<soci::row> rows = session.prepare
                                   << "SELECT app, name, applied_at, batch, checksum, state, "
                                      "statements_done FROM dbmig_migrations "
                                      "ORDER BY batch, app, name";
    for (const auto& row : rows) {
      MigrationRecord record;
      record.key = {row.get<std::string>(0), row.get<std::string>(1)};
      record.applied_at = row.get<std::string>(2);
      record.batch = row.get<int>(3);
      record.checksum = row.get<std::string>(4);
      record.state = state_from_string(row.get<std::string>(5));
      record.statements_done = row.get<int>(6);
      result.push_back(std::move(record));
    }
  });
  return result;
}

int MigrationRecorder::next_batch() {
  int highest = 0;
  for (const auto& record : records()) highest = std::max(highest, record.batch);
  return highest + 1;
}

void MigrationRecorder::insert(const Migration& migration, int batch, RecordState state) {
  std::string app = migration.app, name = migration.name, applied_at = utc_now(),
              checksum = migration_checksum(migration), state_text(to_string(state));
  on_recorder(connection_, "record " + migration.key().str(), [&](soci::session& session) {
    session << "INSERT INTO dbmig_migrations (app, name, applied_at, batch, checksum, state, "
               "statements_done) "
               "VALUES (:app, :name, :applied_at, :batch, :checksum, :state, 0)",
        soci::use(app), soci::use(name), soci::use(applied_at), soci::use(batch),
        soci::use(checksum), soci::use(state_text);
  });
}

void MigrationRecorder::record_applied(const Migration& migration, int batch) {
  insert(migration, batch, RecordState::applied);
}

void MigrationRecorder::record_started(const Migration& migration, int batch,
                                       RecordState direction) {
  if (direction == RecordState::applying) return insert(migration, batch, direction);
  std::string app = migration.app, name = migration.name, state(to_string(direction));
  on_recorder(connection_, "mark " + migration.key().str() + " as being unapplied",
              [&](soci::session& session) {
                session << "UPDATE dbmig_migrations SET state = :state, statements_done = 0 "
                           "WHERE app = :app AND name = :name",
                    soci::use(state), soci::use(app), soci::use(name);
              });
}

void MigrationRecorder::record_progress(const MigrationKey& key, int statements_done) {
  std::string app = key.app, name = key.name;
  on_recorder(connection_, "record the progress of " + key.str(), [&](soci::session& session) {
    session << "UPDATE dbmig_migrations SET statements_done = :done "
               "WHERE app = :app AND name = :name",
        soci::use(statements_done), soci::use(app), soci::use(name);
  });
}

void MigrationRecorder::mark_applied(const MigrationKey& key) {
  std::string app = key.app, name = key.name;
  on_recorder(connection_, "mark " + key.str() + " as applied", [&](soci::session& session) {
    session << "UPDATE dbmig_migrations SET state = 'applied', statements_done = 0 "
               "WHERE app = :app AND name = :name",
        soci::use(app), soci::use(name);
  });
}

void MigrationRecorder::update_checksum(const MigrationKey& key, const std::string& checksum) {
  std::string app = key.app, name = key.name, value = checksum;
  on_recorder(connection_, "update the checksum of " + key.str(), [&](soci::session& session) {
    session << "UPDATE dbmig_migrations SET checksum = :checksum "
               "WHERE app = :app AND name = :name",
        soci::use(value), soci::use(app), soci::use(name);
  });
}

void MigrationRecorder::remove(const MigrationKey& key) {
  std::string app = key.app, name = key.name;
  on_recorder(connection_, "remove " + key.str(), [&](soci::session& session) {
    session << "DELETE FROM dbmig_migrations WHERE app = :app AND name = :name", soci::use(app),
        soci::use(name);
  });
}

}  // namespace dbmig
