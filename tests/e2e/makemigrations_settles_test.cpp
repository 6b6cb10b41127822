// makemigrations settles: every supported field type with every form of default (none, a
// literal, braces, a negative, the type's minimum and maximum, `default =`, std::optional, an
// enum constant) written once, then `--check` finds nothing to do, and the migration applies on
// every database. One generated model holds the whole matrix, so it is one run of each command.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace dbmig::test {
namespace {

// One field type and the literals its default forms use; an empty literal skips the form.
struct TypeCase {
  std::string name;      // part of the member names
  std::string cpp_type;  // as declared
  std::string options;   // DBMIG_FIELD options every member of the type needs, or ""
  std::string literal;
  std::string negative;
  std::string minimum;
  std::string maximum;
};

std::vector<TypeCase> type_cases() {
  return {
      {"boolean", "bool", "", "true", "", "false", "true"},
      {"int8", "std::int8_t", "", "7", "-7", "INT8_MIN", "INT8_MAX"},
      {"int16", "std::int16_t", "", "7", "-7", "INT16_MIN", "INT16_MAX"},
      {"int32", "std::int32_t", "", "7", "-7", "INT32_MIN", "INT32_MAX"},
      {"int64", "std::int64_t", "", "7", "-7", "INT64_MIN", "INT64_MAX"},
      {"uint8", "std::uint8_t", "", "7", "", "0", "UINT8_MAX"},
      {"uint16", "std::uint16_t", "", "7", "", "0", "UINT16_MAX"},
      {"uint32", "std::uint32_t", "", "7", "", "0", "UINT32_MAX"},
      // A uint64 is BIGINT on PostgreSQL: its largest default is INT64_MAX (docs/models.md).
      {"uint64", "std::uint64_t", "", "7", "", "0", "9223372036854775807u"},
      {"float32", "float", "", "1", "-1.5f", "-3.4028234663852886e38f", "3.4028234663852886e38f"},
      {"float64", "double", "", "1", "-2.5", "-1.7976931348623157e308", "1.7976931348623157e308"},
      {"decimal", "double", "decimal(8, 2)", "1", "-1.5", "-999999.99", "999999.99"},
      {"decimal_text", "std::string", "decimal(8, 2)", "\"1.50\"", "\"-1.5\"", "\"-999999.99\"",
       "\"999999.99\""},
      {"text", "std::string", "", "\"x\"", "", "\"\"", ""},
      {"varchar", "std::string", "max_length = 20", "\"x\"", "", "\"\"",
       "\"12345678901234567890\""},
      {"level", "Level", "", "Level::high", "", "Level::low", "Level::high"},
  };
}

std::string member(const std::string& options, const std::string& type, const std::string& name,
                   const std::string& initializer) {
  return "  " + (options.empty() ? "" : "DBMIG_FIELD(" + options + ") ") + type + " " + name +
         initializer + ";\n";
}

std::string with(const std::string& options, const std::string& more) {
  return options.empty() ? more : options + ", " + more;
}

// Every form of default for one type, as members named <type>_<form>.
std::string members_of(const TypeCase& type) {
  std::string text;
  const std::string& o = type.options;
  const std::string& t = type.cpp_type;
  text += member(o, t, type.name + "_none", "");
  text += member(o, t, type.name + "_literal", " = " + type.literal);
  text += member(o, t, type.name + "_braces", "{" + type.literal + "}");
  if (!type.negative.empty()) text += member(o, t, type.name + "_negative", " = " + type.negative);
  text += member(o, t, type.name + "_min", " = " + type.minimum);
  if (!type.maximum.empty()) text += member(o, t, type.name + "_max", " = " + type.maximum);
  if (type.name != "level")
    text += member(with(o, "default = " + type.literal), t, type.name + "_option", "");
  std::string optional = "std::optional<" + t + ">";
  text += member(o, optional, type.name + "_optional", "");
  text += member(o, optional, type.name + "_optional_literal", " = " + type.literal);
  text += member(o, optional, type.name + "_optional_nullopt", " = std::nullopt");
  return text;
}

std::string matrix_header() {
  std::string text =
      "#pragma once\n#include <dbmig/model.hpp>\n#include <cstdint>\n#include <optional>\n"
      "#include <string>\nnamespace matrix {\n"
      "enum class Level : std::uint8_t { low = 0, high = 200 };\n"
      "struct DBMIG_MODEL() Defaults {\n  DBMIG_FIELD(primary_key) std::int64_t id;\n";
  for (const auto& type : type_cases()) text += members_of(type);
  return text + "};\n}  // namespace matrix\n";
}

TEST(MakemigrationsSettles, EveryTypeWithEveryDefaultFormThenCheckFindsNothing) {
  TempDir project;
  write_file(project.path() / "apps/matrix/models.hpp", matrix_header());

  RunResult initial = run_dbmig({"makemigrations"}, project.path());
  ASSERT_EQ(initial.exit_code, 0) << initial.out << initial.err;
  std::string written = read_file(project.path() / "migrations/matrix/0001_initial.json");

  RunResult check = run_dbmig({"makemigrations", "--check"}, project.path());
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err << written;
  EXPECT_EQ(check.out, "No changes detected\n");

  for (Dialect dialect : test_dialects()) {
    auto url = fresh_database_url(dialect, project.path());
    ASSERT_TRUE(url);
    RunResult migrate = run_dbmig({"migrate"}, project.path(), {{"DATABASE_URL", *url}});
    EXPECT_EQ(migrate.exit_code, 0) << to_string(dialect) << migrate.out << migrate.err;
  }
}

}  // namespace
}  // namespace dbmig::test
