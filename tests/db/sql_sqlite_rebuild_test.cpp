// A SQLite table rebuild of a table that another table references with ON DELETE CASCADE:
// foreign keys are off around the migration, so dropping the old table deletes no child row,
// and PRAGMA foreign_key_check is clean afterwards.
#include "sql_execution.hpp"

namespace dbmig::test {

TEST(SqlSqliteRebuild, RebuildingACascadeReferencedTableKeepsEveryRowOfBothTables) {
  TempDir dir;
  auto session = connect(*fresh_database_url(Dialect::sqlite, dir.path()));
  auto editor = make_schema_editor(Dialect::sqlite);
  ProjectState users_only = state_of({users_model()});
  ProjectState before = state_of({users_model(), blogs_model()});
  run_migration(*session, *editor, editor->create_model({{}, users_only}, users_key));
  run_migration(*session, *editor, editor->create_model({users_only, before}, blogs_key));
  for (int i = 1; i <= 3; ++i) {
    *session << "INSERT INTO \"users\" (\"email\") VALUES ('u" + std::to_string(i) + "')";
    *session << "INSERT INTO \"blogs\" (\"title\", \"body\", \"user_id\", \"created_at\") "
                "VALUES ('t', 'b', " +
                    std::to_string(i) + ", '2024-01-01')";
  }
  Model users = users_model();
  users.find_field("email")->max_length = 250;
  ProjectState after = state_of({users, blogs_model()});

  Statements rebuild =
      editor->alter_field({before, after}, users_key, "email", "email", std::nullopt);
  ASSERT_NE(std::find(rebuild.begin(), rebuild.end(), "DROP TABLE \"users\""), rebuild.end())
      << sql_text(rebuild);
  run_migration(*session, *editor, rebuild);

  EXPECT_EQ(count_rows(*session, "\"users\""), 3);
  EXPECT_EQ(count_rows(*session, "\"blogs\""), 3);
  EXPECT_EQ(catalog_differences(*session, Dialect::sqlite, after, users_key),
            std::vector<std::string>{});
  // The cascade still works after the rebuild (foreign keys are back on).
  *session << "DELETE FROM \"users\" WHERE \"id\" = 1";
  EXPECT_EQ(count_rows(*session, "\"blogs\""), 2);
}

}  // namespace dbmig::test
