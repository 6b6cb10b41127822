// Bad-input corpus: models that one of the three databases would refuse at migrate time (names,
// indexes, types, defaults, text) and model headers gone missing. makemigrations refuses each
// with file:line:col, before anything is written.
#include "bad_input_corpus.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

constexpr int kFirstMemberLine = 18;  // the line of the first of `members` in blog_header()

// The demo blog header with `options` as Blog's DBMIG_MODEL options, `members` after its
// fields, and `after` (more models) after it.
std::string blog_header(const std::string& options, const std::string& members,
                        const std::string& after = "") {
  return "#pragma once\n"
         "#include <dbmig/model.hpp>\n"
         "#include <chrono>\n"
         "#include <cmath>\n"
         "#include <cstdint>\n"
         "#include <optional>\n"
         "#include <string>\n"
         "#include \"../accounts/models.hpp\"\n"
         "namespace blog {\n"
         "struct DBMIG_MODEL(" +
         options +
         ") Blog {\n"
         "  DBMIG_FIELD(primary_key) std::int64_t id;\n"
         "  DBMIG_FIELD(max_length = 200) std::string title;\n"
         "  std::string body;\n"
         "  bool active = true;\n"
         "  DBMIG_FIELD(references = accounts::User, on_delete = cascade) std::int64_t user_id;\n"
         "  std::chrono::system_clock::time_point created_at;\n"
         "  std::chrono::system_clock::time_point updated_at;\n" +
         members + "};\n" + after + "}  // namespace blog\n";
}

// "apps/blog/models.hpp:<line>:<column>: error: model blog::Blog<rest>".
std::string at(int line, int column, const std::string& rest) {
  return "apps/blog/models.hpp:" + std::to_string(line) + ":" + std::to_string(column) +
         ": error: model blog::Blog" + rest;
}

// A case whose header has Blog with `options` and `members`, run through makemigrations.
BadInputCase model_case(std::string name, std::string options, std::string members,
                        std::string message, std::string after = "") {
  std::string header = blog_header(options, members, after);
  return {std::move(name),
          [header](const fs::path& p) { write_file(p / "apps/blog/models.hpp", header); },
          {"makemigrations"},
          2,
          std::move(message)};
}

// A case with one bad member (on kFirstMemberLine) in the demo Blog: the error is at the name
// of `field`.
BadInputCase member_case(std::string name, const std::string& member, const std::string& field,
                         const std::string& message) {
  int column = static_cast<int>(member.rfind(" " + field)) + 4;  // after "  " and the space
  return model_case(std::move(name), "table = \"blogs\"", "  " + member + "\n",
                    at(kFirstMemberLine, column, ", field " + field + ": " + message));
}

// A case with bad model options; the error is at the DBMIG_MODEL annotation.
BadInputCase options_case(std::string name, std::string options, std::string members,
                          std::string message) {
  return model_case(std::move(name), std::move(options), std::move(members),
                    at(10, 8, ": " + message));
}

std::string repeated(const std::string& text, int times) {
  std::string result;
  for (int i = 0; i < times; ++i) result += text;
  return result;
}

