// The lint's rules on migrations built in code: which operations have which findings, what
// acknowledgements, "online" and tables created in the same deployment change, the levels the
// row counts decide, and the text and JSON forms. Which changes block a table on which database
// is proved on the servers by tests/db/lint_verdicts_test.cpp.
#include <gtest/gtest.h>

#include "dbmig/lint.hpp"
#include "dbmig/schema_limits.hpp"
#include "sql_fixtures.hpp"

namespace dbmig::test {
namespace {

struct Linted {
  std::vector<std::unique_ptr<SchemaEditor>> editors;
  std::vector<LintFinding> findings;
};

Migration migration_of(Operations operations) {
  Migration migration;
  migration.app = "accounts";
  migration.name = "0002_change";
  migration.file = "migrations/accounts/0002_change.json";
  migration.operations = std::move(operations);
  return migration;
}

// The findings of `operations` as one migration on the users table, in `dialects`.
Linted lint(Operations operations, std::vector<Dialect> dialects = {Dialect::postgresql},
            RowCounter rows = {}) {
  Migration migration = migration_of(std::move(operations));
  Linted linted;
  std::vector<const SchemaEditor*> editors;
  for (Dialect dialect : dialects) {
    linted.editors.push_back(make_schema_editor(dialect));
    editors.push_back(linted.editors.back().get());
  }
  ProjectState state = state_of({users_model()});
  linted.findings = lint_migrations({&migration}, state, {editors, rows});
  return linted;
}

std::vector<std::string> codes(const std::vector<LintFinding>& findings) {
  std::vector<std::string> found;
  for (const auto& finding : findings) found.push_back(std::string(finding.rule->code));
  return found;
}

template <typename Op, typename... Args>
OperationPtr op(Args&&... args) {
  return std::make_shared<Op>(std::forward<Args>(args)...);
}

template <typename Op>
OperationPtr with_options(std::shared_ptr<Op> operation, bool online,
                          std::vector<std::string> acknowledged) {
  operation->options.online = online;
  operation->options.acknowledged = std::move(acknowledged);
  return operation;
}

const std::vector<Dialect> kAll{Dialect::sqlite, Dialect::postgresql, Dialect::mysql};

TEST(Lint, DestructiveFindingsApplyToEveryDialectLinted) {
  auto found = lint({op<DeleteModel>("User")}, kAll).findings;
  ASSERT_EQ(codes(found), std::vector<std::string>{"DS101"});
  EXPECT_EQ(found[0].dialects, kAll);
  EXPECT_EQ(found[0].level, LintLevel::error);
  EXPECT_EQ(found[0].file, "migrations/accounts/0002_change.json");
  EXPECT_EQ(found[0].operation, "Delete model User");
  EXPECT_EQ(codes(lint({op<RemoveField>("User", "name")}).findings),
            std::vector<std::string>{"DS102"});
}

TEST(Lint, RenamesThatChangeTheDatabaseBreakRunningCode) {
  EXPECT_EQ(codes(lint({op<RenameField>("User", "name", "full_name")}).findings),
            std::vector<std::string>{"BC101"});
  EXPECT_EQ(codes(lint({op<AlterModelTable>("User", "people")}).findings),
            std::vector<std::string>{"BC102"});
  // A model renamed over the same table, a field whose column stays: the database is unchanged.
  EXPECT_TRUE(lint({op<RenameModel>("User", "Person")}).findings.empty());
  Field name = *users_model().find_field("name");
  name.column = "name";
  auto keep_column = op<AlterField>("User", name);
  EXPECT_TRUE(lint({keep_column, op<RenameField>("User", "name", "full_name")}).findings.empty());
}

TEST(Lint, NarrowingTypesAreTheChangesThatLoseValues) {
  using T = FieldType;
  struct Case {
    Field from, to;
    bool narrows;
  };
  Field s200 = string_field("s", 200), s100 = string_field("s", 100), text = string_field("s");
  Field d52 = make_field("d", T::decimal), d72 = d52, d51 = d52, d73 = d52;
  d52.precision = 5, d52.scale = 2, d72.precision = 7, d72.scale = 2, d51.precision = 5,
  d51.scale = 1, d73.precision = 7, d73.scale = 3;
  std::vector<Case> cases{
      {s200, s100, true},
      {s100, s200, false},
      {s200, text, false},
      {text, s200, true},
      {make_field("i", T::int32), make_field("i", T::int64), false},
      {make_field("i", T::int64), make_field("i", T::int32), true},
      {make_field("i", T::uint32), make_field("i", T::int64), false},
      {make_field("i", T::uint64), make_field("i", T::int64), true},
      {make_field("i", T::int8), make_field("i", T::uint8), true},
      {make_field("i", T::boolean), make_field("i", T::int8), false},
      {make_field("i", T::int8), make_field("i", T::boolean), true},
      {make_field("f", T::float32), make_field("f", T::float64), false},
      {make_field("f", T::float64), make_field("f", T::float32), true},
      {make_field("i", T::int32), make_field("f", T::float64), false},
      {make_field("i", T::int64), make_field("f", T::float64), true},
      {make_field("f", T::float64), make_field("i", T::int64), true},
      {d52, d72, false},
      {d72, d52, true},
      {d52, d51, true},
      {d52, d73, false},
      {make_field("i", T::int32), d72, true},
      {make_field("i", T::int16), d72, false},
      {make_field("i", T::int32), text, false},
      {make_field("i", T::int32), s100, true},
      {text, make_field("i", T::int32), true},
      {make_field("t", T::timestamp), make_field("t", T::date), true},
      {make_field("t", T::date), make_field("t", T::timestamp), false},
      {make_field("b", T::bytes), text, true},
  };
  for (const auto& c : cases)
    EXPECT_EQ(!schema_limits::narrowing_problem(c.from, c.to).empty(), c.narrows)
        << to_string(c.from.type) << " to " << to_string(c.to.type) << ": "
        << schema_limits::narrowing_problem(c.from, c.to);
  Field shorter = *users_model().find_field("email");
  shorter.max_length = 100;
  auto found = lint({op<AlterField>("User", shorter)}).findings;
  ASSERT_EQ(codes(found), (std::vector<std::string>{"DS103", "PG101"}));
  EXPECT_NE(found[0].message.find("a shorter max_length (200 to 100)"), std::string::npos);
}

TEST(Lint, TablesCreatedEarlierInTheDeploymentHaveNoFinding) {
  Model posts{"accounts", "Post", "posts", {auto_key(), string_field("title", 50)}, {}, {}, ""};
  Field body = make_field("body", FieldType::int32);
  auto found = lint({op<CreateModel>(posts), op<AddField>("Post", body),
                     op<AddIndex>("Post", Index{"posts_body", {"body"}}),
                     op<RemoveField>("Post", "title"), op<RenameModel>("Post", "Article"),
                     op<AlterModelTable>("Article", "articles"), op<DeleteModel>("Article")},
                    kAll)
                   .findings;
  EXPECT_TRUE(found.empty()) << lint_text(found);
  // Its acknowledgements are stale: there is nothing to acknowledge on a new table.
  auto acknowledged = std::make_shared<AddIndex>("Post", Index{"posts_title", {"title"}});
  acknowledged->options.acknowledged = {"PG105"};
  EXPECT_EQ(codes(lint({op<CreateModel>(posts), acknowledged}).findings),
            std::vector<std::string>{"AK101"});
}

TEST(Lint, AcknowledgedFindingsNeverFailAndStaleAcknowledgementsAreFindings) {
  auto remove = std::make_shared<RemoveField>("User", "name");
  auto found = lint({with_options(remove, false, {"DS102"})}).findings;
  ASSERT_EQ(codes(found), std::vector<std::string>{"DS102"});
  EXPECT_TRUE(found[0].acknowledged);
  EXPECT_FALSE(fails(found[0], LintLevel::notice));

  found = lint({with_options(remove, false, {"DS102", "DS10", "BC101"})}).findings;
  ASSERT_EQ(codes(found), (std::vector<std::string>{"AK101", "AK101", "DS102"}));
  EXPECT_NE(found[0].message.find("BC101 (column rename), which this operation does not have"),
            std::string::npos);
  EXPECT_NE(found[1].message.find("DS10, which is no lint code"), std::string::npos);
  EXPECT_TRUE(fails(found[0], LintLevel::error));

  // A PostgreSQL code is not stale where PostgreSQL is not linted.
  auto index = std::make_shared<AddIndex>("User", Index{"users_email", {"email"}});
  EXPECT_TRUE(lint({with_options(index, false, {"PG105"})}, {Dialect::sqlite}).findings.empty());
  EXPECT_EQ(codes(lint({with_options(index, false, {"PG105"})}, {Dialect::postgresql}).findings),
            std::vector<std::string>{"PG105"});
}

TEST(Lint, OnlineOperationsHaveNoFindingTheirOnlineFormAvoids) {
  auto index = std::make_shared<AddIndex>("User", Index{"users_email", {"email"}});
  EXPECT_EQ(codes(lint({index}, kAll).findings), (std::vector<std::string>{"MY102", "PG105"}));
  EXPECT_TRUE(lint({with_options(index, true, {})}, kAll).findings.empty());
  // A rewrite has no online form: it stays.
  Field age = *users_model().find_field("age");
  age.type = FieldType::int64;
  auto alter = std::make_shared<AlterField>("User", age);
  EXPECT_EQ(codes(lint({with_options(alter, true, {})}).findings),
            std::vector<std::string>{"PG101"});
}

TEST(Lint, RowCountsDecideNotNullColumnsAndRebuildLevels) {
  Field added = make_field("points", FieldType::int32);
  OperationPtr add = op<AddField>("User", added);
  auto unknown = lint({add}, kAll).findings;
  ASSERT_EQ(codes(unknown), (std::vector<std::string>{"LT101", "NN101"}));
  EXPECT_EQ(unknown[1].level, LintLevel::warning);
  EXPECT_NE(unknown[1].message.find("cannot tell without a database"), std::string::npos);

  auto rows = [](long long count) {
    return [count](const std::string&) -> std::optional<long long> { return count; };
  };
  auto some = lint({add}, {Dialect::sqlite}, rows(20000)).findings;
  ASSERT_EQ(codes(some), (std::vector<std::string>{"LT101", "NN101"}));
  EXPECT_EQ(some[0].level, LintLevel::warning);
  EXPECT_NE(some[0].message.find("(users has 20000 rows)"), std::string::npos);
  EXPECT_EQ(some[1].level, LintLevel::error);
  auto few = lint({add}, {Dialect::sqlite}, rows(10)).findings;
  EXPECT_EQ(few[0].level, LintLevel::notice);
  EXPECT_EQ(codes(lint({add}, {Dialect::sqlite}, rows(0)).findings),
            std::vector<std::string>{"LT101"});
}

TEST(Lint, TextAndJsonFormsAreStable) {
  auto remove = std::make_shared<RemoveField>("User", "name");
  auto found = lint({with_options(remove, false, {"DS102"})}, kAll).findings;
  EXPECT_EQ(lint_text(found),
            "migrations/accounts/0002_change.json: operations[0] (Remove field name from User)\n"
            "  acknowledged error DS102 drop column [sqlite, postgresql, mysql]\n"
            "  drops column users.name and its values; code still running the old version "
            "fails on it\n"
            "  safe alternative: deploy code that no longer reads or writes the field first, "
            "then acknowledge\n"
            "0 errors, 0 warnings, 0 notices (1 acknowledged)\n");
  auto json = nlohmann::json::parse(lint_json(found));
  EXPECT_EQ(json["findings"][0]["code"], "DS102");
  EXPECT_EQ(json["findings"][0]["migration"], "accounts.0002_change");
  EXPECT_EQ(json["findings"][0]["operation"]["index"], 0);
  EXPECT_EQ(json["findings"][0]["dialects"], nlohmann::json({"sqlite", "postgresql", "mysql"}));
  EXPECT_EQ(json["findings"][0]["acknowledged"], true);
  EXPECT_EQ(json["summary"]["acknowledged"], 1);
  EXPECT_EQ(lint_text({}), "No findings.\n");
}

}  // namespace
}  // namespace dbmig::test
