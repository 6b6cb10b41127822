// forwards()/backwards() call the SchemaEditor method of the change, with the states swapped
// backwards. A recording editor stands in for a dialect: it renders each call as text.
#include <gtest/gtest.h>

#include "dbmig/error.hpp"
#include "dbmig/operations.hpp"

namespace dbmig {
namespace {

// Renders every call as "method(before-model-count>after-model-count, names...)" so tests see
// which method ran and in which direction.
class RecordingEditor : public SchemaEditor {
 public:
  Dialect dialect() const override { return Dialect::sqlite; }
  bool transactional_ddl() const override { return true; }
  std::string quote_name(std::string_view id) const override {
    return "\"" + std::string(id) + "\"";
  }
  std::unique_ptr<SchemaEditor> online_editor() const override {
    return std::make_unique<RecordingEditor>(*this);
  }
  std::string quote_value(const Literal& value) const override {
    return std::visit(
        [](const auto& v) {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>)
            return "'" + v + "'";
          else
            return std::to_string(v);
        },
        value);
  }
  Statements create_model(const StateChange& c, const ModelKey& m) const override {
    return {call("create_model", c, m.str())};
  }
  Statements delete_model(const StateChange& c, const ModelKey& m) const override {
    return {call("delete_model", c, m.str())};
  }
  Statements rename_model(const StateChange& c, const ModelKey& a,
                          const ModelKey& b) const override {
    return {call("rename_model", c, a.str() + "," + b.str())};
  }
  Statements alter_model_comment(const StateChange& c, const ModelKey& m) const override {
    return {call("alter_model_comment", c, m.str())};
  }
  Statements add_field(const StateChange& c, const ModelKey& m, std::string_view f) const override {
    return {call("add_field", c, m.str() + "." + std::string(f))};
  }
  Statements remove_field(const StateChange& c, const ModelKey& m,
                          std::string_view f) const override {
    return {call("remove_field", c, m.str() + "." + std::string(f))};
  }
  Statements alter_field(const StateChange& c, const ModelKey& m, std::string_view a,
                         std::string_view b, const std::optional<Literal>& fill) const override {
    std::string filled = fill ? ", fill " + quote_value(*fill) : "";
    return {call("alter_field", c, m.str() + "." + std::string(a) + "," + std::string(b) + filled)};
  }
  Statements add_index(const StateChange& c, const ModelKey& m, std::string_view i) const override {
    return {call("add_index", c, m.str() + "." + std::string(i))};
  }
  Statements remove_index(const StateChange& c, const ModelKey& m,
                          std::string_view i) const override {
    return {call("remove_index", c, m.str() + "." + std::string(i))};
  }
  Statements add_constraint(const StateChange& c, const ModelKey& m,
                            std::string_view i) const override {
    return {call("add_constraint", c, m.str() + "." + std::string(i))};
  }
  Statements remove_constraint(const StateChange& c, const ModelKey& m,
                               std::string_view i) const override {
    return {call("remove_constraint", c, m.str() + "." + std::string(i))};
  }