std::vector<BadInputCase> identifier_cases() {
  const std::string long64(64, 'n');
  return {
      options_case("TableLongerThanPostgresAccepts", "table = \"" + long64 + "\"", "",
                   "table \"" + long64 + "\" is 64 bytes long; PostgreSQL accepts at most 63"),
      // 33 characters are fine for MySQL, but 66 bytes are too many for PostgreSQL.
      options_case("TableOfMultibyteCharactersTooLongInBytes",
                   "table = \"" + repeated("\xc3\xa9", 33) + "\"", "",
                   "table \"" + repeated("\xc3\xa9", 33) +
                       "\" is 66 bytes long; PostgreSQL accepts at most 63 bytes"),
      options_case("TableNotUtf8", "table = \"blogs\\xff\"", "",
                   "table \"blogs\\xff\" is not valid UTF-8"),
      // A header saved as Latin-1: the raw byte, not an escape.
      options_case("TableRawLatin1Byte", "table = \"caf\xe9\"", "",
                   "table \"caf\\xe9\" is not valid UTF-8"),
      options_case(
          "TableEndsWithSpace", "table = \"blogs \"", "",
          "table \"blogs \" ends with a space, which MySQL does not accept; choose another "
          "table = \"...\""),
      options_case("TableWithEmoji", "table = \"blogs\xf0\x9f\x98\x80\"", "",
                   "table \"blogs\xf0\x9f\x98\x80\" holds a character beyond U+FFFF (such as an "
                   "emoji), which MySQL does not accept"),
      options_case("TableWithNul", "table = \"blo\\0gs\"", "",
                   "table \"blo\\x00gs\" contains a NUL character"),
      member_case("ColumnOptionTooLong", "DBMIG_FIELD(column = \"" + long64 + "\") int rank = 0;",
                  "rank", "column \"" + long64 + "\" is 64 bytes long"),
      member_case("MemberNameTooLong", "int " + long64 + " = 0;", long64,
                  "column \"" + long64 +
                      "\" is 64 bytes long; PostgreSQL accepts at most 63 bytes; choose another "
                      "name with DBMIG_FIELD(column = \"...\")"),
      member_case("ColumnNotUtf8", "DBMIG_FIELD(column = \"r\\xe9nk\") int rank = 0;", "rank",
                  "column \"r\\xe9nk\" is not valid UTF-8"),
      options_case("IndexNameTooLong", "table = \"blogs\", index(title, name = \"" + long64 + "\")",
                   "", "index name \"" + long64 + "\" is 64 bytes long"),
      options_case("UniqueTogetherNameTooLong",
                   "table = \"blogs\", unique_together(title, active, name = \"" + long64 + "\")",
                   "", "constraint name \"" + long64 + "\" is 64 bytes long"),
      options_case("CheckNameTooLong",
                   "table = \"blogs\", check(\"user_id > 0\", name = \"" + long64 + "\")", "",
                   "constraint name \"" + long64 + "\" is 64 bytes long"),
      member_case("ColumnsDifferingOnlyInCase", "int Title = 0;", "Title",
                  "column Title is already used by field title"),
      member_case("ColumnOptionDifferingOnlyInCase",
                  "DBMIG_FIELD(column = \"BODY\") std::string text;", "text",
                  "column BODY is already used by field body"),
      model_case("TablesDifferingOnlyInCase", "table = \"blogs\"", "",
                 "apps/blog/models.hpp:19:37: error: model blog::Other: table Blogs is also the "
                 "table of blog::Blog",
                 "struct DBMIG_MODEL(table = \"Blogs\") Other {\n"
                 "  DBMIG_FIELD(primary_key) std::int64_t id;\n};\n"),
      options_case("IndexNamesDifferingOnlyInCase",
                   "table = \"blogs\", index(title, name = \"blog_idx\"), index(active, name = "
                   "\"Blog_Idx\")",
                   "", "index or constraint name Blog_Idx is used twice"),
  };
}

