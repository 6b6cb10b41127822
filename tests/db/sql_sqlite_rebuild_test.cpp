// A SQLite table rebuild of a table that another table references with ON DELETE CASCADE:
// foreign keys are off around the migration, so dropping the old table deletes no child row,
// and PRAGMA foreign_key_check is clean afterwards.
#include <algorithm>

#include "sql_execution.hpp"

namespace dbmig::test {

TEST(SqlSqliteRebuild, RebuildingACascadeReferencedTableKeepsEveryRowOfBothTables) {
  MigratedDatabase db(Dialect::sqlite);
  db.apply("accounts", std::make_shared<CreateModel>(users_model()));
  db.apply("blog", std::make_shared<CreateModel>(blogs_model()));
  soci::session& session = db.session();
  for (int i = 1; i <= 3; ++i) {
    session << "INSERT INTO \"users\" (\"email\") VALUES ('u" + std::to_string(i) + "')";
    session << "INSERT INTO \"blogs\" (\"title\", \"body\", \"user_id\", \"created_at\") "
               "VALUES ('t', 'b', " +
                   std::to_string(i) + ", '2024-01-01')";
  }
  Field email = *users_model().find_field("email");
  email.max_length = 250;
  auto alter = std::make_shared<AlterField>("User", email);

  ProjectState after = db.state();
  alter->apply(after, "accounts");
  Statements rebuild =
      alter->forwards(*make_schema_editor(Dialect::sqlite), "accounts", {db.state(), after});
  ASSERT_NE(std::find(rebuild.begin(), rebuild.end(), "DROP TABLE \"users\""), rebuild.end())
      << sql_text(rebuild);
  db.apply("accounts", alter);

  EXPECT_EQ(count_rows(session, "\"users\""), 3);
  EXPECT_EQ(count_rows(session, "\"blogs\""), 3);
  EXPECT_EQ(catalog_differences(session, Dialect::sqlite, db.state(), users_key),
            std::vector<std::string>{});
  // The cascade still works after the rebuild (foreign keys are back on).
  session << "DELETE FROM \"users\" WHERE \"id\" = 1";
  EXPECT_EQ(count_rows(session, "\"blogs\""), 2);
}

}  // namespace dbmig::test
