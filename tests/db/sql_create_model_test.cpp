// CreateModel and DeleteModel on real SQLite, PostgreSQL and MariaDB: the catalog matches the
// state, the foreign key's ON DELETE works, and backwards leaves no table behind.
#include "sql_execution.hpp"

namespace dbmig::test {

TEST(SqlCreateModelExecution, UsersAndBlogsMatchTheStateAndDeleteModelRemovesThem) {
  TempDir dir;
  ProjectState empty;
  ProjectState users = state_of({users_model()});
  ProjectState both = state_of({users_model(), blogs_model()});
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    auto url = fresh_database_url(dialect, dir.path());
    if (!url) continue;
    auto session = connect(*url);
    auto editor = make_schema_editor(dialect);
    run_migration(*session, *editor, editor->create_model({empty, users}, users_key));
    run_migration(*session, *editor, editor->create_model({users, both}, blogs_key));
    EXPECT_EQ(catalog_differences(*session, dialect, both, users_key), std::vector<std::string>{});
    EXPECT_EQ(catalog_differences(*session, dialect, both, blogs_key), std::vector<std::string>{});

    std::string q_users = editor->quote_name("users"), q_blogs = editor->quote_name("blogs");
    *session << "INSERT INTO " + q_users + " (" + editor->quote_name("email") +
                    ") VALUES ('a@example.com')";
    *session << "INSERT INTO " + q_blogs + " (" + editor->quote_name("title") + ", " +
                    editor->quote_name("body") + ", " + editor->quote_name("user_id") + ", " +
                    editor->quote_name("created_at") +
                    ") VALUES ('t', 'b', 1, '2024-01-02 03:04:05')";
    std::string name;
    *session << "SELECT " + editor->quote_name("name") + " FROM " + q_users, soci::into(name);
    EXPECT_EQ(name, "it's");  // the escaped default
    *session << "DELETE FROM " + q_users;
    EXPECT_EQ(count_rows(*session, q_blogs), 0) << "ON DELETE CASCADE";

    // Backwards: CreateModel's inverse is delete_model with the states swapped.
    run_migration(*session, *editor, editor->delete_model({both, users}, blogs_key));
    run_migration(*session, *editor, editor->delete_model({users, empty}, users_key));
    EXPECT_EQ(read_tables(*session, dialect), std::vector<std::string>{});
  }
}

}  // namespace dbmig::test
