// The questioner: interactive questions on a Console, and never blocking without a terminal.
#include <sstream>

#include <gtest/gtest.h>

#include "autodetector_fixtures.hpp"
#include "dbmig/console.hpp"

namespace dbmig::test {
namespace {

struct Terminal {
  std::ostringstream out, err;
  std::istringstream in;
  Console console{out, err, in, true};
  ModelSources sources;
  InteractiveQuestioner questioner{console, sources};

  explicit Terminal(const std::string& typed) : in(typed) {}
};

Model blog_model() {
  return blog_project().get({"blog", "Blog"});
}

TEST(QuestionerInteractive, AsksAboutAFieldRenameWithTheColumnType) {
  Terminal terminal("y\n");
  Field body = text_field("body"), content = text_field("content");
  EXPECT_TRUE(terminal.questioner.ask_rename_field({"blog", "Blog"}, body, content));
  EXPECT_EQ(terminal.out.str(), "Was blog.Blog.body renamed to blog.Blog.content (TEXT)? [y/N] ");
}

TEST(QuestionerInteractive, AnythingButYesAndEndOfInputMeanNo) {
  Terminal no("n\n"), empty("\n"), closed("");
  Field a = text_field("a", 20), b = text_field("b", 20);
  EXPECT_FALSE(no.questioner.ask_rename_field({"blog", "Blog"}, a, b));
  EXPECT_FALSE(empty.questioner.ask_rename_field({"blog", "Blog"}, a, b));
  EXPECT_FALSE(closed.questioner.ask_rename_field({"blog", "Blog"}, a, b));
  EXPECT_NE(no.out.str().find("(VARCHAR(20))"), std::string::npos);
}

TEST(QuestionerInteractive, AsksAboutAModelRename) {
  Terminal terminal("yes\n");
  Model post = blog_model();
  post.name = "Post";
  EXPECT_TRUE(terminal.questioner.ask_rename_model(blog_model(), post));
  EXPECT_EQ(terminal.out.str(), "Was the model blog.Blog renamed to blog.Post? [y/N] ");
}

TEST(QuestionerInteractive, OneOffDefaultIsReadAndRetriedUntilValid) {
  Terminal terminal("1\nabc\n42\n");
  Literal value =
      terminal.questioner.ask_fill_value_for_added_field(blog_model(), int_field("rank"));
  EXPECT_EQ(value, (Literal{std::int64_t{42}}));
  EXPECT_NE(terminal.out.str().find("That is not a valid INTEGER value"), std::string::npos);
}

TEST(QuestionerInteractive, QuittingTheDefaultMenuIsTheInputError) {
  Terminal terminal("2\n");
  EXPECT_THROW(terminal.questioner.ask_fill_value_for_added_field(blog_model(), int_field("rank")),
               InputError);
}

TEST(QuestionerInteractive, AlteredFieldCanBeIgnored) {
  Terminal ignore("2\n"), fill("1\n'none'\n");
  EXPECT_EQ(ignore.questioner.ask_fill_value_for_altered_field(blog_model(), text_field("body")),
            std::nullopt);
  EXPECT_EQ(fill.questioner.ask_fill_value_for_altered_field(blog_model(), text_field("body")),
            (Literal{std::string("none")}));
}

TEST(QuestionerNoninteractive, NeverRenamesAndNeverReads) {
  ModelSources sources;
  NonInteractiveQuestioner questioner(sources);
  EXPECT_FALSE(questioner.ask_rename_field({"blog", "Blog"}, text_field("a"), text_field("b")));
  EXPECT_FALSE(questioner.ask_rename_model(blog_model(), blog_model()));
  EXPECT_EQ(questioner.ask_fill_value_for_altered_field(blog_model(), text_field("body")),
            std::nullopt);
}

TEST(QuestionerNoninteractive, MissingDefaultNamesTheModelWhenTheFieldIsUnknown) {
  ModelSources sources;
  sources[{"blog", "Blog"}].location = {"apps/blog/models.hpp", 5, 1};
  NonInteractiveQuestioner questioner(sources);
  try {
    questioner.ask_fill_value_for_added_field(blog_model(), text_field("slug"));
    FAIL() << "expected an InputError";
  } catch (const InputError& error) {
    std::string message = error.what();
    EXPECT_EQ(message.rfind("apps/blog/models.hpp:5:1: the new field blog.Blog.slug", 0), 0u)
        << message;
    EXPECT_NE(message.find("DBMIG_FIELD(default = \"\") std::string slug;"), std::string::npos)
        << message;
  }
}

TEST(QuestionerLiterals, ParseByFieldType) {
  Field flag;
  flag.type = FieldType::boolean;
  EXPECT_EQ(parse_literal("true", flag), (Literal{true}));
  EXPECT_EQ(parse_literal("maybe", flag), std::nullopt);
  Field small;
  small.type = FieldType::int8;
  EXPECT_EQ(parse_literal(" -5 ", small), (Literal{std::int64_t{-5}}));
  EXPECT_EQ(parse_literal("300", small), std::nullopt);
  Field big;
  big.type = FieldType::uint64;
  // A uint64 is BIGINT on PostgreSQL: larger fill values would not apply there.
  EXPECT_EQ(parse_literal("9223372036854775807", big), (Literal{std::uint64_t{INT64_MAX}}));
  EXPECT_EQ(parse_literal("9223372036854775808", big), std::nullopt);
  EXPECT_EQ(parse_literal("-1", big), std::nullopt);
  Field real;
  real.type = FieldType::float64;
  EXPECT_EQ(parse_literal("2.5", real), (Literal{2.5}));
  for (const char* not_finite : {"nan", "inf", "-inf", "1e400"})
    EXPECT_EQ(parse_literal(not_finite, real), std::nullopt) << not_finite;
  EXPECT_EQ(parse_literal("\"quoted text\"", text_field("t")),
            (Literal{std::string("quoted text")}));
  EXPECT_EQ(parse_literal("plain", text_field("t")), (Literal{std::string("plain")}));
}

}  // namespace
}  // namespace dbmig::test
