// Bad-input corpus: what the readers of hand-written input refuse (migration files, dbmig.json,
// .env), each with a located error (file:line:col or file and JSON path) and nothing applied.
#include "bad_input_corpus.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

using Setup = std::function<void(const fs::path&)>;

const std::string kSecond = "migrations/blog/0002_bad.json";

// A second blog migration whose "operations" array holds `operations`.
Setup second_migration(const std::string& operations) {
  return
      [=](const fs::path& p) {
        write_file(p / kSecond, R"({"dbmig": 1, "app": "blog", "name": "0002_bad",
 "dependencies": [["blog", "0001_initial"]], "atomic": true,
 "operations": [)" + operations + "]}\n");
      };
}

// A second blog migration adding `field` (a JSON object) to Blog.
Setup add_field(const std::string& field) {
  return second_migration(R"({"op": "AddField", "model": "Blog", "field": )" + field + "}");
}

// A second blog migration creating model Post with `fields`, plus `more` keys.
Setup create_post(const std::string& fields, const std::string& more = "") {
  return second_migration(R"({"op": "CreateModel", "name": "Post", "table": "posts", "fields": [)" +
                          fields + "]" + more + "}");
}

const std::string kId = R"({"name": "id", "type": "int64", "primary_key": true})";

Setup file_with(const std::string& path, const std::string& text) {
  return [=](const fs::path& p) { write_file(p / path, text); };
}

// `depth` arrays inside each other, as the value of "dbmig".
std::string deeply_nested(std::size_t depth) {
  return "{\"dbmig\": " + std::string(depth, '[') + std::string(depth, ']') + "}\n";
}

// A .env selecting SQLite, with `line` after it.
Setup env_with(const std::string& line) {
  return file_with(".env", "DB_CONNECTION=sqlite\nDB_DATABASE=db.sqlite3\n" + line);
}

