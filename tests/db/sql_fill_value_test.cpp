// A NOT NULL column added to (or a column made NOT NULL on) a table holding rows: the
// operation's fill value fills the rows and does not stay as the column's default. Runs the
// operations of operations.hpp, so the editors and the operations agree on how fills travel.
#include "dbmig/operations.hpp"
#include "sql_execution.hpp"

namespace dbmig::test {

namespace {

struct BlogDatabase {
  std::unique_ptr<soci::session> session;
  std::unique_ptr<SchemaEditor> editor;
  ProjectState state = blog_state();

  BlogDatabase(Dialect dialect, const std::string& url)
      : session(connect(url)), editor(make_schema_editor(dialect)) {
    ProjectState users = state_of({users_model()});
    run_migration(*session, *editor, editor->create_model({{}, users}, users_key));
    run_migration(*session, *editor, editor->create_model({users, state}, blogs_key));
    *session << "INSERT INTO " + q("users") + " (" + q("email") + ") VALUES ('a')";
    for (int i = 0; i < 2; ++i)
      *session << "INSERT INTO " + q("blogs") + " (" + q("title") + ", " + q("body") + ", " +
                      q("user_id") + ", " + q("created_at") +
                      ") VALUES ('t', 'b', 1, '2024-01-01')";
  }
  std::string q(std::string_view name) const { return editor->quote_name(name); }
  // Applies `operation` forwards and moves the state along.
  void apply(const Operation& operation) {
    ProjectState after = state;
    operation.apply(after, "blog");
    run_migration(*session, *editor, operation.forwards(*editor, "blog", {state, after}));
    state = after;
  }
  long long count_where(const std::string& condition) {
    long long count = 0;
    *session << "SELECT COUNT(*) FROM " + q("blogs") + " WHERE " + condition, soci::into(count);
    return count;
  }
};

}  // namespace

TEST(SqlFillValue, AddFieldFillsExistingRowsWithoutKeepingADefault) {
  TempDir dir;
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    auto url = fresh_database_url(dialect, dir.path());
    if (!url) continue;
    BlogDatabase db(dialect, *url);
    AddField add("Blog", make_field("votes", FieldType::int32));
    add.fill_value = std::int64_t{7};
    ProjectState before = db.state;
    db.apply(add);
    EXPECT_EQ(db.count_where(db.q("votes") + " = 7"), 2);
    EXPECT_EQ(catalog_differences(*db.session, dialect, db.state, blogs_key),
              std::vector<std::string>{});  // NOT NULL and no default left behind

    run_migration(*db.session, *db.editor, add.backwards(*db.editor, "blog", {before, db.state}));
    EXPECT_EQ(catalog_differences(*db.session, dialect, before, blogs_key),
              std::vector<std::string>{});
  }
}

TEST(SqlFillValue, AlterFieldToNotNullFillsTheNulls) {
  TempDir dir;
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    auto url = fresh_database_url(dialect, dir.path());
    if (!url) continue;
    BlogDatabase db(dialect, *url);
    Field subtitle = *db.state.get(blogs_key).find_field("subtitle");
    subtitle.null = false;
    AlterField alter("Blog", subtitle);
    alter.fill_value = std::string("untitled");
    db.apply(alter);
    EXPECT_EQ(db.count_where(db.q("subtitle") + " = 'untitled'"), 2);
    EXPECT_EQ(catalog_differences(*db.session, dialect, db.state, blogs_key),
              std::vector<std::string>{});
  }
}

}  // namespace dbmig::test
