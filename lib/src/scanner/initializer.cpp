#include "scanner/initializer.hpp"

#include <limits>
#include <string>
#include <vector>

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

std::string joined(const std::vector<Token>& tokens) {
  std::string text;
  for (const auto& token : tokens) text += (text.empty() ? "" : " ") + token.text;
  return text;
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

bool is_wrapper(CXCursorKind kind) {
  return kind == CXCursor_InitListExpr || kind == CXCursor_UnexposedExpr ||
         kind == CXCursor_CallExpr;
}

// The single expression a wrapper (braces, an implicit conversion, a converting constructor)
// holds, or a null cursor.
CXCursor wrapped_expression(CXCursor cursor) {
  struct Children {
    CXCursor last = clang_getNullCursor();
    unsigned count = 0;
  };
  if (!is_wrapper(clang_getCursorKind(cursor))) return clang_getNullCursor();
  Children children;
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

enum class Shape { string, number, boolean, named_constant, nullopt, other };

bool is_punctuation(const Token& token, const char* text) {
  return token.kind == CXToken_Punctuation && token.text == text;
}

Shape shape_of(const std::vector<Token>& tokens) {
  if (tokens.empty()) return Shape::other;
  bool all_strings = true;
  for (const auto& token : tokens)
    all_strings = all_strings && token.kind == CXToken_Literal && token.text.back() == '"';
  if (all_strings) return Shape::string;
  std::size_t first = (is_punctuation(tokens[0], "-") || is_punctuation(tokens[0], "+")) ? 1 : 0;
  if (tokens.size() == first + 1 && tokens[first].kind == CXToken_Literal) return Shape::number;
  if (tokens.size() == 1 && tokens[0].kind == CXToken_Keyword &&
      (tokens[0].text == "true" || tokens[0].text == "false"))
    return Shape::boolean;
  for (const auto& token : tokens)
    if (token.kind != CXToken_Identifier && !is_punctuation(token, "::")) return Shape::other;
  if (tokens.back().text == "nullopt") return Shape::nullopt;
  return Shape::named_constant;
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
  std::string text = joined(tokens);
  if (tokens.size() >= 2 && is_punctuation(tokens.front(), "{") &&
      is_punctuation(tokens.back(), "}"))
    tokens = std::vector<Token>(tokens.begin() + 1, tokens.end() - 1);
  if (tokens.empty()) return {};  // `{}`: value-initialized, no column default
  Shape shape = shape_of(tokens);
  if (shape == Shape::nullopt) return {};
  if (shape == Shape::other) return {Initializer::Kind::not_literal, std::nullopt, text};
  std::optional<Literal> value;
  for (CXCursor level = expression; !value && !clang_Cursor_isNull(level);
       level = wrapped_expression(level))
    value = evaluate(level, shape);
  if (!value) return {Initializer::Kind::not_literal, std::nullopt, text};
  return {Initializer::Kind::literal, value, text};
}

}  // namespace dbmig::scanner