std::vector<BadInputCase> size_and_syntax_cases() {
  return {
      {"MigrationNestedTooDeep",
       file_with(kSecond, deeply_nested(100'000)),
       {"migrate"},
       2,
       "migrations/blog/0002_bad.json:1:74: nested deeper than 64 levels"},
      {"MigrationNestedTooDeepShowmigrations",
       file_with(kSecond, deeply_nested(100'000)),
       {"showmigrations"},
       2,
       "migrations/blog/0002_bad.json:1:74: nested deeper than 64"},
      {"DbmigJsonNestedTooDeep",
       file_with("dbmig.json", deeply_nested(1'000)),
       {"migrate"},
       2,
       "dbmig.json:1:74: nested deeper than 64 levels"},
      {"NumberOverflowNamesFileAndPath",
       add_field(R"({"name": "n", "type": "string", "max_length": 1e400})"),
       {"migrate"},
       2,
       "migrations/blog/0002_bad.json:3:108: $.operations[0].field.max_length: the number 1e400 "
       "is out of range"},
      {"NumberOfFiveThousandDigits",
       add_field(R"({"name": "n", "type": "int64", "default": )" + std::string(5000, '9') + "}"),
       {"makemigrations"},
       2,
       "$.operations[0].field.default: the number 9999"},
      {"HugeNumberInArray",
       second_migration("1e999"),
       {"migrate"},
       2,
       "0002_bad.json:3:17: $.operations[0]: the number 1e999 is out of range"},
      {"DuplicatedOpKey",
       second_migration(R"({"op": "CreateModel", "name": "Post", "table": "posts",
                            "fields": [{"name": "id", "type": "int64", "primary_key": true}],
                            "op": "AddField"})"),
       {"migrate"},
       2,
       "migrations/blog/0002_bad.json: $.operations[0].op: the key \"op\" appears twice in this "
       "object; keep one of them"},
      {"DuplicatedKeyInDbmigJson",
       file_with("dbmig.json", R"({"migrations": "m", "migrations": "n"})"),
       {"migrate"},
       2,
       "dbmig.json: $.migrations: the key \"migrations\" appears twice"},
      {"NulInFieldName",
       add_field(R"({"name": "a\u0000b", "type": "int64", "null": true})"),
       {"migrate"},
       2,
       "migrations/blog/0002_bad.json: $.operations[0].field.name: contains \\u0000 (a NUL "
       "character)"},
      {"NulInKey",
       second_migration(R"({"op": "DeleteModel", "na\u0000me": "Blog"})"),
       {"migrate"},
       2,
       "$.operations[0].na"},
      {"NulInDbmigJson",
       file_with("dbmig.json", R"({"apps_root": "ap\u0000ps"})"),
       {"migrate"},
       2,
       "dbmig.json: $.apps_root: contains \\u0000"},
      {"DbmigJsonIsAFolder",
       [](const fs::path& p) { fs::create_directory(p / "dbmig.json"); },
       {"migrate"},
       2,
       "dbmig.json: is a folder, not a file"},
      {"DbmigJsonTrailingGarbage",
       file_with("dbmig.json", "{}\n{}\n"),
       {"migrate"},
       2,
       "dbmig.json:2:1: not valid JSON"},
      {"MigrationVersionIsAString",
       [](const fs::path& p) {
         std::string text = read_file(p / "migrations/blog/0001_initial.json");
         text.replace(text.find("\"dbmig\": 1"), 10, "\"dbmig\": \"1\"");
         write_file(p / "migrations/blog/0001_initial.json", text);
       },
       {"migrate"},
       2,
       "$.dbmig: unsupported format version (a string)"},
  };
}

std::vector<BadInputCase> migration_cases() {
  const std::string deps = R"("dependencies": [["blog", "0001_initial"], )";
  auto with_dependencies = [](const std::string& key, const std::string& list) {
    return file_with(kSecond, R"({"dbmig": 1, "app": "blog", "name": "0002_bad", )" + key + ": " +
                                  list + R"(, "atomic": true, "operations": []})");
  };
  return {
      {"DependsOnItself",
       file_with(kSecond, R"({"dbmig": 1, "app": "blog", "name": "0002_bad", )" + deps +
                              R"(["blog", "0002_bad"]], "operations": []})"),
       {"migrate"},
       2,
       "migrations/blog/0002_bad.json: $.dependencies[1]: a migration cannot depend on itself"},
      {"ReplacesItself",
       file_with(kSecond, R"({"dbmig": 1, "app": "blog", "name": "0002_bad", )" + deps +
                              R"(["accounts", "0001_initial"]], "replaces": [["blog", "0002_bad"]],
                                 "operations": []})"),
       {"showmigrations"},
       2,
       "$.replaces[0]: a migration cannot replace itself"},
      {"DependencyNotAPair",
       with_dependencies("\"dependencies\"", R"([["blog"]])"),
       {"migrate"},
       2,
       "$.dependencies[0]: expected an [\"app\", \"migration\"] pair"},
      {"DependenciesNotAnArray",
       with_dependencies("\"dependencies\"", "7"),
       {"migrate"},
       2,
       "$.dependencies: expected an array"},
      {"DependencyOnMissingMigration",
       with_dependencies("\"dependencies\"", R"([["blog", "0009_nothing"]])"),
       {"migrate"},
       2,
       "depends on blog.0009_nothing, which does not exist"},
      {"OperationsNotAnArray",
       file_with(kSecond, R"({"dbmig": 1, "app": "blog", "name": "0002_bad",
                              "dependencies": [], "operations": {}})"),
       {"migrate"},
       2,
       "$.operations: expected an array of operations"},
      {"OperationNotAnObject",
       second_migration("\"CreateModel\""),
       {"migrate"},
       2,
       "$.operations[0]: expected an object"},
      {"MissingOp",
       second_migration(R"({"name": "Blog"})"),
       {"migrate"},
       2,
       "$.operations[0]: missing key \"op\""},
      {"OpNotAString",
       second_migration(R"({"op": 3})"),
       {"migrate"},
       2,
       "$.operations[0].op: expected a string"},
      {"UnknownOp",
       second_migration(R"({"op": "DropDatabase"})"),
       {"migrate"},
       2,
       "$.operations[0].op: unknown operation \"DropDatabase\""},
      {"UnknownKeyInOperation",
       second_migration(R"({"op": "DeleteModel", "name": "Blog", "cascade": true})"),
       {"migrate"},
       2,
       "$.operations[0].cascade: unknown key \"cascade\""},
      {"FieldNotAnObject",
       add_field("[]"),
       {"migrate"},
       2,
       "$.operations[0].field: expected an object"},
      {"UnknownType",
       add_field(R"({"name": "n", "type": "int128"})"),
       {"migrate"},
       2,
       "$.operations[0].field.type: unknown type \"int128\""},
      {"NullNotABoolean",
       add_field(R"({"name": "n", "type": "int64", "null": "yes"})"),
       {"migrate"},
       2,
       "$.operations[0].field.null: expected true or false"},
      {"NegativeMaxLength",
       add_field(R"({"name": "n", "type": "string", "max_length": -5})"),
       {"migrate"},
       2,
       "$.operations[0].field.max_length: expected a non-negative integer"},
      {"ZeroMaxLength",
       add_field(R"({"name": "n", "type": "string", "null": true, "max_length": 0})"),
       {"migrate"},
       2,
       "$.operations[0].field.max_length: max_length must be a positive integer"},
      {"MaxLengthOnAnInteger",
       add_field(R"({"name": "n", "type": "int32", "null": true, "max_length": 10})"),
       {"migrate"},
       2,
       "$.operations[0].field.max_length: max_length applies to strings only, and n is int32"},
      {"HugeDecimal",
       add_field(R"({"name": "price", "type": "decimal", "null": true, "precision": 1000,
                     "scale": 2000})"),
       {"migrate"},
       2,
       "migrations/blog/0002_bad.json: $.operations[0].field.precision: decimal(1000, 2000) is "
       "not a valid decimal; use 1 <= precision <= 65 and 0 <= scale <= precision"},
      {"DecimalScaleAbovePrecision",
       add_field(
           R"({"name": "price", "type": "decimal", "null": true, "precision": 5, "scale": 6})"),
       {"migrate"},
       2,
       "decimal(5, 6) is not a valid decimal"},
      {"PrecisionOnAString",
       add_field(R"({"name": "n", "type": "string", "null": true, "precision": 5})"),
       {"migrate"},
       2,
       "$.operations[0].field.precision: precision and scale apply to decimals"},
      {"SetNullOnNotNull",
       add_field(R"({"name": "owner_id", "type": "int64", "references": "accounts.User",
                     "on_delete": "set_null"})"),
       {"migrate"},
       2,
       "migrations/blog/0002_bad.json: $.operations[0].field.on_delete: on_delete = set_null "
       "needs a nullable column"},
      {"SetDefaultWithoutDefault",
       add_field(R"({"name": "owner_id", "type": "int64", "null": true,
                     "references": "accounts.User", "on_delete": "set_default"})"),
       {"migrate"},
       2,
       "$.operations[0].field.on_delete: on_delete = set_default needs a default"},
      {"UnknownOnDelete",
       add_field(R"({"name": "owner_id", "type": "int64", "references": "accounts.User",
                     "on_delete": "explode"})"),
       {"migrate"},
       2,
       "$.operations[0].field.on_delete: unknown on_delete \"explode\""},
      {"OnDeleteWithoutReferences",
       add_field(R"({"name": "n", "type": "int64", "null": true, "on_delete": "cascade"})"),
       {"migrate"},
       2,
       "$.operations[0].field.on_delete: on_delete needs \"references\""},
      {"ReferenceNotAppDotModel",
       add_field(R"({"name": "n", "type": "int64", "null": true, "references": "User"})"),
       {"migrate"},
       2,
       "$.operations[0].field.references: expected \"app.Model\""},
      {"NullablePrimaryKey",
       create_post(R"({"name": "id", "type": "int64", "primary_key": true,
                                              "null": true})"),
       {"migrate"},
       2,
       "$.operations[0].fields[0].null: a primary key cannot be nullable"},
      {"AutoIncrementOnAString",
       add_field(R"({"name": "n", "type": "string", "null": true, "auto_increment": true})"),
       {"migrate"},
       2,
       "$.operations[0].field.auto_increment: auto_increment applies to an "
       "integer primary key only"},
      {"FillValueOfAnotherType",
       second_migration(R"({"op": "AddField", "model": "Blog",
                            "field": {"name": "n", "type": "int64"}, "fill_value": "x"})"),
       {"migrate"},
       2,
       "$.operations[0].fill_value: expected a int64 value, not a string"},
      {"FillValueOutOfTheIntegerRange",
       second_migration(R"({"op": "AddField", "model": "Blog",
                            "field": {"name": "n", "type": "int8"}, "fill_value": 300})"),
       {"migrate"},
       2,
       "$.operations[0].fill_value: fill value 300 is outside the range of a int8 column; use a "
       "value from -128 to 127, or a wider type"},
      {"FillValueRoundedByTheDecimal",
       second_migration(R"({"op": "AddField", "model": "Blog", "field": {"name": "n",
                            "type": "decimal", "precision": 4, "scale": 2}, "fill_value": 1.234})"),
       {"migrate"},
       2,
       "$.operations[0].fill_value: fill value 1.234 has 3 digit(s) after the point, but a "
       "decimal(4, 2) column keeps 2"},
      {"DefaultLongerThanMaxLength",
       add_field(R"({"name": "n", "type": "string", "max_length": 2, "default": "abc"})"),
       {"migrate"},
       2,
       "$.operations[0].field.default: default \"abc\" is 3 characters long, more than max_length "
       "2"},
      {"SecondPrimaryKeyInCreateModel",
       create_post(kId + R"(, {"name": "other", "type": "int64", "primary_key": true})"),
       {"migrate"},
       2,
       "migrations/blog/0002_bad.json: $.operations[0].fields[1].primary_key: more than one "
       "primary key (id, other)"},
      {"SecondPrimaryKeyAddedToAModel",
       add_field(R"({"name": "other", "type": "int64", "null": false, "primary_key": true,
                     "default": 0})"),
       {"migrate"},
       2,
       "migrations/blog/0002_bad.json: $.operations[0] (Add field other to Blog): more than one "
       "primary key (id, other)"},
      {"CreateModelWithoutFields",
       create_post(""),
       {"migrate"},
       2,
       "$.operations[0].fields: a model needs at least one field"},
      {"CreateModelWithoutPrimaryKey",
       create_post(R"({"name": "n", "type": "int64"})"),
       {"migrate"},
       2,
       "$.operations[0].fields: no primary key"},
      {"CreateModelReusingATable",
       second_migration(R"({"op": "CreateModel", "name": "Post", "table": "users",
                            "fields": [)" +
                        kId + "]}"),
       {"migrate"},
       2,
       "migrations/blog/0002_bad.json: $.operations[0] (Create model Post): table users is already "
       "the table of accounts.User"},
      {"CreateModelWithAnEmptyName",
       second_migration(R"({"op": "CreateModel", "name": "", "table": "posts",
                            "fields": [)" +
                        kId + "]}"),
       {"migrate"},
       2,
       "$.operations[0].name: model name \"\" is not an identifier"},
      {"CreateModelNamedLikeAPath",
       second_migration(R"({"op": "CreateModel", "name": "../../x", "table": "posts",
                            "fields": [)" +
                        kId + "]}"),
       {"makemigrations"},
       2,
       "$.operations[0].name: model name \"../../x\" is not an identifier"},
      {"FieldWithAnEmptyName",
       create_post(kId + R"(, {"name": "", "type": "int64"})"),
       {"migrate"},
       2,
       "$.operations[0].fields[1].name: field name \"\" is not an identifier"},
      {"FieldListedTwice",
       create_post(kId + ", " + kId),
       {"migrate"},
       2,
       "$.operations[0].fields[1].name: field id is listed twice"},
      {"TwoFieldsOneColumn",
       add_field(R"({"name": "heading", "column": "title", "type": "int64", "null": true})"),
       {"migrate"},
       2,
       "(Add field heading to Blog): column title is already used by field title"},
      {"IndexWithAnEmptyName",
       second_migration(R"({"op": "AddIndex", "model": "Blog",
                            "index": {"name": "", "fields": ["title"]}})"),
       {"migrate"},
       2,
       "(Create index  on field(s) title of model Blog): an index or constraint needs a name"},
      {"IndexWithAnEmptyNameInCreateModel",
       create_post(kId, R"(, "indexes": [{"name": "", "fields": ["id"]}])"),
       {"migrate"},
       2,
       "$.operations[0].indexes[0].name: an index or constraint needs a name"},
      {"IndexWithoutFields",
       second_migration(
           R"({"op": "AddIndex", "model": "Blog", "index": {"name": "i", "fields": []}})"),
       {"migrate"},
       2,
       "$.operations[0].index.fields: an index needs at least one field"},
      {"IndexNameOfAnotherModel",
       second_migration(R"({"op": "AddIndex", "model": "Blog",
                            "index": {"name": "shared", "fields": ["title"]}},
                           {"op": "CreateModel", "name": "Post", "table": "posts",
                            "fields": [)" +
                        kId + R"(], "indexes": [{"name": "shared", "fields": ["id"]}]})"),
       {"migrate"},
       2,
       "$.operations[1] (Create model Post): index or constraint name shared is already used "
       "by another model"},
      {"CheckWithoutExpression",
       second_migration(R"({"op": "AddConstraint", "model": "Blog",
                            "constraint": {"name": "c", "kind": "check", "check": ""}})"),
       {"migrate"},
       2,
       "$.operations[0].constraint.check: a check constraint needs an SQL "
       "expression"},
      {"UnknownConstraintKind",
       second_migration(R"({"op": "AddConstraint", "model": "Blog",
                            "constraint": {"name": "c", "kind": "primary"}})"),
       {"migrate"},
       2,
       "$.operations[0].constraint.kind: unknown kind \"primary\""},
      {"RenameFieldToEmpty",
       second_migration(R"({"op": "RenameField", "model": "Blog", "old_name": "title",
                            "new_name": ""})"),
       {"migrate"},
       2,
       "(Rename field title on Blog to ): field name \"\" is not an identifier"},
      {"RenameModelToEmpty",
       second_migration(R"({"op": "RenameModel", "old_name": "Blog", "new_name": ""})"),
       {"migrate"},
       2,
       "(Rename model Blog to ): model name \"\" is not an identifier"},
      {"AlterModelTableToAnotherModelsTable",
       second_migration(R"({"op": "AlterModelTable", "name": "Blog", "table": "users"})"),
       {"migrate"},
       2,
       "(Rename table for Blog to users): table users is already the table of accounts.User"},
      {"AlterModelTableToEmpty",
       second_migration(R"({"op": "AlterModelTable", "name": "Blog", "table": ""})"),
       {"migrate"},
       2,
       "(Rename table for Blog to ): the table name is empty"},
      {"AlterFieldMakingASecondPrimaryKey",
       second_migration(R"({"op": "AlterField", "model": "Blog",
                            "field": {"name": "title", "type": "string", "max_length": 200,
                                      "primary_key": true}})"),
       {"sqlmigrate", "blog", "0002_bad"},
       2,
       "(Alter field title on Blog): more than one primary key (id, title)"},
  };
}

