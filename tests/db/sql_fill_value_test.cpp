// A NOT NULL column added to (or a column made NOT NULL on) a table holding rows: the
// operation's fill value fills the rows and does not stay as the column's default.
#include "sql_execution.hpp"

namespace dbmig::test {

namespace {

// The blog models migrated, with one user and two blogs whose subtitle is NULL.
struct BlogDatabase {
  MigratedDatabase db;
  std::unique_ptr<SchemaEditor> editor;

  explicit BlogDatabase(Dialect dialect) : db(dialect), editor(make_schema_editor(dialect)) {
    if (!db.available()) return;
    db.apply("accounts", std::make_shared<CreateModel>(users_model()));
    db.apply("blog", std::make_shared<CreateModel>(blogs_model()));
    db.session() << "INSERT INTO " + q("users") + " (" + q("email") + ") VALUES ('a')";
    for (int i = 0; i < 2; ++i)
      db.session() << "INSERT INTO " + q("blogs") + " (" + q("title") + ", " + q("body") + ", " +
                          q("user_id") + ", " + q("created_at") +
                          ") VALUES ('t', 'b', 1, '2024-01-01')";
  }
  std::string q(std::string_view name) const { return editor->quote_name(name); }
  long long count_where(const std::string& condition) {
    long long count = 0;
    db.session() << "SELECT COUNT(*) FROM " + q("blogs") + " WHERE " + condition, soci::into(count);
    return count;
  }
};

}  // namespace

TEST(SqlFillValue, AddFieldFillsExistingRowsWithoutKeepingADefault) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    BlogDatabase blog(dialect);
    if (!blog.db.available()) continue;
    auto add = std::make_shared<AddField>("Blog", make_field("votes", FieldType::int32));
    add->fill_value = std::int64_t{7};
    blog.db.apply("blog", add);
    EXPECT_EQ(blog.count_where(blog.q("votes") + " = 7"), 2);
    EXPECT_EQ(catalog_differences(blog.db.session(), dialect, blog.db.state(), blogs_key),
              std::vector<std::string>{});  // NOT NULL and no default left behind

    blog.db.unapply_last();
    EXPECT_EQ(catalog_differences(blog.db.session(), dialect, blog.db.state(), blogs_key),
              std::vector<std::string>{});
  }
}

TEST(SqlFillValue, AlterFieldToNotNullFillsTheNulls) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    BlogDatabase blog(dialect);
    if (!blog.db.available()) continue;
    Field subtitle = *blogs_model().find_field("subtitle");
    subtitle.null = false;
    auto alter = std::make_shared<AlterField>("Blog", subtitle);
    alter->fill_value = std::string("untitled");
    blog.db.apply("blog", alter);
    EXPECT_EQ(blog.count_where(blog.q("subtitle") + " = 'untitled'"), 2);
    EXPECT_EQ(catalog_differences(blog.db.session(), dialect, blog.db.state(), blogs_key),
              std::vector<std::string>{});
  }
}

}  // namespace dbmig::test