std::vector<BadInputCase> index_cases() {
  return {
      options_case("ModelIndexRepeatsFieldIndex", "table = \"blogs\", index(rank)",
                   "  DBMIG_FIELD(index) int rank = 0;\n",
                   "index(rank) repeats the index the field already has"),
      options_case("ModelIndexRepeatsReferenceIndex", "table = \"blogs\", index(user_id)", "",
                   "index(user_id) repeats the index the field already has"),
      options_case("ModelIndexRepeatsPrimaryKey", "table = \"blogs\", index(id)", "",
                   "index(id) repeats the primary key the field already has"),
      options_case("ModelIndexRepeatsUniqueField", "table = \"blogs\", index(slug)",
                   "  DBMIG_FIELD(unique, max_length = 50) std::string slug;\n",
                   "index(slug) repeats the unique the field already has"),
      options_case("UniqueTogetherRepeatsUniqueField", "table = \"blogs\", unique_together(slug)",
                   "  DBMIG_FIELD(unique, max_length = 50) std::string slug;\n",
                   "unique_together(slug) repeats the unique the field already has"),
      options_case("SameIndexTwice",
                   "table = \"blogs\", index(title, active), index(title, active)", "",
                   "index(title, active) is declared twice"),
      options_case("SameUniqueTogetherTwice",
                   "table = \"blogs\", unique_together(title, active), unique_together(title, "
                   "active)",
                   "", "unique_together(title, active) is declared twice"),
      options_case("NamedIndexTakesAFieldIndexName",
                   "table = \"blogs\", index(active, name = \"blogs_rank_idx\")",
                   "  DBMIG_FIELD(index) int rank = 0;\n",
                   "index or constraint name blogs_rank_idx is used twice"),
      options_case("NamedCheckTakesARangeCheckName",
                   "table = \"blogs\", check(\"level < 10\", name = \"blogs_level_check\")",
                   "  std::uint8_t level = 0;\n",
                   "index or constraint name blogs_level_check is used twice"),
      options_case("NamedUniqueTakesAFieldUniqueName",
                   "table = \"blogs\", unique_together(title, active, name = \"blogs_slug_uniq\")",
                   "  DBMIG_FIELD(unique, max_length = 50) std::string slug;\n",
                   "index or constraint name blogs_slug_uniq is used twice"),
      member_case("UniqueTextOnMysql", "DBMIG_FIELD(unique) std::string email;", "email",
                  "unique: MySQL cannot index email (TEXT without a length): give "
                  "it a max_length"),
      member_case("IndexedTextOnMysql", "DBMIG_FIELD(index) std::string note;", "note",
                  "index: MySQL cannot index note (TEXT"),
      member_case("UniqueBytesOnMysql", "DBMIG_FIELD(unique) std::vector<std::uint8_t> hash;",
                  "hash", "unique: MySQL cannot index hash (BLOB"),
      options_case("ModelIndexOnText", "table = \"blogs\", index(body)", "",
                   "index(...): MySQL cannot index body (TEXT"),
      options_case("UniqueTogetherWithText", "table = \"blogs\", unique_together(title, body)", "",
                   "unique_together(...): MySQL cannot index body (TEXT"),
      member_case("UniqueKeyTooLongForMysql",
                  "DBMIG_FIELD(unique, max_length = 1000) std::string url;", "url",
                  "unique: the key is 4000 bytes on MySQL"),
      options_case("CompositeKeyTooLongForMysql", "table = \"blogs\", index(a, b)",
                   "  DBMIG_FIELD(max_length = 400) std::string a;\n"
                   "  DBMIG_FIELD(max_length = 400) std::string b;\n",
                   "index(...): the key is 3200 bytes on MySQL"),
  };
}