std::vector<BadInputCase> config_cases() {
  return {
      {"AppNameIsAPath",
       file_with("dbmig.json", R"({"apps": {"../../../pwn1": ["apps/blog/models.hpp"]}})"),
       {"makemigrations"},
       2,
       "dbmig.json: $.apps.../../../pwn1: app name \"../../../pwn1\" is not an identifier"},
      {"AppNameInAListIsAPath",
       file_with("dbmig.json", R"({"apps": ["blog", "../x"]})"),
       {"migrate"},
       2,
       "dbmig.json: $.apps[1]: app name \"../x\" is not an identifier"},
      {"AppNameEmpty",
       file_with("dbmig.json", R"({"apps": {"": ["apps/blog/models.hpp"]}})"),
       {"showmigrations"},
       2,
       "dbmig.json: $.apps.: app name \"\" is not an identifier"},
      {"AppFolderNameNotAnIdentifier",
       file_with("apps/my-app/models.hpp", "#pragma once\n"),
       {"makemigrations"},
       2,
       "the app folder name \"my-app\" is not an identifier"},
      {"EnvLineWithoutEquals",
       env_with("DB_PASSWORD\n"),
       {"migrate"},
       2,
       ".env:3: expected KEY=VALUE"},
      {"EnvLineWithoutKey", env_with("=x\n"), {"migrate"}, 2, ".env:3: expected KEY=VALUE"},
      {"EnvUnclosedQuote",
       env_with("DB_PASSWORD=\"secret\n"),
       {"migrate"},
       2,
       ".env:3: the value of DB_PASSWORD starts with a quote but does not end with it"},
      {"EnvNulByte",
       env_with(std::string("DB_HOST=a\0b\n", 12)),
       {"migrate"},
       2,
       ".env:3: contains a NUL byte"},
      {"EnvIsAFolder",
       [](const fs::path& p) { fs::create_directory(p / ".env"); },
       {"migrate"},
       2,
       ".env: is a folder, not a file"},
  };
}

