// Migration names: numbers, the file name form, automatic names and --name.
#include <gtest/gtest.h>

#include "autodetector_fixtures.hpp"
#include "dbmig/error.hpp"
#include "dbmig/migration_names.hpp"

namespace dbmig::test {
namespace {

TEST(MigrationNames, NumbersArePaddedAndParsed) {
  EXPECT_EQ(numbered_migration_name(2, "blog_subtitle"), "0002_blog_subtitle");
  EXPECT_EQ(numbered_migration_name(12345, "x"), "12345_x");
  EXPECT_EQ(migration_number("0017_rename"), 17);
  EXPECT_EQ(migration_number("initial"), 0);
  EXPECT_EQ(padded_migration_number(7), "0007");
}

// The loader reads only files named NNNN_<name>.json.
TEST(MigrationNames, FileNamesStartWithFourDigitsAndAnUnderscore) {
  EXPECT_TRUE(is_numbered_migration_name("0001_initial"));
  EXPECT_TRUE(is_numbered_migration_name("0002_x"));
  for (const char* name : {"0001_", "001_initial", "00a1_initial", "0001initial", "initial", ""})
    EXPECT_FALSE(is_numbered_migration_name(name)) << name;
}

TEST(MigrationNames, InitialEmptyAndJoinedFragments) {
  Operations create{std::make_shared<CreateModel>(make_model("blog", "Blog", {}))};
  EXPECT_EQ(suggest_migration_name(create, true), "initial");
  EXPECT_EQ(suggest_migration_name({}, false), "empty");
  Field subtitle = text_field("subtitle");
  subtitle.null = true;
  Operations add{std::make_shared<AddField>("Blog", subtitle),
                 std::make_shared<RemoveField>("Blog", "body")};
  EXPECT_EQ(suggest_migration_name(add, false), "blog_subtitle_remove_blog_body");
}

TEST(MigrationNames, LongNamesEndWithAndMore) {
  Operations many;
  for (const char* name : {"first_long_field", "second_long_field", "third_long_field"}) {
    Field field = text_field(name);
    field.null = true;
    many.push_back(std::make_shared<AddField>("Blog", field));
  }
  std::string name = suggest_migration_name(many, false);
  EXPECT_EQ(name, "blog_first_long_field_and_more");
}

// Django's 52-character limit holds for the "_and_more" form and for one long fragment too.
TEST(MigrationNames, NamesNeverExceedFiftyTwoCharacters) {
  for (std::size_t length : {10u, 30u, 43u, 44u, 52u, 60u, 120u}) {
    Field field = text_field(std::string(length, 'f'));
    field.null = true;
    Operations one{std::make_shared<AddField>("Blog", field)};
    Operations two{std::make_shared<AddField>("Blog", field),
                   std::make_shared<RemoveField>("Blog", "body")};
    EXPECT_LE(suggest_migration_name(one, false).size(), 52u) << length;
    EXPECT_LE(suggest_migration_name(two, false).size(), 52u) << length;
  }
}

TEST(MigrationNames, CustomNamesMustBeIdentifiers) {
  EXPECT_NO_THROW(check_migration_name("add_search_2"));
  EXPECT_THROW(check_migration_name("../evil"), InputError);
  EXPECT_THROW(check_migration_name(""), InputError);
  // The limit keeps NNNN_<name>.json and its temporary twin within 255 bytes.
  EXPECT_NO_THROW(check_migration_name(std::string(200, 'a')));
  EXPECT_THROW(check_migration_name(std::string(201, 'a')), InputError);
}

}  // namespace
}  // namespace dbmig::test
