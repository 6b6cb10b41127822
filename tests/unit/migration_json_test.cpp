// Migration files: the exact text written, the round trip, errors naming file and JSON path,
// and the checksum.
#include <gtest/gtest.h>

#include "dbmig/error.hpp"
#include "dbmig/migration_json.hpp"
#include "dbmig/operations.hpp"

namespace dbmig {
namespace {

Migration subtitle_migration() {
  Field subtitle;
  subtitle.name = "subtitle";
  subtitle.type = FieldType::string;
  subtitle.null = true;
  Migration migration;
  migration.app = "blog";
  migration.name = "0002_blog_subtitle";
  migration.dependencies = {{"blog", "0001_initial"}, {"accounts", "0001_initial"}};
  migration.operations = {std::make_shared<AddField>("Blog", subtitle)};
  return migration;
}

std::string error_of(const std::string& text) {
  try {
    migration_from_json(nlohmann::json::parse(text), "migrations/blog/0002_x.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(MigrationJson, WritesTheDocumentedShape) {
  EXPECT_EQ(format_migration(subtitle_migration()), R"({
  "dbmig": 1,
  "app": "blog",
  "name": "0002_blog_subtitle",
  "dependencies": [
    ["blog", "0001_initial"],
    ["accounts", "0001_initial"]
  ],
  "atomic": true,
  "operations": [
    {
      "op": "AddField",
      "model": "Blog",
      "field": {
        "name": "subtitle",
        "type": "string",
        "null": true
      }
    }
  ]
}
)");
}

TEST(MigrationJson, RoundTripsIncludingReplaces) {
  Migration migration = subtitle_migration();
  migration.replaces = {{"blog", "0002_a"}, {"blog", "0003_b"}};
  migration.atomic = false;
  std::string text = format_migration(migration);
  Migration read = migration_from_json(nlohmann::json::parse(text), "f.json");
  EXPECT_EQ(read.replaces, migration.replaces);
  EXPECT_FALSE(read.atomic);
  EXPECT_EQ(format_migration(read), text);
  EXPECT_NE(text.find("\"replaces\""), std::string::npos);
  EXPECT_EQ(format_migration(subtitle_migration()).find("\"replaces\""), std::string::npos);
}

TEST(MigrationJson, ErrorsNameFileAndPath) {
  EXPECT_EQ(
      error_of(
          R"({"dbmig":1,"app":"blog","name":"0002_x","dependencies":[],"operations":[{"op":"DeleteModel","name":"A"},{"op":"AddField","model":"B","field":{"name":"x","type":"strng"}}]})"),
      "migrations/blog/0002_x.json: $.operations[1].field.type: unknown type \"strng\"; expected "
      "one of bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float, double, "
      "string, bytes, timestamp, date, decimal");
  EXPECT_EQ(
      error_of(R"({"dbmig":2,"app":"blog","name":"0002_x","dependencies":[],"operations":[]})"),
      "migrations/blog/0002_x.json: $.dbmig: unsupported format version 2; this dbmig reads "
      "1 (upgrade dbmig)");
  EXPECT_EQ(
      error_of(
          R"({"dbmig":1,"app":"blog","name":"0002_x","dependencies":[["blog"]],"operations":[]})"),
      "migrations/blog/0002_x.json: $.dependencies[0]: expected an [\"app\", \"migration\"] pair");
  EXPECT_EQ(
      error_of(
          R"({"dbmig":1,"app":"blog","name":"0002_x","dependencies":[],"operations":[],"extra":1})"),
      "migrations/blog/0002_x.json: $.extra: unknown key \"extra\"; expected one of app, atomic, "
      "dbmig, dependencies, name, operations, replaces");
}

TEST(MigrationJson, ChecksumFollowsOperationsNotFormatting) {
  Migration migration = subtitle_migration();
  std::string checksum = migration_checksum(migration);
  EXPECT_EQ(checksum.size(), 16u);
  Migration reread =
      migration_from_json(nlohmann::json::parse(format_migration(migration)), "f.json");
  reread.dependencies.clear();
  EXPECT_EQ(migration_checksum(reread), checksum);
  reread.operations.push_back(std::make_shared<DeleteModel>("Blog"));
  EXPECT_NE(migration_checksum(reread), checksum);
}

std::string migration_with(const std::string& atomic, const std::string& operation) {
  return R"({"dbmig":1,"app":"blog","name":"0002_x","dependencies":[],"atomic":)" + atomic +
         R"(,"operations":[)" + operation + "]}";
}

TEST(MigrationJson, OperationOptionsRoundTripAfterTheOperationsKeys) {
  std::string text = migration_with(
      "false",
      R"({"op":"RemoveIndex","model":"Blog","name":"i","online":true,"acknowledged":["PG101"]})");
  Migration read = migration_from_json(nlohmann::json::parse(text), "f.json");
  ASSERT_EQ(read.operations.size(), 1u);
  EXPECT_EQ(read.operations[0]->options, (OperationOptions{true, {"PG101"}}));
  EXPECT_NE(format_migration(read).find(R"("name": "i",
      "online": true,
      "acknowledged": ["PG101"]
    })"),
            std::string::npos)
      << format_migration(read);
  EXPECT_EQ(format_migration(subtitle_migration()).find("online"), std::string::npos);
}

TEST(MigrationJson, OnlineOnlyWhereThereIsAnOnlineFormAndOutsideATransaction) {
  EXPECT_EQ(error_of(migration_with(
                "false", R"({"op":"RenameField","model":"B","old_name":"a","new_name":"b",)"
                         R"("online":true})")),
            "migrations/blog/0002_x.json: $.operations[0].online: RenameField has no online form "
            "(docs/online-schema-changes.md); remove \"online\"");
  EXPECT_EQ(
      error_of(migration_with("true",
                              R"({"op":"DeleteModel","name":"A"},)"
                              R"({"op":"RemoveIndex","model":"B","name":"i","online":true})")),
      "migrations/blog/0002_x.json: $.operations[1].online: an online operation runs outside a "
      "transaction; set \"atomic\": false in this migration (docs/online-schema-changes.md)");
  EXPECT_EQ(error_of(migration_with(
                "false", R"({"op":"RemoveIndex","model":"B","name":"i","acknowledged":[""]})")),
            "migrations/blog/0002_x.json: $.operations[0].acknowledged[0]: expected a lint code "
            "(docs/lint.md), not an empty string");
}

TEST(MigrationJson, AcknowledgingIsNoEditButGoingOnlineIs) {
  Migration migration = subtitle_migration();
  migration.atomic = false;
  std::string checksum = migration_checksum(migration);
  auto acknowledged =
      std::make_shared<AddField>(static_cast<const AddField&>(*migration.operations[0]));
  acknowledged->options.acknowledged = {"DS101"};
  migration.operations[0] = acknowledged;
  EXPECT_EQ(migration_checksum(migration), checksum);
  auto online = std::make_shared<AddField>(*acknowledged);
  online->options.online = true;
  migration.operations[0] = online;
  EXPECT_NE(migration_checksum(migration), checksum);
}

}  // namespace
}  // namespace dbmig