// What one of the three databases would refuse, written by hand into a migration: refused by
// the reader (or, for a rename, by the replay) as the scanner refuses it in a header.
std::vector<BadInputCase> database_limit_cases() {
  const std::string long_name(70, 'n');
  return {
      {"LimitsTableNameTooLong",
       second_migration(R"({"op": "CreateModel", "name": "Post", "table": ")" + long_name +
                        R"(", "fields": [)" + kId + "]}"),
       {"migrate"},
       2,
       "$.operations[0].table: table \"" + long_name + "\" is 70 bytes long"},
      {"LimitsColumnNameTooLong",
       add_field(R"({"name": "n", "column": ")" + long_name +
                 R"(", "type": "int64", "null": true})"),
       {"migrate"},
       2,
       "$.operations[0].field.column: column \"" + long_name + "\" is 70 bytes long"},
      {"LimitsRenameFieldToALongName",
       second_migration(R"({"op": "RenameField", "model": "Blog", "old_name": "title",
                            "new_name": ")" +
                        long_name + R"("})"),
       {"migrate"},
       2,
       "(Rename field title on Blog to " + long_name + "): column \"" + long_name +
           "\" is 70 bytes long"},
      {"LimitsIndexNameTooLong",
       second_migration(R"({"op": "AddIndex", "model": "Blog",
                            "index": {"name": ")" +
                        long_name + R"(", "fields": ["title"]}})"),
       {"migrate"},
       2,
       "index name \"" + long_name + "\" is 70 bytes long"},
      {"LimitsUint64DefaultBeyondBigint",
       add_field(R"({"name": "n", "type": "uint64", "default": 9223372036854775808})"),
       {"migrate"},
       2,
       "$.operations[0].field.default: "},
      {"LimitsUniqueTextOnMysql",
       add_field(R"({"name": "email", "type": "string", "null": true, "unique": true})"),
       {"sqlmigrate", "blog", "0002"},
       2,
       "$.operations[0].field: "},
      {"LimitsDecimalScaleBeyondMysql",
       add_field(R"({"name": "n", "type": "decimal", "precision": 60, "scale": 40,
                    "null": true})"),
       {"migrate"},
       2,
       "$.operations[0].field: "},
  };
}

std::vector<BadInputCase> reader_cases() {
  std::vector<BadInputCase> cases;
  for (auto part :
       {size_and_syntax_cases(), migration_cases(), config_cases(), database_limit_cases()})
    cases.insert(cases.end(), part.begin(), part.end());
  return cases;
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Readers, BadInputCorpus, ::testing::ValuesIn(reader_cases()),
                         bad_input_case_name);

}  // namespace dbmig::test
