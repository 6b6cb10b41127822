// One test per reduce rule. Every case also checks that replaying the optimized operations
// gives the same state as replaying the originals.
#include <gtest/gtest.h>

#include "dbmig/operations.hpp"
#include "dbmig/optimizer.hpp"

namespace dbmig {
namespace {

Field field(std::string name, bool null = false) {
  Field f;
  f.name = std::move(name);
  f.type = FieldType::string;
  f.null = null;
  return f;
}

Field reference(std::string name, ModelKey target) {
  Field f;
  f.name = std::move(name);
  f.references = Reference{std::move(target), OnDelete::cascade};
  return f;
}

Model model(std::string name, std::vector<Field> fields = {field("id")}) {
  Model m;
  m.name = std::move(name);
  m.fields = std::move(fields);
  return m;
}

// The state the test operations start from: blog.Blog(id, title, body) and blog.Author(id).
ProjectState base_state() {
  ProjectState state;
  CreateModel(model("Blog", {field("id"), field("title"), field("body")})).apply(state, "blog");
  CreateModel(model("Author")).apply(state, "blog");
  return state;
}

ProjectState replayed(const Operations& operations) {
  ProjectState state = base_state();
  for (const auto& operation : operations) operation->apply(state, "blog");
  return state;
}

// The optimized operations as one JSON line each; checks the state is unchanged.
std::vector<std::string> optimized(const Operations& operations) {
  Operations result = optimize(operations, "blog");
  EXPECT_EQ(replayed(result), replayed(operations));
  std::vector<std::string> lines;
  for (const auto& operation : result) lines.push_back(operation->to_json().dump());
  return lines;
}

using Lines = std::vector<std::string>;

template <typename Op, typename... Args>
OperationPtr op(Args&&... args) {
  return std::make_shared<Op>(std::forward<Args>(args)...);
}

TEST(OptimizerRules, CreateModelAbsorbsAddField) {
  EXPECT_EQ(
      optimized({op<CreateModel>(model("Tag")), op<AddField>("Tag", field("label"))}),
      Lines{
          R"({"op":"CreateModel","name":"Tag","table":"blog_tag","fields":[{"name":"id","type":"string"},{"name":"label","type":"string"}]})"});
}

TEST(OptimizerRules, CreateModelThenDeleteModelIsNothing) {
  EXPECT_EQ(optimized({op<CreateModel>(model("Tag")), op<AddField>("Tag", field("label")),
                       op<DeleteModel>("Tag")}),
            Lines{});
}

TEST(OptimizerRules, CreateModelAbsorbsAlterRenameAndRemoveField) {
  EXPECT_EQ(
      optimized({op<CreateModel>(model("Tag", {field("id"), field("a"), field("b")})),
                 op<AlterField>("Tag", field("a", true)), op<RenameField>("Tag", "a", "c"),
                 op<RemoveField>("Tag", "b")}),
      Lines{
          R"({"op":"CreateModel","name":"Tag","table":"blog_tag","fields":[{"name":"id","type":"string"},{"name":"c","type":"string","null":true}]})"});
}

TEST(OptimizerRules, CreateModelThenRenameModelCreatesTheNewName) {
  EXPECT_EQ(
      optimized({op<CreateModel>(model("Tag")), op<RenameModel>("Tag", "Label")}),
      Lines{
          R"({"op":"CreateModel","name":"Label","table":"blog_label","fields":[{"name":"id","type":"string"}]})"});
}

TEST(OptimizerRules, AddFieldThenRemoveFieldIsNothing) {
  EXPECT_EQ(
      optimized({op<AddField>("Blog", field("subtitle")), op<RemoveField>("Blog", "subtitle")}),
      Lines{});
}

TEST(OptimizerRules, AddFieldThenAlterFieldAddsTheAlteredField) {
  EXPECT_EQ(
      optimized({op<AddField>("Blog", field("subtitle")),
                 op<AlterField>("Blog", field("subtitle", true))}),
      Lines{
          R"({"op":"AddField","model":"Blog","field":{"name":"subtitle","type":"string","null":true}})"});
}

TEST(OptimizerRules, AddFieldThenRenameFieldAddsTheNewName) {
  EXPECT_EQ(
      optimized({op<AddField>("Blog", field("subtitle")),
                 op<RenameField>("Blog", "subtitle", "tagline")}),
      Lines{R"({"op":"AddField","model":"Blog","field":{"name":"tagline","type":"string"}})"});
}

TEST(OptimizerRules, ConsecutiveAlterFieldsKeepTheLast) {
  auto first = std::make_shared<AlterField>("Blog", field("title"));
  first->fill_value = std::string("untitled");
  Field longer = field("title");
  longer.max_length = 300;
  EXPECT_EQ(
      optimized({first, op<AlterField>("Blog", longer)}),
      Lines{
          R"({"op":"AlterField","model":"Blog","field":{"name":"title","type":"string","max_length":300},"fill_value":"untitled"})"});
}

TEST(OptimizerRules, AlterFieldThenRemoveFieldRemoves) {
  EXPECT_EQ(
      optimized({op<AlterField>("Blog", field("title", true)), op<RemoveField>("Blog", "title")}),
      Lines{R"({"op":"RemoveField","model":"Blog","name":"title"})"});
}

TEST(OptimizerRules, RenameFieldChainsCollapse) {
  EXPECT_EQ(optimized({op<RenameField>("Blog", "body", "text"),
                       op<RenameField>("Blog", "text", "content")}),
            Lines{R"({"op":"RenameField","model":"Blog","old_name":"body","new_name":"content"})"});
  EXPECT_EQ(
      optimized({op<RenameField>("Blog", "body", "text"), op<RenameField>("Blog", "text", "body")}),
      Lines{});
}

TEST(OptimizerRules, RenameModelChainsCollapse) {
  EXPECT_EQ(optimized({op<RenameModel>("Author", "Writer"), op<RenameModel>("Writer", "Person")}),
            Lines{R"({"op":"RenameModel","old_name":"Author","new_name":"Person"})"});
  EXPECT_EQ(optimized({op<RenameModel>("Author", "Writer"), op<RenameModel>("Writer", "Author")}),
            Lines{});
}

TEST(OptimizerRules, FieldOperationsBeforeDeleteModelDisappear) {
  EXPECT_EQ(optimized({op<AddField>("Author", field("bio")), op<DeleteModel>("Author")}),
            Lines{R"({"op":"DeleteModel","name":"Author"})"});
}

// Options of folded operations (docs/online-schema-changes.md "Squashing and the optimizer").
template <typename Op, typename... Args>
OperationPtr with_options(bool online, std::vector<std::string> acknowledged, Args&&... args) {
  auto operation = std::make_shared<Op>(std::forward<Args>(args)...);
  operation->options.online = online;
  operation->options.acknowledged = std::move(acknowledged);
  return operation;
}

TEST(OptimizerOptions, AFoldedOperationIsOnlineWhenEitherWasAndKeepsEveryAcknowledgement) {
  EXPECT_EQ(
      optimized({with_options<AddField>(false, {"a1"}, "Blog", field("subtitle")),
                 with_options<AlterField>(true, {"b2", "a1"}, "Blog", field("subtitle", true))}),
      Lines{
          R"({"op":"AddField","model":"Blog","field":{"name":"subtitle","type":"string","null":true},"online":true,"acknowledged":["a1","b2"]})"});
  EXPECT_EQ(
      optimized({with_options<AlterField>(true, {}, "Blog", field("title", true)),
                 op<AlterField>("Blog", field("title"))}),
      Lines{
          R"({"op":"AlterField","model":"Blog","field":{"name":"title","type":"string"},"online":true})"});
}

TEST(OptimizerOptions, OnlineIsMootInCreateModel) {
  Field id = field("id");
  id.type = FieldType::int64;
  id.primary_key = true;
  EXPECT_EQ(
      optimized({with_options<CreateModel>(false, {"x"}, model("Tag", {id})),
                 with_options<AddField>(true, {}, "Tag", field("label"))}),
      Lines{
          R"({"op":"CreateModel","name":"Tag","table":"blog_tag","fields":[{"name":"id","type":"int64","primary_key":true},{"name":"label","type":"string"}],"acknowledged":["x"]})"});
}

TEST(OptimizerReorder, FoldsAcrossUnrelatedOperations) {
  EXPECT_EQ(
      optimized({op<CreateModel>(model("Tag")), op<AddField>("Author", field("bio")),
                 op<AddField>("Tag", field("label"))}),
      (Lines{
          R"({"op":"AddField","model":"Author","field":{"name":"bio","type":"string"}})",
          R"({"op":"CreateModel","name":"Tag","table":"blog_tag","fields":[{"name":"id","type":"string"},{"name":"label","type":"string"}]})"}));
}

TEST(OptimizerReorder, FieldsOfOneModelPassEachOther) {
  EXPECT_EQ(optimized({op<AddField>("Blog", field("a")), op<AddField>("Blog", field("b")),
                       op<RemoveField>("Blog", "a")}),
            Lines{R"({"op":"AddField","model":"Blog","field":{"name":"b","type":"string"}})"});
}

TEST(OptimizerReorder, NeverMovesAReferenceAboveItsTarget) {
  // Tag is created, Post references it, then Tag gets a field: the field folds into the
  // CreateModel, which stays before Post.
  Operations operations = {
      op<CreateModel>(model("Tag")),
      op<CreateModel>(model("Post", {field("id"), reference("tag", {"blog", "Tag"})})),
      op<AddField>("Tag", field("label"))};
  auto lines = optimized(operations);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].find(R"("name":"Tag")"), std::string::npos);
  // Renaming Tag after Post referenced it cannot fold into Tag's CreateModel.
  Operations renamed = {
      op<CreateModel>(model("Tag")),
      op<CreateModel>(model("Post", {field("id"), reference("tag", {"blog", "Tag"})})),
      op<RenameModel>("Tag", "Label")};
  EXPECT_EQ(optimized(renamed).size(), 3u);
}

TEST(OptimizerReorder, NothingMovesAcrossRunSql) {
  EXPECT_EQ(
      optimized({op<AddField>("Blog", field("a")), op<RunSQL>(Statements{"UPDATE x"}, std::nullopt),
                 op<RemoveField>("Blog", "a")})
          .size(),
      3u);
}

TEST(OptimizerReorder, IsStable) {
  Operations operations = {op<CreateModel>(model("Tag")), op<AddField>("Tag", field("label")),
                           op<AddField>("Blog", field("a"))};
  Operations once = optimize(operations, "blog");
  Operations twice = optimize(once, "blog");
  ASSERT_EQ(once.size(), twice.size());
  for (std::size_t i = 0; i < once.size(); ++i) EXPECT_EQ(once[i]->to_json(), twice[i]->to_json());
}

}  // namespace
}  // namespace dbmig
