// The rules shared by the scanner and the migration reader: a valid model passes every rule,
// and each broken rule is reported once, at the field and attribute it is about.
#include "dbmig/model_validation.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace dbmig {

namespace {

Field field(std::string name, FieldType type, bool null = false) {
  Field field;
  field.name = std::move(name);
  field.type = type;
  field.null = null;
  return field;
}

Model valid_model() {
  Model model;
  model.app = "blog";
  model.name = "Post";
  model.table = "blog_post";
  Field id = field("id", FieldType::int64);
  id.primary_key = id.auto_increment = true;
  Field title = field("title", FieldType::string);
  title.max_length = 200;
  Field price = field("price", FieldType::decimal, true);
  price.precision = 12;
  price.scale = 2;
  Field author = field("author_id", FieldType::int64, true);
  author.references = Reference{{"accounts", "User"}, OnDelete::set_null};
  model.fields = {id, title, price, author};
  model.indexes = {{"blog_post_title_idx", {"title"}}};
  model.constraints = {{"blog_post_price_check", ConstraintKind::check, {}, "price > 0"}};
  return model;
}

struct BrokenRule {
  std::string name;
  std::function<void(Model&)> breaks;
  std::optional<std::size_t> field;
  std::string attribute;
  std::string message_start;
};

std::vector<BrokenRule> broken_rules() {
  return {
      {"ModelNameEmpty", [](Model& m) { m.name = ""; }, std::nullopt, "name",
       "model name \"\" is not an identifier"},
      {"ModelNameAPath", [](Model& m) { m.name = "../x"; }, std::nullopt, "name",
       "model name \"../x\" is not an identifier"},
      {"NoFields",
       [](Model& m) {
         m.fields.clear();
         m.indexes.clear();
       },
       std::nullopt, "fields", "a model needs at least one field"},
      {"NoPrimaryKey",
       [](Model& m) {
         m.fields[0].primary_key = false;
         m.fields[0].auto_increment = false;
       },
       std::nullopt, "fields", "no primary key"},
      {"SecondPrimaryKey", [](Model& m) { m.fields[1].primary_key = true; }, 1, "primary_key",
       "more than one primary key (id, title)"},
      {"FieldNameEmpty", [](Model& m) { m.fields[1].name = ""; }, 1, "name",
       "field name \"\" is not an identifier"},
      {"FieldNameStartsWithADigit", [](Model& m) { m.fields[1].name = "1st"; }, 1, "name",
       "field name \"1st\" is not an identifier"},
      {"MaxLengthOnAnInteger", [](Model& m) { m.fields[0].max_length = 5; }, 0, "max_length",
       "max_length applies to strings only"},
      {"MaxLengthZero", [](Model& m) { m.fields[1].max_length = 0; }, 1, "max_length",
       "max_length must be a positive integer"},
      {"PrecisionAboveTheMaximum", [](Model& m) { m.fields[2].precision = 66; }, 2, "precision",
       "decimal(66, 2) is not a valid decimal"},
      {"PrecisionZero", [](Model& m) { m.fields[2].precision = 0; }, 2, "precision",
       "decimal(0, 2) is not a valid decimal"},
      {"ScaleAbovePrecision", [](Model& m) { m.fields[2].scale = 13; }, 2, "precision",
       "decimal(12, 13) is not a valid decimal"},
      {"ScaleOnAString", [](Model& m) { m.fields[1].scale = 1; }, 1, "scale",
       "precision and scale apply to decimals only"},
      {"NullablePrimaryKey", [](Model& m) { m.fields[0].null = true; }, 0, "null",
       "a primary key cannot be nullable"},
      {"AutoIncrementOffTheKey", [](Model& m) { m.fields[3].auto_increment = true; }, 3,
       "auto_increment", "auto_increment applies to an integer primary key only"},
      {"SetNullOnNotNull", [](Model& m) { m.fields[3].null = false; }, 3, "on_delete",
       "on_delete = set_null needs a nullable column"},
      {"SetDefaultWithoutDefault",
       [](Model& m) { m.fields[3].references->on_delete = OnDelete::set_default; }, 3, "on_delete",
       "on_delete = set_default needs a default"},
      {"FieldListedTwice", [](Model& m) { m.fields[3].name = "title"; }, 3, "name",
       "field title is listed twice"},
      {"ColumnUsedTwice", [](Model& m) { m.fields[3].column = "title"; }, 3, "column",
       "column title is already used by field title"},
      {"IndexNameEmpty", [](Model& m) { m.indexes[0].name = ""; }, std::nullopt, "indexes[0].name",
       "an index or constraint needs a name"},
      {"IndexAndConstraintShareAName", [](Model& m) { m.constraints[0].name = m.indexes[0].name; },
       std::nullopt, "constraints[0].name",
       "index or constraint name blog_post_title_idx is used twice"},
  };
}

class ModelRules : public testing::TestWithParam<BrokenRule> {};

}  // namespace

