// What the JSON readers refuse before any dbmig reader sees the document, each with a location:
// deep nesting, a key given twice, a NUL character, a number beyond a double, a file too big.
#include <gtest/gtest.h>

#include "dbmig/error.hpp"
#include "dbmig/json_file.hpp"
#include "test_support.hpp"

namespace dbmig {

namespace {

namespace fs = std::filesystem;

// The message parse_json_text throws for `text`, or "" when it parses.
std::string parse_error(const std::string& text) {
  try {
    parse_json_text(text, "m.json");
    return "";
  } catch (const InputError& e) {
    return e.what();
  }
}

}  // namespace

TEST(JsonParse, NestingIsBoundedAtItsLineAndColumn) {
  auto nested = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  EXPECT_EQ(parse_error(nested(kMaxJsonDepth)), "");
  EXPECT_EQ(parse_error("\n " + nested(kMaxJsonDepth + 1)),
            "m.json:2:66: nested deeper than 64 levels; no dbmig file needs that many, so the "
            "file is damaged");
  // Brackets inside strings do not count.
  EXPECT_EQ(parse_error("[\"[[[[\\\"[[\", " + nested(kMaxJsonDepth - 1) + "]"), "");
  EXPECT_NE(parse_error(nested(1'000'000)).find("m.json:1:65: nested deeper"), std::string::npos);
}

TEST(JsonParse, AKeyGivenTwiceIsRefusedAtItsPath) {
  EXPECT_EQ(parse_error(R"({"a": [{"op": 1, "x": {}, "op": 2}]})"),
            "m.json: $.a[0].op: the key \"op\" appears twice in this object; keep one of them");
  EXPECT_EQ(parse_error(R"([{"op": 1}, {"op": 2}])"), "");
}

TEST(JsonParse, ANulCharacterIsRefusedAtItsPath) {
  for (const auto& [text, path] : std::vector<std::pair<std::string, std::string>>{
           {R"({"name": "a\u0000b"})", "$.name"},
           {R"([1, [2, "\u0000"]])", "$[1][1]"},
           {R"({"k\u0000": 1})", "$.k\\u0000"},
       }) {
    std::string message = parse_error(text);
    EXPECT_TRUE(message.starts_with("m.json: " + path + ": contains \\u0000")) << message;
  }
}

TEST(JsonParse, ANumberBeyondADoubleIsRefusedAtItsPositionAndPath) {
  EXPECT_EQ(parse_error("{\"a\": {\"b\": [1, 1e400]}}"),
            "m.json:1:17: $.a.b[1]: the number 1e400 is out of range; write a number between "
            "-1e308 and 1e308");
  std::string message = parse_error("[" + std::string(5000, '7') + "]");
  EXPECT_TRUE(message.starts_with("m.json:1:2: $[0]: the number " + std::string(40, '7') +
                                  "... is out of range"))
      << message.substr(0, 200);
  EXPECT_EQ(parse_error("[1e308, -1e308, 18446744073709551615, -9223372036854775808]"), "");
}

TEST(JsonParse, ValuesComeBackAsNlohmannReadsThem) {
  std::string text = R"({"a": [1, -2, 3.5, "x", true, null, {"b": []}], "c": {}})";
  EXPECT_EQ(parse_json_text(text, "m.json"), nlohmann::json::parse(text));
}

TEST(JsonParse, AFolderOrAnOversizedFileIsRefused) {
  test::TempDir dir;
  fs::create_directory(dir.path() / "dbmig.json");
  EXPECT_THROW(
      {
        try {
          read_json_file(dir.path() / "dbmig.json", "dbmig.json");
        } catch (const InputError& e) {
          EXPECT_STREQ(e.what(), "dbmig.json: is a folder, not a file; remove or rename it");
          throw;
        }
      },
      InputError);
  fs::path big = dir.path() / "big.json";
  test::write_file(big, "[]");
  fs::resize_file(big, kMaxJsonFileBytes + 1);  // sparse: nothing is written
  try {
    read_json_file(big, "big.json");
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_TRUE(
        std::string(e.what()).starts_with("big.json: is 67108865 bytes, more than the 64 "
                                          "MiB"))
        << e.what();
  }
}

}  // namespace dbmig
