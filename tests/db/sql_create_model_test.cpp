// CreateModel and DeleteModel migrated on real SQLite, PostgreSQL and MariaDB: the catalog
// matches the state, the foreign key's ON DELETE works, and unapplying leaves no table behind.
#include "sql_execution.hpp"

namespace dbmig::test {

TEST(SqlCreateModelExecution, UsersAndBlogsMatchTheStateAndUnapplyingRemovesThem) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    MigratedDatabase db(dialect);
    if (!db.available()) continue;
    db.apply("accounts", std::make_shared<CreateModel>(users_model()));
    db.apply("blog", std::make_shared<CreateModel>(blogs_model()));
    soci::session& session = db.session();
    EXPECT_EQ(catalog_differences(session, dialect, db.state(), users_key),
              std::vector<std::string>{});
    EXPECT_EQ(catalog_differences(session, dialect, db.state(), blogs_key),
              std::vector<std::string>{});

    auto editor = make_schema_editor(dialect);
    auto q = [&](std::string_view name) { return editor->quote_name(name); };
    session << "INSERT INTO " + q("users") + " (" + q("email") + ") VALUES ('a@example.com')";
    session << "INSERT INTO " + q("blogs") + " (" + q("title") + ", " + q("body") + ", " +
                   q("user_id") + ", " + q("created_at") +
                   ") VALUES ('t', 'b', 1, '2024-01-02 03:04:05')";
    std::string name;
    session << "SELECT " + q("name") + " FROM " + q("users"), soci::into(name);
    EXPECT_EQ(name, "it's");  // the escaped default
    session << "DELETE FROM " + q("users");
    EXPECT_EQ(count_rows(session, q("blogs")), 0) << "ON DELETE CASCADE";

    // Backwards: CreateModel's inverse drops the table.
    db.unapply_last();
    db.unapply_last();
    EXPECT_EQ(read_tables(session, dialect), std::vector<std::string>{recorder_table});
  }
}

}  // namespace dbmig::test
