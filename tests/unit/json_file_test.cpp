#include "dbmig/json_file.hpp"

#include <gtest/gtest.h>

#include "dbmig/error.hpp"
#include "test_support.hpp"

namespace dbmig {

TEST(JsonFile, SyntaxErrorNamesFileLineAndColumn) {
  try {
    parse_json_text("{\n  \"dbmig\": 1,\n  oops\n}\n", "migrations/blog/0001_initial.json");
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_TRUE(std::string(e.what()).starts_with(
        "migrations/blog/0001_initial.json:3:3: not valid JSON: "))
        << e.what();
  }
}

// nlohmann reports a number too big for a double as out_of_range, not as a parse_error (found
// by fuzzing: tests/fuzz/corpus/*/regressions/number_overflow).
TEST(JsonFile, NumberTooBigIsAnErrorNamingFileLineColumnAndPath) {
  for (const char* number : {"1e999", "-1E999", "77.496e1898", "0.5e+400"}) {
    try {
      parse_json_text("{\n  \"a\": [1,\n   " + std::string(number) + "]\n}", "dbmig.json");
      FAIL() << number << ": expected an error";
    } catch (const InputError& e) {
      EXPECT_EQ(std::string(e.what()), "dbmig.json:3:4: $.a[1]: the number " + std::string(number) +
                                           " is out of range; write a number between -1e308 and "
                                           "1e308");
    }
  }
}

TEST(JsonFile, FormatIsTwoSpaceIndentInInsertionOrderWithOneTrailingNewline) {
  nlohmann::ordered_json json;
  json["b"] = 1;
  json["a"] = {true, "x"};
  json["deps"] = nlohmann::ordered_json::array({{"accounts", "0001_initial"}});
  json["ops"] =
      nlohmann::ordered_json::array({{{"op", "RunSQL"}, {"sql", nlohmann::ordered_json::array()}}});
  json["none"] = nlohmann::ordered_json::object();
  EXPECT_EQ(format_json(json),
            "{\n"
            "  \"b\": 1,\n"
            "  \"a\": [true, \"x\"],\n"
            "  \"deps\": [\n"
            "    [\"accounts\", \"0001_initial\"]\n"
            "  ],\n"
            "  \"ops\": [\n"
            "    {\n"
            "      \"op\": \"RunSQL\",\n"
            "      \"sql\": []\n"
            "    }\n"
            "  ],\n"
            "  \"none\": {}\n"
            "}\n");
}

// Both ways of writing a file: a user's file, and a cache, which replace_cache_file removes
// before renaming the new one into place.
TEST(JsonFile, AtomicWriteAndCacheReplacementReplaceTheWholeFile) {
  for (auto write : {write_file_atomically, replace_cache_file}) {
    test::TempDir dir;
    auto path = dir.path() / "x.json";
    write(path, "first, longer text\n");
    write(path, "second\n");
    EXPECT_EQ(test::read_file(path), "second\n");
    std::vector<std::filesystem::path> left;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
      left.push_back(entry.path());
    EXPECT_EQ(left, std::vector<std::filesystem::path>{path});  // no temporary file left
  }
}

// The system's reason, not a guess at it ("check the folder's permissions" for a long name).
TEST(JsonFile, AFailedWriteSaysWhy) {
  test::TempDir dir;
  try {
    write_file_atomically(dir.path() / (std::string(300, 'a') + ".json"), "{}\n");
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(": cannot write the file: File name too long"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace dbmig
