// Every schema change of sql_fixtures.hpp on real SQLite, PostgreSQL and MariaDB, on tables
// holding rows: forwards, the catalog equals the new state; backwards, the catalog equals the
// old state again; every row of both tables survives both ways.
#include "sql_execution.hpp"

namespace dbmig::test {

namespace {

void insert_rows(soci::session& session, const SchemaEditor& editor) {
  auto q = [&](std::string_view name) { return editor.quote_name(name); };
  for (std::string email : {"a@example.com", "b@example.com"})
    session << "INSERT INTO " + q("users") + " (" + q("email") + ") VALUES ('" + email + "')";
  int title = 0;
  for (int user : {1, 1, 2})
    session << "INSERT INTO " + q("blogs") + " (" + q("title") + ", " + q("body") + ", " +
                   q("user_id") + ", " + q("created_at") + ") VALUES ('t" +
                   std::to_string(++title) + "', 'b', " + std::to_string(user) +
                   ", '2024-01-02 03:04:05')";
}

void expect_catalog(soci::session& session, Dialect dialect, const ProjectState& state) {
  for (const auto& [key, model] : state.models)
    EXPECT_EQ(catalog_differences(session, dialect, state, key), std::vector<std::string>{})
        << model.table;
}

}  // namespace

class SqlOperationExecution : public ::testing::TestWithParam<SchemaChangeCase> {};

TEST_P(SqlOperationExecution, ForwardsAndBackwardsKeepRowsAndMatchTheState) {
  const SchemaChangeCase& change = GetParam();
  TempDir dir;
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    auto url = fresh_database_url(dialect, dir.path());
    if (!url) continue;
    auto session = connect(*url);
    auto editor = make_schema_editor(dialect);
    ProjectState users_only = state_of({users_model()});
    run_migration(*session, *editor, editor->create_model({{}, users_only}, users_key));
    run_migration(*session, *editor, editor->create_model({users_only, change.before}, blogs_key));
    insert_rows(*session, *editor);
    auto count = [&](const ProjectState& state, const ModelKey& key) {
      return count_rows(*session, editor->quote_name(state.get(key).table));
    };

    run_migration(*session, *editor, change.forwards(*editor, {change.before, change.after}));
    expect_catalog(*session, dialect, change.after);
    EXPECT_EQ(count(change.after, users_key), 2);
    EXPECT_EQ(count(change.after, blogs_key), 3);

    run_migration(*session, *editor, change.backwards(*editor, {change.before, change.after}));
    expect_catalog(*session, dialect, change.before);
    EXPECT_EQ(count(change.before, users_key), 2);
    EXPECT_EQ(count(change.before, blogs_key), 3);
  }
}

INSTANTIATE_TEST_SUITE_P(AllOperations, SqlOperationExecution,
                         ::testing::ValuesIn(schema_change_cases()),
                         [](const auto& info) { return info.param.name; });

}  // namespace dbmig::test
