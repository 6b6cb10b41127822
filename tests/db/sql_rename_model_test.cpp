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

Model users_in(const std::string& name, const std::string& table) {
  Model users = users_model();
  users.name = name;
  users.table = table;
  return users;
}

}  // namespace

TEST(SqlRenameModel, PostgresPrimaryKeyFollowsTheTableName) {
  MigratedDatabase db(Dialect::postgresql);
  if (!db.available()) GTEST_SKIP() << "no PostgreSQL test server";
  const std::string long_name(60, 'u');
  for (const auto& [old_table, new_table] : std::vector<std::pair<std::string, std::string>>{
           {"users", "people"}, {long_name, "members"}}) {
    SCOPED_TRACE(old_table + " -> " + new_table);
    std::string model = "From" + new_table;
    db.apply("accounts", std::make_shared<CreateModel>(users_in(model, old_table)));
    db.apply("accounts", std::make_shared<AlterModelTable>(model, new_table));
    EXPECT_EQ(primary_key_of(db.session(), new_table), new_table + "_pkey");
    db.apply("accounts", std::make_shared<CreateModel>(users_in("Again" + new_table, old_table)));
    EXPECT_EQ(primary_key_of(db.session(), old_table), old_table.substr(0, 58) + "_pkey");
    // And back: the two tables swap no names.
    db.unapply_last();
    db.unapply_last();
    EXPECT_EQ(primary_key_of(db.session(), old_table), old_table.substr(0, 58) + "_pkey");
    db.unapply_last();
  }
}

}  // namespace dbmig::test