std::vector<BadInputCase> type_and_default_cases() {
  return {
      member_case("VarcharLongerThanMysqlCreates",
                  "DBMIG_FIELD(max_length = 20000) std::string text;", "text",
                  "max_length = 20000 is longer than the VARCHAR MySQL creates"),
      member_case("DecimalScaleAboveMysqlLimit", "DBMIG_FIELD(decimal(40, 31)) double amount;",
                  "amount", "decimal scale 31 is more than MySQL accepts (30)"),
      options_case("CheckEmpty", "table = \"blogs\", check = \"\"", "",
                   "the check expression is empty"),
      options_case("CheckBlank", "table = \"blogs\", check(\"  \", name = \"blank\")", "",
                   "the check expression is empty"),
      options_case("CheckOnTheAutoIncrementKey", "table = \"blogs\", check = \"ID > 0\"", "",
                   "the check mentions the auto-increment column \"id\", which MySQL and "
                   "MariaDB refuse"),
      options_case("CheckNotUtf8", "table = \"blogs\", check = \"title <> '\\xff'\"", "",
                   "the check expression is not valid UTF-8"),
      member_case("Uint64InitializerAboveBigint", "std::uint64_t big = 9223372036854775808u;",
                  "big", "default 9223372036854775808 is above 9223372036854775807"),
      member_case("Uint64DefaultOptionMax",
                  "DBMIG_FIELD(default = 18446744073709551615) std::uint64_t big;", "big",
                  "default 18446744073709551615 is above 9223372036854775807"),
      member_case("OptionalUint64AboveBigint",
                  "std::optional<std::uint64_t> big = 9223372036854775808u;", "big",
                  "default 9223372036854775808 is above 9223372036854775807"),
      member_case("DefaultOptionOverflowsDouble", "DBMIG_FIELD(default = 1e400) double ratio;",
                  "ratio", "default is not a finite number"),
      member_case("InitializerInfinity", "double ratio = INFINITY;", "ratio",
                  "default is not a finite number"),
      member_case("InitializerNan", "double ratio = NAN;", "ratio",
                  "default is not a finite number"),
      member_case("InitializerNegativeHugeVal", "double ratio = -HUGE_VAL;", "ratio",
                  "default is not a finite number"),
      member_case("OptionalInitializerNan", "std::optional<double> ratio = NAN;", "ratio",
                  "default is not a finite number"),
      member_case("DecimalInitializerNan", "DBMIG_FIELD(decimal(8, 2)) double price = NAN;",
                  "price", "default is not a finite number"),
      member_case(
          "DecimalDefaultRounded", "DBMIG_FIELD(decimal(4, 2)) double price = 1.234;", "price",
          "default 1.234 has 3 digit(s) after the point, but a decimal(4, 2) column keeps 2 "
          "(the databases would round it)"),
      member_case("DecimalDefaultTooLarge", "DBMIG_FIELD(decimal(1, 1)) double share = 1;", "share",
                  "default 1 has 1 digit(s) before the point, but a decimal(1, 1) column holds 0"),
      member_case("DecimalStringDefaultNotANumber",
                  "DBMIG_FIELD(decimal(8, 2)) std::string price = \"1,50\";", "price",
                  "default \"1,50\" is not a decimal number"),
      member_case("StringDefaultLongerThanMaxLength",
                  "DBMIG_FIELD(max_length = 3) std::string code = \"abcd\";", "code",
                  "default \"abcd\" is 4 characters long, more than max_length 3"),
      member_case("FloatDefaultBeyondFloatRange", "float ratio = 1e300;", "ratio",
                  "default is beyond the range of a float column"),
      member_case("StringDefaultNotUtf8", "std::string note = \"caf\\xe9\";", "note",
                  "default is not valid UTF-8"),
      member_case("StringDefaultWithNul", "std::string note = \"a\\0b\";", "note",
                  "default contains a NUL character"),
      member_case("FieldCommentNotUtf8", "DBMIG_FIELD(comment = \"\\xff\") int rank = 0;", "rank",
                  "comment \"\\xff\" is not valid UTF-8"),
      options_case("ModelCommentNotUtf8", "table = \"blogs\", comment = \"caf\\xe9\"", "",
                   "comment \"caf\\xe9\" is not valid UTF-8"),
  };
}

std::vector<BadInputCase> missing_header_cases() {
  const std::string message =
      "app blog has migrations (migrations/blog/0001_initial.json) but no models header "
      "(apps/blog/models.hpp";
  return {
      {"ModelsHeaderDeleted",
       [](const fs::path& p) { fs::remove(p / "apps/blog/models.hpp"); },
       {"makemigrations"},
       2,
       message},
      {"ModelsHeaderRenamed",
       [](const fs::path& p) { fs::rename(p / "apps/blog/models.hpp", p / "apps/blog/model.hpp"); },
       {"makemigrations"},
       2,
       message},
      {"ModelsHeaderDeletedCheck",
       [](const fs::path& p) { fs::remove(p / "apps/blog/models.hpp"); },
       {"makemigrations", "--check"},
       2,
       message},
  };
}

std::vector<BadInputCase> model_cases() {
  std::vector<BadInputCase> cases;
  for (auto group :
       {identifier_cases(), index_cases(), type_and_default_cases(), missing_header_cases()})
    cases.insert(cases.end(), group.begin(), group.end());
  return cases;
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Models, BadInputCorpus, ::testing::ValuesIn(model_cases()),
                         bad_input_case_name);

}  // namespace dbmig::test
