// String options read their C escapes the way the C++ compiler reads a string literal, so a
// `\x` or octal escape reaches the schema as the byte it stands for (and the limits see it).
#include "scanner/annotation_parser.hpp"

#include <gtest/gtest.h>

namespace dbmig::scanner {
namespace {

std::string string_option(std::string_view text) {
  ParsedOptions parsed = parse_options(text);
  EXPECT_EQ(parsed.error, "") << text;
  if (parsed.options.size() != 1 || !parsed.options[0].value) return "<not one value>";
  EXPECT_EQ(parsed.options[0].value->kind, OptionValue::Kind::string);
  return parsed.options[0].value->text;
}

TEST(AnnotationParser, StringOptionsReadEveryCEscape) {
  EXPECT_EQ(string_option(R"(comment = "plain")"), "plain");
  EXPECT_EQ(string_option(R"(comment = "tab\there\nline")"), "tab\there\nline");
  EXPECT_EQ(string_option(R"(comment = "say \"hi\" \\ done")"), "say \"hi\" \\ done");
  EXPECT_EQ(string_option(R"(table = "caf\xc3\xa9")"), "caf\xc3\xa9");
  EXPECT_EQ(string_option(R"(table = "blogs\xff")"), "blogs\xff");
  EXPECT_EQ(string_option(R"(table = "\101\102")"), "AB");
  EXPECT_EQ(string_option(R"(table = "a\0b")"), std::string("a\0b", 3));
}

TEST(AnnotationParser, AnEscapedQuoteDoesNotEndTheString) {
  ParsedOptions parsed = parse_options(R"(comment = "a\"b", unique)");
  ASSERT_EQ(parsed.options.size(), 2u);
  EXPECT_EQ(parsed.options[0].value->text, "a\"b");
  EXPECT_EQ(parsed.options[1].name, "unique");
  EXPECT_NE(parse_options(R"(comment = "open\")").error, "");
}

}  // namespace
}  // namespace dbmig::scanner
