// Every operation's JSON form: exact text for the common ones, a lossless round trip for all,
// and errors that name the JSON path.
#include <gtest/gtest.h>

#include <set>

#include "dbmig/error.hpp"
#include "dbmig/operations.hpp"
#include "dbmig/state_json.hpp"
#include "operation_fixtures.hpp"
#include "operations/operation_registry.hpp"

namespace dbmig {
namespace {

std::string error_of(const std::string& text) {
  try {
    operation_from_json(nlohmann::json::parse(text), "$.operations[2]");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(OperationsJson, EveryOperationRoundTripsThroughText) {
  for (const auto& operation : test::every_operation()) {
    std::string text = operation->to_json().dump();
    OperationPtr read = operation_from_json(nlohmann::json::parse(text), "$");
    EXPECT_EQ(read->kind(), operation->kind());
    EXPECT_EQ(read->to_json().dump(), text) << operation->describe();
  }
}

// So the round trips here and in the migration cache's tests cover every operation there is.
TEST(OperationsJson, TheFixturesHoldEveryRegisteredOperation) {
  std::set<std::string_view> fixtures;
  for (const auto& operation : test::every_operation()) fixtures.insert(operation->kind());
  auto registered = operations::Registry::by_kind([]<class Type>() { return true; });
  for (const auto& entry : registered) EXPECT_TRUE(fixtures.contains(entry.first)) << entry.first;
}

TEST(OperationsJson, LiteralsKeepTheirTypeThroughText) {
  auto create = test::every_operation()[0];
  auto read = operation_from_json(nlohmann::json::parse(create->to_json().dump()), "$");
  const Model& m = dynamic_cast<const CreateModel&>(*read).model;
  EXPECT_EQ(m, dynamic_cast<const CreateModel&>(*create).model);
  EXPECT_EQ(*m.find_field("big")->default_value, Literal{std::uint64_t{9223372036854775807u}});
  EXPECT_EQ(*m.find_field("user_id")->default_value, Literal{std::int64_t{-3}});
  EXPECT_EQ(*m.find_field("active")->default_value, Literal{true});
}

TEST(OperationsJson, WritesOpFirstAndOnlyNonDefaultKeys) {
  Field subtitle;
  subtitle.name = "subtitle";
  subtitle.type = FieldType::string;
  subtitle.null = true;
  EXPECT_EQ(
      AddField("Blog", subtitle).to_json().dump(),
      R"({"op":"AddField","model":"Blog","field":{"name":"subtitle","type":"string","null":true}})");
  EXPECT_EQ(
      AddField("Blog", test::full_field()).to_json().dump(),
      R"({"op":"AddField","model":"Blog","field":{"name":"user_id","column":"author","type":"int64","null":true,"unique":true,"index":true,"default":-3,"references":"accounts.User","on_delete":"set_null","comment":"who wrote it"}})");
  EXPECT_EQ(RenameField("Blog", "body", "content").to_json().dump(),
            R"({"op":"RenameField","model":"Blog","old_name":"body","new_name":"content"})");
}

TEST(OperationsJson, ErrorsNameTheJsonPath) {
  EXPECT_EQ(error_of(R"({"op":"AddField","model":"Blog","field":{"name":"x","type":"strng"}})"),
            "$.operations[2].field.type: unknown type \"strng\"; expected one of bool, int8, "
            "int16, int32, int64, uint8, uint16, uint32, uint64, float, double, string, bytes, "
            "timestamp, date, decimal");
  EXPECT_EQ(error_of(R"({"op":"AddFeld","model":"Blog"})"),
            "$.operations[2].op: unknown operation \"AddFeld\"; expected one of AddConstraint, "
            "AddField, AddIndex, AlterField, AlterModelComment, AlterModelTable, CreateModel, "
            "DeleteModel, "
            "RemoveConstraint, RemoveField, RemoveIndex, RenameField, RenameModel, RunSQL");
  EXPECT_EQ(
      error_of(R"({"op":"RemoveField","model":"Blog","name":"x","nmae":"y"})"),
      "$.operations[2].nmae: unknown key \"nmae\"; expected one of acknowledged, model, name, "
      "online, op");
  EXPECT_EQ(error_of(R"({"op":"RemoveField","model":"Blog"})"),
            "$.operations[2]: missing key \"name\"");
  EXPECT_EQ(
      error_of(R"({"op":"AddField","model":"Blog","field":{"name":"x","type":"int8","nul":true}})"),
      "$.operations[2].field.nul: unknown key \"nul\"; expected one of auto_increment, "
      "column, comment, default, index, max_length, name, null, on_delete, precision, "
      "primary_key, references, scale, type, unique");
  EXPECT_EQ(
      error_of(
          R"({"op":"AddField","model":"Blog","field":{"name":"x","type":"uint8","default":-1}})"),
      "$.operations[2].field.default: expected a non-negative integer");
  EXPECT_EQ(
      error_of(
          R"({"op":"AddField","model":"Blog","field":{"name":"x","type":"int8","references":"User"}})"),
      "$.operations[2].field.references: expected \"app.Model\", got \"User\"");
  EXPECT_EQ(error_of(R"({"op":"CreateModel","name":"B","table":"b","fields":[{"name":1}]})"),
            "$.operations[2].fields[0].name: expected a string");
  EXPECT_EQ(error_of(R"([1])"), "$.operations[2]: expected an object");
}

TEST(OperationsJson, CanonicalLiteralsMatchWhatReplayGives) {
  EXPECT_EQ(canonical_literal(std::int64_t{5}, FieldType::uint16, "x"), Literal{std::uint64_t{5}});
  EXPECT_EQ(canonical_literal(std::uint64_t{5}, FieldType::int32, "x"), Literal{std::int64_t{5}});
  EXPECT_EQ(canonical_literal(std::int64_t{2}, FieldType::float64, "x"), Literal{2.0});
  EXPECT_EQ(canonical_literal(std::string("1.50"), FieldType::decimal, "x"),
            Literal{std::string("1.50")});
  EXPECT_THROW(canonical_literal(std::string("yes"), FieldType::boolean, "x"), InputError);
}

TEST(OperationsJson, RunSqlAcceptsASingleString) {
  auto read =
      operation_from_json(nlohmann::json::parse(R"({"op":"RunSQL","sql":"SELECT 1"})"), "$");
  EXPECT_EQ(read->to_json().dump(), R"({"op":"RunSQL","sql":["SELECT 1"]})");
  EXPECT_FALSE(read->reversible());
}

}  // namespace
}  // namespace dbmig
