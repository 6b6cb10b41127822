// dbmig_migrations on every database: created on demand, records, batches, in-progress marks.
#include <gtest/gtest.h>

#include "dbmig/migration_json.hpp"
#include "dbmig/recorder.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

Migration migration(const std::string& app, const std::string& name) {
  Migration result;
  result.app = app;
  result.name = name;
  return result;
}

}  // namespace

TEST(Recorder, NoTableMeansNothingAppliedAndEnsureTableCreatesIt) {
  TempDir dir;
  for (Dialect dialect : test_dialects()) {
    auto url = fresh_database_url(dialect, dir.path());
    ASSERT_TRUE(url);
    Connection connection(parse_database_url(*url));
    MigrationRecorder recorder(connection);
    EXPECT_TRUE(recorder.records().empty());
    EXPECT_FALSE(connection.has_table(recorder_table)) << "reading must not create the table";
    recorder.ensure_table();
    recorder.ensure_table();  // idempotent
    EXPECT_TRUE(connection.has_table(recorder_table)) << to_string(dialect);
    EXPECT_EQ(recorder.next_batch(), 1);
  }
}

TEST(Recorder, RecordsBatchesChecksumsAndRemovals) {
  TempDir dir;
  for (Dialect dialect : test_dialects()) {
    auto url = fresh_database_url(dialect, dir.path());
    ASSERT_TRUE(url);
    Connection connection(parse_database_url(*url));
    MigrationRecorder recorder(connection);
    recorder.ensure_table();
    recorder.record_applied(migration("blog", "0001_initial"), 1);
    recorder.record_applied(migration("accounts", "0001_initial"), 1);
    recorder.record_applied(migration("blog", "0002_subtitle"), 2);
    auto records = recorder.records();
    ASSERT_EQ(records.size(), 3u) << to_string(dialect);
    EXPECT_EQ(records[0].key.str(), "accounts.0001_initial");
    EXPECT_EQ(records[2].key.str(), "blog.0002_subtitle");
    EXPECT_EQ(records[2].batch, 2);
    EXPECT_EQ(records[2].checksum, migration_checksum(migration("blog", "0002_subtitle")));
    EXPECT_EQ(records[2].applied_at.size(), 20u) << records[2].applied_at;
    EXPECT_FALSE(records[2].interrupted());
    EXPECT_EQ(recorder.next_batch(), 3);
    recorder.remove({"blog", "0002_subtitle"});
    EXPECT_EQ(recorder.records().size(), 2u);
    EXPECT_EQ(recorder.next_batch(), 2);
  }
}

TEST(Recorder, InProgressMarkCountsStatementsUntilApplied) {
  TempDir dir;
  for (Dialect dialect : test_dialects()) {
    auto url = fresh_database_url(dialect, dir.path());
    ASSERT_TRUE(url);
    Connection connection(parse_database_url(*url));
    MigrationRecorder recorder(connection);
    recorder.ensure_table();
    recorder.record_started(migration("blog", "0001_initial"), 1, RecordState::applying);
    recorder.record_progress({"blog", "0001_initial"}, 2);
    auto records = recorder.records();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_TRUE(records[0].interrupted());
    EXPECT_EQ(records[0].state, RecordState::applying);
    EXPECT_EQ(records[0].statements_done, 2);
    recorder.mark_applied({"blog", "0001_initial"});
    EXPECT_FALSE(recorder.records()[0].interrupted());
    recorder.record_started(migration("blog", "0001_initial"), 1, RecordState::unapplying);
    EXPECT_EQ(recorder.records()[0].state, RecordState::unapplying);
  }
}

}  // namespace dbmig::test
