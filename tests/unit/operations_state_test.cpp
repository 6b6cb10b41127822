// Each operation's change to the project state, its description and name fragment, and the
// errors it reports when the state does not allow it.
#include <gtest/gtest.h>

#include "dbmig/error.hpp"
#include "dbmig/operations.hpp"

namespace dbmig {
namespace {

Field field(std::string name, FieldType type = FieldType::string) {
  Field f;
  f.name = std::move(name);
  f.type = type;
  return f;
}

Field primary_key() {
  Field f = field("id", FieldType::int64);
  f.primary_key = f.auto_increment = true;
  return f;
}

Model model(std::string name, std::vector<Field> fields, std::string table = "") {
  Model m;
  m.name = std::move(name);
  m.table = std::move(table);
  m.fields = std::move(fields);
  return m;
}

ProjectState blog_state() {
  ProjectState state;
  CreateModel(model("User", {primary_key()}, "users")).apply(state, "accounts");
  Field user = field("user_id", FieldType::int64);
  user.references = Reference{{"accounts", "User"}, OnDelete::cascade};
  CreateModel(model("Blog", {primary_key(), field("title"), field("body"), user}))
      .apply(state, "blog");
  return state;
}

const Model& blog(const ProjectState& state) {
  return state.get({"blog", "Blog"});
}

std::string error_of(const Operation& operation, ProjectState state, std::string_view app) {
  try {
    operation.apply(state, app);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(OperationsState, CreateModelSetsAppAndDefaultTable) {
  ProjectState state = blog_state();
  EXPECT_EQ(blog(state).app, "blog");
  EXPECT_EQ(blog(state).table, "blog_blog");
  EXPECT_EQ(state.get({"accounts", "User"}).table, "users");
  CreateModel create(model("OrderItem", {primary_key()}));
  EXPECT_EQ(create.describe(), "Create model OrderItem");
  EXPECT_EQ(create.name_fragment(), "order_item");
}

TEST(OperationsState, CreateModelRejectsDuplicatesAndMissingReferenceTargets) {
  ProjectState state = blog_state();
  EXPECT_EQ(error_of(CreateModel(model("Blog", {primary_key()})), state, "blog"),
            "cannot create model Blog: model blog.Blog already exists");
  Field author = field("author_id", FieldType::int64);
  author.references = Reference{{"people", "Author"}, OnDelete::cascade};
  EXPECT_EQ(error_of(CreateModel(model("Post", {primary_key(), author})), state, "blog"),
            "cannot create model Post: field author_id references people.Author, which does not "
            "exist at this point; add a dependency on the migration that creates it");
  EXPECT_EQ(error_of(CreateModel(model("Post", {field("a"), field("a")})), state, "blog"),
            "cannot create model Post: field a is listed twice");
}

TEST(OperationsState, DeleteModelRefusesWhileReferenced) {
  ProjectState state = blog_state();
  EXPECT_EQ(error_of(DeleteModel("User"), state, "accounts"),
            "cannot delete model User: field blog.Blog.user_id references it; remove or alter "
            "that field first");
  DeleteModel("Blog").apply(state, "blog");
  EXPECT_EQ(state.find({"blog", "Blog"}), nullptr);
  EXPECT_EQ(error_of(DeleteModel("Blog"), state, "blog"),
            "cannot delete model Blog: model blog.Blog does not exist at this point");
  EXPECT_EQ(DeleteModel("Blog").describe(), "Delete model Blog");
  EXPECT_EQ(DeleteModel("Blog").name_fragment(), "delete_blog");
}

TEST(OperationsState, RenameModelMovesDefaultTableAndReferences) {
  ProjectState state = blog_state();
  RenameModel("User", "Person").apply(state, "accounts");
  EXPECT_EQ(state.find({"accounts", "User"}), nullptr);
  EXPECT_EQ(state.get({"accounts", "Person"}).table, "users");  // custom table kept
  EXPECT_EQ(blog(state).find_field("user_id")->references->target,
            (ModelKey{"accounts", "Person"}));
  RenameModel("Blog", "Post").apply(state, "blog");
  EXPECT_EQ(state.get({"blog", "Post"}).table, "blog_post");  // default table follows
  EXPECT_EQ(RenameModel("Blog", "Post").describe(), "Rename model Blog to Post");
  EXPECT_EQ(RenameModel("Blog", "Post").name_fragment(), "rename_blog_post");
  EXPECT_EQ(error_of(RenameModel("Post", "Post"), state, "blog"),
            "cannot rename model Post to Post: model blog.Post already exists");
}

TEST(OperationsState, AlterModelTableSetsTheTable) {
  ProjectState state = blog_state();
  AlterModelTable("Blog", "blogs").apply(state, "blog");
  EXPECT_EQ(blog(state).table, "blogs");
  EXPECT_EQ(AlterModelTable("Blog", "blogs").describe(), "Rename table for Blog to blogs");
  EXPECT_EQ(AlterModelTable("Blog", "blogs").name_fragment(), "alter_blog_table");
}

TEST(OperationsState, AddFieldAppendsAndRejectsDuplicates) {
  ProjectState state = blog_state();
  Field subtitle = field("subtitle");
  subtitle.null = true;
  AddField add("Blog", subtitle);
  add.apply(state, "blog");
  EXPECT_EQ(blog(state).fields.back(), subtitle);
  EXPECT_EQ(add.describe(), "Add field subtitle to Blog");
  EXPECT_EQ(add.name_fragment(), "blog_subtitle");
  EXPECT_EQ(error_of(add, state, "blog"),
            "cannot add field subtitle to Blog: field subtitle already exists on blog.Blog");
  EXPECT_EQ(error_of(AddField("Nope", subtitle), state, "blog"),
            "cannot add field subtitle to Nope: model blog.Nope does not exist at this point");
}

TEST(OperationsState, RemoveFieldRefusesWhileIndexed) {
  ProjectState state = blog_state();
  AddIndex("Blog", Index{"blog_title_idx", {"title"}}).apply(state, "blog");
  EXPECT_EQ(error_of(RemoveField("Blog", "title"), state, "blog"),
            "cannot remove field title from Blog: index blog_title_idx uses it; remove the index "
            "first");
  RemoveField("Blog", "body").apply(state, "blog");
  EXPECT_EQ(blog(state).find_field("body"), nullptr);
  EXPECT_EQ(error_of(RemoveField("Blog", "body"), state, "blog"),
            "cannot remove field body from Blog: field body does not exist on blog.Blog");
  EXPECT_EQ(RemoveField("Blog", "body").describe(), "Remove field body from Blog");
  EXPECT_EQ(RemoveField("Blog", "body").name_fragment(), "remove_blog_body");
}

TEST(OperationsState, AlterFieldReplacesInPlace) {
  ProjectState state = blog_state();
  Field title = field("title");
  title.max_length = 200;
  AlterField("Blog", title).apply(state, "blog");
  EXPECT_EQ(blog(state).fields[1], title);
  EXPECT_EQ(AlterField("Blog", title).describe(), "Alter field title on Blog");
  EXPECT_EQ(AlterField("Blog", title).name_fragment(), "alter_blog_title");
  EXPECT_EQ(error_of(AlterField("Blog", field("nope")), state, "blog"),
            "cannot alter field nope on Blog: field nope does not exist on blog.Blog");
}

TEST(OperationsState, RenameFieldRenamesIndexesToo) {
  ProjectState state = blog_state();
  AddIndex("Blog", Index{"blog_body_idx", {"body"}}).apply(state, "blog");
  RenameField rename("Blog", "body", "content");
  rename.apply(state, "blog");
  EXPECT_EQ(blog(state).fields[2].name, "content");
  EXPECT_EQ(blog(state).indexes[0].fields, std::vector<std::string>{"content"});
  EXPECT_EQ(rename.describe(), "Rename field body on Blog to content");
  EXPECT_EQ(rename.name_fragment(), "rename_body_blog_content");
  EXPECT_EQ(error_of(RenameField("Blog", "title", "content"), state, "blog"),
            "cannot rename field title on Blog to content: field content already exists on "
            "blog.Blog");
}

TEST(OperationsState, IndexesAndConstraintsAddAndRemove) {
  ProjectState state = blog_state();
  AddIndex add_index("Blog", Index{"blog_title_body_idx", {"title", "body"}});
  add_index.apply(state, "blog");
  EXPECT_EQ(add_index.describe(),
            "Create index blog_title_body_idx on field(s) title, body of model Blog");
  EXPECT_EQ(add_index.name_fragment(), "blog_blog_title_body_idx");
  EXPECT_EQ(error_of(add_index, state, "blog"),
            "cannot add index blog_title_body_idx to Blog: it already exists");
  EXPECT_EQ(error_of(AddIndex("Blog", Index{"x", {"nope"}}), state, "blog"),
            "cannot add index x to Blog: field nope does not exist on blog.Blog");
  RemoveIndex("Blog", "blog_title_body_idx").apply(state, "blog");
  EXPECT_TRUE(blog(state).indexes.empty());
  EXPECT_EQ(error_of(RemoveIndex("Blog", "blog_title_body_idx"), state, "blog"),
            "cannot remove index blog_title_body_idx from Blog: it does not exist on blog.Blog");

  Constraint check{"blog_title_check", ConstraintKind::check, {}, "length(title) > 0"};
  AddConstraint("Blog", check).apply(state, "blog");
  EXPECT_EQ(blog(state).constraints, std::vector<Constraint>{check});
  EXPECT_EQ(AddConstraint("Blog", check).describe(),
            "Create constraint blog_title_check on model Blog");
  RemoveConstraint("Blog", "blog_title_check").apply(state, "blog");
  EXPECT_TRUE(blog(state).constraints.empty());
  EXPECT_EQ(error_of(RemoveConstraint("Blog", "blog_title_check"), state, "blog"),
            "cannot remove constraint blog_title_check from Blog: it does not exist on blog.Blog");
}

TEST(OperationsState, RunSqlLeavesTheStateAlone) {
  ProjectState state = blog_state();
  RunSQL run({"UPDATE blog_blog SET title = ''"}, std::nullopt);
  run.apply(state, "blog");
  EXPECT_EQ(state, blog_state());
  EXPECT_FALSE(run.reversible());
  EXPECT_TRUE(RunSQL({"SELECT 1"}, std::vector<std::string>{}).reversible());
  EXPECT_EQ(run.describe(), "Raw SQL operation");
}

}  // namespace
}  // namespace dbmig
