// Renaming a model on PostgreSQL renames its primary key constraint (<table>_pkey) with the
// table, so a new table of the old name gets the usual name for its key, also for table names
// so long that PostgreSQL cuts the key's name.
#include "sql_execution.hpp"

namespace dbmig::test {

namespace {

std::string primary_key_of(soci::session& session, const std::string& table) {
  std::string name;
  session << "SELECT conname FROM pg_constraint WHERE contype = 'p' AND conrelid = "
             "CAST(:t AS regclass)",
      soci::use(table), soci::into(name);
  return name;
}

ProjectState users_as(const std::string& table) {
  Model users = users_model();
  users.table = table;
  return state_of({users});
}

}  // namespace

TEST(SqlRenameModel, PostgresPrimaryKeyFollowsTheTableName) {
  TempDir dir;
  auto url = fresh_database_url(Dialect::postgresql, dir.path());
  if (!url) GTEST_SKIP() << "no PostgreSQL test server";
  auto session = connect(*url);
  auto editor = make_schema_editor(Dialect::postgresql);
  const std::string long_name(60, 'u');
  for (const auto& [old_table, new_table] : std::vector<std::pair<std::string, std::string>>{
           {"users", "people"}, {long_name, "members"}}) {
    SCOPED_TRACE(old_table + " -> " + new_table);
    ProjectState before = users_as(old_table), after = users_as(new_table);
    run_migration(*session, *editor, editor->create_model({{}, before}, users_key));
    run_migration(*session, *editor, editor->rename_model({before, after}, users_key, users_key));
    EXPECT_EQ(primary_key_of(*session, new_table), new_table + "_pkey");
    run_migration(*session, *editor, editor->create_model({{}, before}, users_key));
    EXPECT_EQ(primary_key_of(*session, old_table), old_table.substr(0, 58) + "_pkey");
    // And back: the two tables swap no names.
    run_migration(*session, *editor, {"DROP TABLE " + editor->quote_name(old_table)});
    run_migration(*session, *editor, editor->rename_model({after, before}, users_key, users_key));
    EXPECT_EQ(primary_key_of(*session, old_table), old_table.substr(0, 58) + "_pkey");
    run_migration(*session, *editor, {"DROP TABLE " + editor->quote_name(old_table)});
  }
}

}  // namespace dbmig::test
