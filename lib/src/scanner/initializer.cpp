#include "scanner/initializer.hpp"

#include <limits>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "scanner/annotation_parser.hpp"
#include "scanner/translation_unit.hpp"

namespace dbmig::scanner {

namespace {

struct Token {
  CXTokenKind kind;
  std::string text;
};

std::vector<Token> tokens_of(CXTranslationUnit unit, CXCursor cursor) {
  CXToken* tokens = nullptr;
  unsigned count = 0;
  clang_tokenize(unit, clang_getCursorExtent(cursor), &tokens, &count);
  std::vector<Token> result;
  for (unsigned i = 0; i < count; ++i)
    result.push_back(
        {clang_getTokenKind(tokens[i]), to_string(clang_getTokenSpelling(unit, tokens[i]))});
  clang_disposeTokens(unit, tokens, count);
  return result;
}

CXCursor last_expression_child(CXCursor cursor) {
  CXCursor found = clang_getNullCursor();
  clang_visitChildren(
      cursor,
      [](CXCursor child, CXCursor, CXClientData data) {
        if (clang_isExpression(clang_getCursorKind(child))) *static_cast<CXCursor*>(data) = child;
        return CXChildVisit_Continue;
      },
      &found);
  return found;
}

enum class Shape { string, boolean, nullopt, expression };

bool is_punctuation(const Token& token, const char* text) {
  return token.kind == CXToken_Punctuation && token.text == text;
}

Shape shape_of(const std::vector<Token>& tokens) {
  bool all_strings = true;  // tokens is not empty
  for (const auto& token : tokens)
    all_strings = all_strings && token.kind == CXToken_Literal && token.text.back() == '"';
  if (all_strings) return Shape::string;
  if (tokens.size() == 1 && tokens[0].kind == CXToken_Keyword &&
      (tokens[0].text == "true" || tokens[0].text == "false"))
    return Shape::boolean;
  if (tokens.back().text == "nullopt" && tokens.size() <= 3) return Shape::nullopt;
  return Shape::expression;
}

// The one expression under a wrapper clang reports without detail (an implicit conversion,
// a converting constructor such as std::optional's, braces), or a null cursor.
CXCursor wrapped_expression(CXCursor cursor) {
  CXCursorKind kind = clang_getCursorKind(cursor);
  if (kind != CXCursor_UnexposedExpr && kind != CXCursor_CallExpr && kind != CXCursor_InitListExpr)
    return clang_getNullCursor();
  struct Children {
    CXCursor last = clang_getNullCursor();
    unsigned count = 0;
  } children;
  clang_visitChildren(
      cursor,
      [](CXCursor child, CXCursor, CXClientData data) {
        auto* seen = static_cast<Children*>(data);
        seen->last = child;
        ++seen->count;
        return CXChildVisit_Continue;
      },
      &children);
  if (children.count != 1 || !clang_isExpression(clang_getCursorKind(children.last)))
    return clang_getNullCursor();
  return children.last;
}

// The text of adjacent plain string literals ("a" "b"), or nullopt for prefixed ones.
std::optional<std::string> string_value(const std::vector<Token>& tokens) {
  std::string text;
  for (const auto& token : tokens) {
    if (token.text.size() < 2 || token.text.front() != '"') return std::nullopt;
    text += unescape(std::string_view(token.text).substr(1, token.text.size() - 2));
  }
  return text;
}

std::optional<Literal> evaluate(CXCursor expression, Shape shape) {
  CXEvalResult result = clang_Cursor_Evaluate(expression);
  if (!result) return std::nullopt;
  std::optional<Literal> value;
  switch (clang_EvalResult_getKind(result)) {
    case CXEval_Int:
      if (shape == Shape::boolean)
        value = clang_EvalResult_getAsLongLong(result) != 0;
      else if (clang_EvalResult_isUnsignedInt(result))
        value = integer_literal(static_cast<std::uint64_t>(clang_EvalResult_getAsUnsigned(result)));
      else
        value = integer_literal(static_cast<std::int64_t>(clang_EvalResult_getAsLongLong(result)));
      break;
    case CXEval_Float:
      value = clang_EvalResult_getAsDouble(result);
      break;
    case CXEval_StrLiteral:
      value = std::string(clang_EvalResult_getAsStr(result));
      break;
    default:
      break;
  }
  clang_EvalResult_dispose(result);
  return value;
}

}  // namespace

Literal integer_literal(std::int64_t value) {
  return value;
}

Literal integer_literal(std::uint64_t value) {
  if (value <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
    return static_cast<std::int64_t>(value);
  return value;
}

Initializer read_initializer(CXTranslationUnit unit, CXCursor field) {
  CXCursor expression = last_expression_child(field);
  if (clang_Cursor_isNull(expression)) return {};
  std::vector<Token> tokens = tokens_of(unit, expression);
  std::string text = join(tokens, " ", &Token::text);
  if (tokens.size() >= 2 && is_punctuation(tokens.front(), "{") &&
      is_punctuation(tokens.back(), "}")) {
    if (tokens.size() == 2) return {};  // `{}`: value-initialized, no column default
    tokens = std::vector<Token>(tokens.begin() + 1, tokens.end() - 1);
  }
  // No tokens: the initializer comes from a macro; clang evaluates it like any expression.
  Shape shape = tokens.empty() ? Shape::expression : shape_of(tokens);
  if (shape == Shape::nullopt) return {};
  // Numbers, enum constants and other constant expressions are whatever clang evaluates them
  // to; anything it cannot evaluate (a function call, a variable) is no column default.
  std::optional<Literal> value;
  if (shape == Shape::string) {
    if (auto text = string_value(tokens)) value = *text;
  } else {
    // Innermost first: `std::uint8_t small = 300;` is 300 as written, not 44 after the
    // implicit conversion, so the range check can report it.
    std::vector<CXCursor> levels;
    for (CXCursor level = expression; !clang_Cursor_isNull(level);
         level = wrapped_expression(level))
      levels.push_back(level);
    for (auto level = levels.rbegin(); !value && level != levels.rend(); ++level)
      value = evaluate(*level, shape);
  }
  if (!value) return {Initializer::Kind::not_literal, std::nullopt, text};
  return {Initializer::Kind::literal, value, text};
}

}  // namespace dbmig::scanner