TEST(ModelValidation, AValidModelPassesEveryRule) {
  EXPECT_TRUE(check_model(valid_model(), PrimaryKey::required).empty());
}

TEST(ModelValidation, AnEmptyTableIsItsOwnRule) {
  Model model = valid_model();
  model.table = "";
  EXPECT_TRUE(check_model(model, PrimaryKey::required).empty());
  ModelProblems problems;
  check_table_name(model, problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].attribute, "table");
}

TEST(ModelValidation, OptionalPrimaryKeyAllowsNoneButNotTwo) {
  Model model = valid_model();
  model.fields[0].primary_key = false;
  model.fields[0].auto_increment = false;
  EXPECT_TRUE(check_model(model, PrimaryKey::optional).empty());
  model.fields[0].primary_key = model.fields[1].primary_key = true;
  EXPECT_EQ(check_model(model, PrimaryKey::optional).size(), 1u);
}

TEST_P(ModelRules, EachBrokenRuleIsReportedOnceAtItsPlace) {
  Model model = valid_model();
  GetParam().breaks(model);
  ModelProblems problems = check_model(model, PrimaryKey::required);
  ASSERT_EQ(problems.size(), 1u) << problems[0].message;
  EXPECT_EQ(problems[0].field, GetParam().field);
  EXPECT_EQ(problems[0].attribute, GetParam().attribute);
  EXPECT_TRUE(problems[0].message.starts_with(GetParam().message_start)) << problems[0].message;
}

INSTANTIATE_TEST_SUITE_P(ModelValidation, ModelRules, testing::ValuesIn(broken_rules()),
                         [](const auto& info) { return info.param.name; });

TEST(ModelValidation, ATableOrIndexNameOfAnotherModelIsFound) {
  ProjectState state;
  Model post = valid_model();
  Model other = valid_model();
  other.name = "Other";
  other.table = "blog_other";
  other.indexes = {{"other_idx", {"title"}}};
  other.constraints.clear();
  state.models[post.key()] = post;
  state.models[other.key()] = other;
  EXPECT_EQ(other_model_with_table(state, post), nullptr);
  EXPECT_EQ(index_name_used_elsewhere(state, post), std::nullopt);
  post.table = "blog_other";
  post.indexes[0].name = "other_idx";
  ASSERT_NE(other_model_with_table(state, post), nullptr);
  EXPECT_EQ(other_model_with_table(state, post)->name, "Other");
  EXPECT_EQ(index_name_used_elsewhere(state, post), "other_idx");
}

TEST(ModelValidation, DecimalBounds) {
  EXPECT_TRUE(valid_decimal(1, 0));
  EXPECT_TRUE(valid_decimal(65, 65));
  EXPECT_FALSE(valid_decimal(66, 0));
  EXPECT_FALSE(valid_decimal(10, -1));
  EXPECT_FALSE(valid_decimal(1000, 2000));
}

}  // namespace dbmig

namespace dbmig {

TEST(ModelValidation, NamesInUseCountsTablesAndIndexNamesAcrossModels) {
  Model post = valid_model();
  Model other = valid_model();
  other.name = "Other";
  other.table = "blog_other";
  other.indexes = {{"other_idx", {"title"}}};
  other.constraints.clear();
  NamesInUse names;
  EXPECT_TRUE(names.add(post));
  EXPECT_TRUE(names.add(other));
  Model clash = other;
  clash.table = post.table;  // a third model on Post's table
  clash.indexes.clear();
  EXPECT_FALSE(names.add(clash));
  names.remove(clash);
  names.remove(post);
  EXPECT_TRUE(names.add(clash));  // the table is free once Post is gone
}

}  // namespace dbmig
