// The writer: numbers, automatic names, file text and files.
#include <gtest/gtest.h>

#include "autodetector_fixtures.hpp"
#include "dbmig/migration_json.hpp"
#include "dbmig/writer.hpp"
#include "test_support.hpp"

namespace dbmig::test {
namespace {

TEST(WriterNames, NumbersArePaddedAndParsed) {
  EXPECT_EQ(numbered_migration_name(2, "blog_subtitle"), "0002_blog_subtitle");
  EXPECT_EQ(numbered_migration_name(12345, "x"), "12345_x");
  EXPECT_EQ(migration_number("0017_rename"), 17);
  EXPECT_EQ(migration_number("initial"), 0);
}

TEST(WriterNames, InitialEmptyAndJoinedFragments) {
  Operations create{std::make_shared<CreateModel>(make_model("blog", "Blog", {}))};
  EXPECT_EQ(suggest_migration_name(create, true), "initial");
  EXPECT_EQ(suggest_migration_name({}, false), "empty");
  Field subtitle = text_field("subtitle");
  subtitle.null = true;
  Operations add{std::make_shared<AddField>("Blog", subtitle),
                 std::make_shared<RemoveField>("Blog", "body")};
  EXPECT_EQ(suggest_migration_name(add, false), "blog_subtitle_remove_blog_body");
}

TEST(WriterNames, LongNamesEndWithAndMore) {
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
TEST(WriterNames, NamesNeverExceedFiftyTwoCharacters) {
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

TEST(WriterNames, CustomNamesMustBeIdentifiers) {
  EXPECT_NO_THROW(check_migration_name("add_search_2"));
  EXPECT_THROW(check_migration_name("../evil"), InputError);
  EXPECT_THROW(check_migration_name(""), InputError);
  // The limit keeps NNNN_<name>.json and its temporary twin within 255 bytes.
  EXPECT_NO_THROW(check_migration_name(std::string(200, 'a')));
  EXPECT_THROW(check_migration_name(std::string(201, 'a')), InputError);
}

TEST(WriterFiles, WritesTheMigrationJsonIntoTheAppFolder) {
  TempDir dir;
  ProjectConfig config;
  config.root = dir.path();
  config.migrations_dir = dir.path() / "migrations";
  Migration migration;
  migration.app = "blog";
  migration.name = "0002_blog_subtitle";
  migration.dependencies = {{"blog", "0001_initial"}, {"accounts", "0001_initial"}};
  Field subtitle = text_field("subtitle");
  subtitle.null = true;
  migration.operations = {std::make_shared<AddField>("Blog", subtitle)};

  auto path = write_migration(config, migration);
  EXPECT_EQ(path, dir.path() / "migrations" / "blog" / "0002_blog_subtitle.json");
  std::string text = read_file(path);
  EXPECT_EQ(text, format_migration(migration));
  EXPECT_EQ(
      text.rfind("{\n  \"dbmig\": 1,\n  \"app\": \"blog\",\n  \"name\": \"0002_blog_subtitle\"", 0),
      0u)
      << text;
  EXPECT_EQ(text.back(), '\n');
  EXPECT_NE(text.find("\"subtitle\""), std::string::npos);
}

}  // namespace
}  // namespace dbmig::test
