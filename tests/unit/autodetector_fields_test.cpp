// Autodetector: fields added, removed, altered and renamed; indexes and constraints; defaults.
#include <gtest/gtest.h>

#include "autodetector_fixtures.hpp"

namespace dbmig::test {
namespace {

Model& blog(ProjectState& state) {
  return state.get({"blog", "Blog"});
}

std::vector<std::string> detect(const ProjectState& from, const ProjectState& to,
                                Questioner& questioner, const ModelSources& sources = {}) {
  auto operations = detect_changes(from, to, sources, questioner);
  ProjectState replayed = from;
  for (const auto& planned : operations) planned.operation->apply(replayed, planned.app);
  EXPECT_TRUE(same_schema(replayed, to));
  return describe(operations);
}

TEST(AutodetectorFields, NullableFieldIsAddedWithoutQuestion) {
  ProjectState from = blog_project(), to = blog_project();
  Field subtitle = text_field("subtitle");
  subtitle.null = true;
  blog(to).fields.push_back(subtitle);
  ScriptedQuestioner questioner;
  EXPECT_EQ(detect(from, to, questioner), lines("blog: Add field subtitle to Blog"));
  EXPECT_TRUE(questioner.questions.empty());
}

TEST(AutodetectorFields, NotNullFieldWithoutDefaultAsksForFillValue) {
  ProjectState from = blog_project(), to = blog_project();
  blog(to).fields.push_back(int_field("rank"));
  ScriptedQuestioner questioner;
  questioner.fill_value = Literal{std::int64_t{7}};
  auto operations = detect_changes(from, to, {}, questioner);
  ASSERT_EQ(operations.size(), 1u);
  auto* added = dynamic_cast<const AddField*>(operations[0].operation.get());
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->fill_value, (Literal{std::int64_t{7}}));
  EXPECT_EQ(questioner.questions, lines("fill blog.Blog.rank"));
}

TEST(AutodetectorFields, NotNullFieldWithDefaultNeedsNoFillValue) {
  ProjectState from = blog_project(), to = blog_project();
  Field active;
  active.name = "active";
  active.type = FieldType::boolean;
  active.default_value = Literal{true};
  blog(to).fields.push_back(active);
  ScriptedQuestioner questioner;
  EXPECT_EQ(detect(from, to, questioner), lines("blog: Add field active to Blog"));
  EXPECT_TRUE(questioner.questions.empty());
}

TEST(AutodetectorFields, NoninteractiveMissingDefaultShowsTheLineToAdd) {
  ProjectState from = blog_project(), to = blog_project();
  blog(to).fields.push_back(int_field("rank"));
  ModelSources sources;
  sources[{"blog", "Blog"}].fields["rank"] = {{"apps/blog/models.hpp", 14, 3}, "int", ""};
  NonInteractiveQuestioner questioner(sources);
  try {
    detect_changes(from, to, sources, questioner);
    FAIL() << "expected an InputError";
  } catch (const InputError& error) {
    std::string message = error.what();
    EXPECT_NE(message.find("apps/blog/models.hpp:14:3: "), std::string::npos) << message;
    EXPECT_NE(message.find("DBMIG_FIELD(default = 0) int rank;"), std::string::npos) << message;
    EXPECT_NE(message.find("int rank = 0;"), std::string::npos) << message;
  }
}

TEST(AutodetectorFields, RemovedFieldIsRemoveField) {
  ProjectState from = blog_project(), to = blog_project();
  std::erase_if(blog(to).fields, [](const Field& f) { return f.name == "body"; });
  ScriptedQuestioner questioner;
  EXPECT_EQ(detect(from, to, questioner), lines("blog: Remove field body from Blog"));
}

TEST(AutodetectorFields, EveryAttributeChangeIsAlterField) {
  auto change = [](auto edit) {
    ProjectState from = blog_project(), to = blog_project();
    edit(*blog(to).find_field("user_id"));
    ScriptedQuestioner questioner;
    return detect(from, to, questioner);
  };
  auto altered = lines("blog: Alter field user_id on Blog");
  EXPECT_EQ(change([](Field& f) { f.type = FieldType::int32; }), altered);
  EXPECT_EQ(change([](Field& f) { f.null = true; }), altered);
  EXPECT_EQ(change([](Field& f) { f.default_value = Literal{std::int64_t{1}}; }), altered);
  EXPECT_EQ(change([](Field& f) { f.unique = true; }), altered);
  EXPECT_EQ(change([](Field& f) { f.index = false; }), altered);
  EXPECT_EQ(change([](Field& f) { f.references->on_delete = OnDelete::restrict; }), altered);
  EXPECT_EQ(change([](Field& f) { f.references.reset(); }), altered);
  EXPECT_EQ(change([](Field& f) {
              f.type = FieldType::string;
              f.max_length = 10;
            }),
            altered);
}

TEST(AutodetectorFields, FieldBecomingNotNullAsksForFillValue) {
  ProjectState from = blog_project(), to = blog_project();
  blog(from).find_field("body")->null = true;
  ScriptedQuestioner questioner;
  questioner.fill_value = Literal{std::string("")};
  auto operations = detect_changes(from, to, {}, questioner);
  ASSERT_EQ(operations.size(), 1u);
  auto* altered = dynamic_cast<const AlterField*>(operations[0].operation.get());
  ASSERT_NE(altered, nullptr);
  EXPECT_EQ(altered->fill_value, (Literal{std::string("")}));
}

TEST(AutodetectorFields, RenamedFromHintIsRenameFieldPlusAlterWhenChanged) {
  ProjectState from = blog_project(), to = blog_project();
  Field& body = *blog(to).find_field("body");
  body.name = "content";
  body.max_length = 5000;
  ModelSources sources;
  sources[{"blog", "Blog"}].fields["content"].renamed_from = "body";
  ScriptedQuestioner questioner;
  EXPECT_EQ(
      detect(from, to, questioner, sources),
      lines("blog: Rename field body on Blog to content", "blog: Alter field content on Blog"));
  EXPECT_TRUE(questioner.questions.empty());
}

TEST(AutodetectorFields, SameDefinitionAsksWhetherRenamed) {
  ProjectState from = blog_project(), to = blog_project();
  blog(to).find_field("body")->name = "content";
  ScriptedQuestioner yes;
  yes.renames = {"blog.Blog.body->content"};
  EXPECT_EQ(detect(from, to, yes), lines("blog: Rename field body on Blog to content"));
  EXPECT_EQ(yes.questions, lines("blog.Blog.body->content"));
  ScriptedQuestioner no;
  no.fill_value = Literal{std::string("")};
  EXPECT_EQ(detect(from, to, no),
            lines("blog: Remove field body from Blog", "blog: Add field content to Blog"));
}

TEST(AutodetectorFields, DifferentDefinitionIsNotAskedAbout) {
  ProjectState from = blog_project(), to = blog_project();
  Field& body = *blog(to).find_field("body");
  body.name = "content";
  body.null = true;
  ScriptedQuestioner questioner;
  detect(from, to, questioner);
  EXPECT_TRUE(questioner.questions.empty());
}

TEST(AutodetectorFields, RenamedFieldKeepsItsIndexes) {
  ProjectState from = blog_project(), to = blog_project();
  blog(from).indexes.push_back({"blog_title_idx", {"title", "body"}});
  blog(to).indexes.push_back({"blog_title_idx", {"title", "content"}});
  blog(to).find_field("body")->name = "content";
  ModelSources sources;
  sources[{"blog", "Blog"}].fields["content"].renamed_from = "body";
  ScriptedQuestioner questioner;
  EXPECT_EQ(detect(from, to, questioner, sources),
            lines("blog: Rename field body on Blog to content"));
}

TEST(AutodetectorFields, IndexesAndConstraintsAddedRemovedAndChanged) {
  ProjectState from = blog_project(), to = blog_project();
  blog(from).indexes.push_back({"old_idx", {"title"}});
  blog(from).constraints.push_back(
      {"changed_check", ConstraintKind::check, {}, "length(title) > 0"});
  blog(to).indexes.push_back({"new_idx", {"title", "body"}});
  blog(to).constraints.push_back({"changed_check", ConstraintKind::check, {}, "length(title) > 1"});
  blog(to).constraints.push_back(
      {"title_user_uniq", ConstraintKind::unique, {"title", "user_id"}, ""});
  ScriptedQuestioner questioner;
  auto described = detect(from, to, questioner);
  ASSERT_EQ(described.size(), 5u);
  // Changed checks go first, before any field rename could rebuild an SQLite table with them.
  EXPECT_NE(described[0].find("changed_check"), std::string::npos);
  EXPECT_NE(described[1].find("old_idx"), std::string::npos);
  EXPECT_NE(described[2].find("new_idx"), std::string::npos);
  EXPECT_NE(described[3].find("changed_check"), std::string::npos);
  EXPECT_NE(described[4].find("title_user_uniq"), std::string::npos);
}

// A changed index or check in the middle of the list is removed and added last: the replayed
// state lists it elsewhere, which is the same schema (once an InternalError).
TEST(AutodetectorFields, IndexesAndChecksChangedInTheMiddleOfTheirLists) {
  ProjectState from = blog_project(), to = blog_project();
  for (ProjectState* state : {&from, &to}) {
    blog(*state).indexes = {{"a_idx", {"title"}}, {"b_idx", {"body"}}, {"c_idx", {"user_id"}}};
    blog(*state).constraints = {{"a_check", ConstraintKind::check, {}, "length(title) > 0"},
                                {"b_check", ConstraintKind::check, {}, "length(body) > 0"},
                                {"c_check", ConstraintKind::check, {}, "user_id > 0"}};
  }
  blog(to).indexes[1].fields = {"body", "title"};
  blog(to).constraints[1].check = "length(body) > 1";
  ScriptedQuestioner questioner;
  EXPECT_EQ(
      detect(from, to, questioner),
      lines("blog: Remove constraint b_check from model Blog", "blog: Remove index b_idx from Blog",
            "blog: Create index b_idx on field(s) body, title of model Blog",
            "blog: Create constraint b_check on model Blog"));
}

// A check that names a renamed column is removed before the rename and added after it: an
// SQLite rename rebuilds the table, and the old check would name a column that is gone.
TEST(AutodetectorFields, ChecksOverARenamedFieldAreRemovedBeforeTheRename) {
  ProjectState from = blog_project(), to = blog_project();
  blog(from).constraints = {{"body_check", ConstraintKind::check, {}, "length(body) > 0"}};
  blog(to).constraints = {{"body_check", ConstraintKind::check, {}, "length(content) > 0"}};
  blog(to).find_field("body")->name = "content";
  ModelSources sources;
  sources[{"blog", "Blog"}].fields["content"].renamed_from = "body";
  ScriptedQuestioner questioner;
  EXPECT_EQ(detect(from, to, questioner, sources),
            lines("blog: Remove constraint body_check from model Blog",
                  "blog: Rename field body on Blog to content",
                  "blog: Create constraint body_check on model Blog"));
}

TEST(AutodetectorFields, IndexOnRemovedFieldIsRemovedBeforeTheField) {
  ProjectState from = blog_project(), to = blog_project();
  blog(from).indexes.push_back({"body_idx", {"body"}});
  std::erase_if(blog(to).fields, [](const Field& f) { return f.name == "body"; });
  ScriptedQuestioner questioner;
  auto described = detect(from, to, questioner);
  ASSERT_EQ(described.size(), 2u);
  EXPECT_NE(described[0].find("body_idx"), std::string::npos);
  EXPECT_EQ(described[1], "blog: Remove field body from Blog");
}

TEST(AutodetectorFields, ReferenceToNewModelOfOtherAppComesAfterItsCreation) {
  ProjectState from = blog_project(), to = blog_project();
  put(to, make_model("accounts", "Team", {}));
  blog(to).fields.push_back(reference_field("team_id", {"accounts", "Team"}, true));
  ScriptedQuestioner questioner;
  auto migrations =
      arrange_migrations(detect_changes(from, to, {}, questioner),
                         {{{"accounts", "0001_initial"}, {"blog", "0001_initial"}}, {}, {}});
  ASSERT_EQ(migrations.size(), 2u);
  EXPECT_EQ(migrations[0].key(), (MigrationKey{"accounts", "0002_team"}));
  EXPECT_EQ(migrations[1].key(), (MigrationKey{"blog", "0002_blog_team_id"}));
  EXPECT_EQ(migrations[1].dependencies,
            keys(MigrationKey{"blog", "0001_initial"}, MigrationKey{"accounts", "0002_team"}));
}

}  // namespace
}  // namespace dbmig::test