 private:
  // The direction shows as the field count of blog.Blog before > after.
  static std::string call(const std::string& method, const StateChange& c,
                          const std::string& args) {
    auto count = [](const ProjectState& s) {
      const Model* blog = s.find({"blog", "Blog"});
      return blog ? std::to_string(blog->fields.size()) : std::string("-");
    };
    return method + "(" + count(c.before) + ">" + count(c.after) + ", " + args + ")";
  }
};

Field text_field(std::string name) {
  Field f;
  f.name = std::move(name);
  f.type = FieldType::string;
  return f;
}

struct Directions {
  Statements forwards;
  Statements backwards;
};

Directions run(const Operation& operation, ProjectState before) {
  ProjectState after = before;
  operation.apply(after, "blog");
  RecordingEditor editor;
  return {operation.forwards(editor, "blog", {before, after}),
          operation.backwards(editor, "blog", {before, after})};
}

ProjectState with_blog() {
  ProjectState state;
  Model blog;
  blog.name = "Blog";
  blog.fields = {text_field("title"), text_field("body")};
  CreateModel(blog).apply(state, "blog");
  return state;
}

TEST(OperationsSql, ModelOperationsCallTheirMethodAndTheInverse) {
  Model blog = with_blog().get({"blog", "Blog"});
  auto create = run(CreateModel(blog), {});
  EXPECT_EQ(create.forwards, Statements{"create_model(->2, blog.Blog)"});
  EXPECT_EQ(create.backwards, Statements{"delete_model(2>-, blog.Blog)"});
  auto remove = run(DeleteModel("Blog"), with_blog());
  EXPECT_EQ(remove.forwards, Statements{"delete_model(2>-, blog.Blog)"});
  EXPECT_EQ(remove.backwards, Statements{"create_model(->2, blog.Blog)"});
  auto rename = run(RenameModel("Blog", "Post"), with_blog());
  EXPECT_EQ(rename.forwards, Statements{"rename_model(2>-, blog.Blog,blog.Post)"});
  EXPECT_EQ(rename.backwards, Statements{"rename_model(->2, blog.Post,blog.Blog)"});
  auto table = run(AlterModelTable("Blog", "blogs"), with_blog());
  EXPECT_EQ(table.forwards, Statements{"rename_model(2>2, blog.Blog,blog.Blog)"});
  auto comment = run(AlterModelComment("Blog", "Posts"), with_blog());
  EXPECT_EQ(comment.forwards, Statements{"alter_model_comment(2>2, blog.Blog)"});
  EXPECT_EQ(comment.backwards, Statements{"alter_model_comment(2>2, blog.Blog)"});
}

TEST(OperationsSql, FieldOperationsCallTheirMethodAndTheInverse) {
  auto add = run(AddField("Blog", text_field("subtitle")), with_blog());
  EXPECT_EQ(add.forwards, Statements{"add_field(2>3, blog.Blog.subtitle)"});
  EXPECT_EQ(add.backwards, Statements{"remove_field(3>2, blog.Blog.subtitle)"});
  auto remove = run(RemoveField("Blog", "body"), with_blog());
  EXPECT_EQ(remove.forwards, Statements{"remove_field(2>1, blog.Blog.body)"});
  EXPECT_EQ(remove.backwards, Statements{"add_field(1>2, blog.Blog.body)"});
  auto rename = run(RenameField("Blog", "body", "content"), with_blog());
  EXPECT_EQ(rename.forwards, Statements{"alter_field(2>2, blog.Blog.body,content)"});
  EXPECT_EQ(rename.backwards, Statements{"alter_field(2>2, blog.Blog.content,body)"});
  auto alter = run(AlterField("Blog", text_field("body")), with_blog());
  EXPECT_EQ(alter.forwards, Statements{"alter_field(2>2, blog.Blog.body,body)"});
}

TEST(OperationsSql, FillValuesFillExistingRows) {
  AddField add("Blog", text_field("subtitle"));
  add.fill_value = std::string("none");
  EXPECT_EQ(run(add, with_blog()).forwards,
            (Statements{"add_field(2>3, blog.Blog.subtitle)",
                        "alter_field(3>3, blog.Blog.subtitle,subtitle)"}));
  AlterField alter("Blog", text_field("body"));
  alter.fill_value = std::string("");
  EXPECT_EQ(run(alter, with_blog()).forwards,
            Statements{"alter_field(2>2, blog.Blog.body,body, fill '')"});
  EXPECT_EQ(run(alter, with_blog()).backwards, Statements{"alter_field(2>2, blog.Blog.body,body)"});
}

TEST(OperationsSql, IndexOperationsCallTheirMethodAndTheInverse) {
  auto add = run(AddIndex("Blog", Index{"i", {"title"}}), with_blog());
  EXPECT_EQ(add.forwards, Statements{"add_index(2>2, blog.Blog.i)"});
  EXPECT_EQ(add.backwards, Statements{"remove_index(2>2, blog.Blog.i)"});
  auto check =
      run(AddConstraint("Blog", Constraint{"c", ConstraintKind::check, {}, "1"}), with_blog());
  EXPECT_EQ(check.forwards, Statements{"add_constraint(2>2, blog.Blog.c)"});
  EXPECT_EQ(check.backwards, Statements{"remove_constraint(2>2, blog.Blog.c)"});
}

TEST(OperationsSql, RunSqlReturnsItsStatementsAndRefusesToReverseWithout) {
  auto both = run(RunSQL({"A", "B"}, Statements{"C"}), with_blog());
  EXPECT_EQ(both.forwards, (Statements{"A", "B"}));
  EXPECT_EQ(both.backwards, Statements{"C"});
  RunSQL one_way({"UPDATE x SET y = 1"}, std::nullopt);
  ProjectState state = with_blog();
  RecordingEditor editor;
  try {
    one_way.backwards(editor, "blog", {state, state});
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "RunSQL operation of app blog (\"UPDATE x SET y = 1\") cannot be reversed: it has "
              "no \"reverse_sql\"; add one to the migration (an empty list [] when there is "
              "nothing to undo)");
  }
}

}  // namespace
}  // namespace dbmig
