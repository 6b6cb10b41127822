#include "dbmig/check_expression.hpp"

#include <cctype>
#include <optional>
#include <set>
#include <vector>

namespace dbmig {

// The normalization removes only what the databases change in an expression's spelling:
//  - identifiers unquoted ("x" for SQLite and PostgreSQL, `x` for MariaDB), and everything but
//    string literals in lower case (keywords, names);
//  - the implicit casts PostgreSQL prints dropped: ''::text, (0)::numeric, (title)::text on a
//    varchar column; a negative or big number it prints quoted ('-128'::integer) becomes the
//    number;
//  - != spelled <> (PostgreSQL prints <>);
//  - `a BETWEEN b AND c` of single tokens spelled `a >= b AND a <= c`, as PostgreSQL stores it;
//  - parentheses that cannot change the meaning dropped: around one token, around the whole
//    expression, and around an operand of AND, OR or NOT that has no AND or OR of its own
//    (PostgreSQL parenthesizes every comparison);
//  - whitespace: tokens joined by one space.
// What a database rewrites beyond this still differs and is reported, so the checks the
// catalog tests run avoid it: MariaDB prints length() as octet_length(), PostgreSQL turns
// `x IN (1, 2)` into `x = ANY (ARRAY[1, 2])`.

namespace {

using Tokens = std::vector<std::string>;

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

std::string lower(std::string value) {
  for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return value;
}

// The end of a quoted run starting at `start` (a doubled quote is one quote character).
std::size_t closing_quote(std::string_view sql, std::size_t start) {
  char quote = sql[start];
  std::size_t end = start + 1;
  for (; end < sql.size(); ++end) {
    if (sql[end] != quote) continue;
    if (end + 1 < sql.size() && sql[end + 1] == quote) {
      ++end;
      continue;
    }
    break;
  }
  return end;
}

Tokens tokens_of(std::string_view sql) {
  static const std::set<std::string> pairs{">=", "<=", "<>", "!=", "||", "::"};
  Tokens tokens;
  std::size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '\'' || c == '"' || c == '`') {
      std::size_t end = closing_quote(sql, i);
      std::string token(sql.substr(i, end + 1 - i));
      tokens.push_back(c == '\'' ? token : lower(token.substr(1, token.size() - 2)));
      i = end + 1;
    } else if (is_word_char(c)) {
      std::size_t end = i;
      while (end < sql.size() && is_word_char(sql[end])) ++end;
      tokens.push_back(lower(std::string(sql.substr(i, end - i))));
      i = end;
    } else {
      std::string pair(sql.substr(i, 2));
      std::size_t length = pairs.count(pair) ? 2 : 1;
      tokens.push_back(std::string(sql.substr(i, length)));
      i += length;
    }
  }
  return tokens;
}

bool is_number(const std::string& token) {
  std::size_t digits = token[0] == '-' ? 1 : 0;
  return token.size() > digits && std::isdigit(static_cast<unsigned char>(token[digits]));
}

bool is_keyword(const std::string& token) {
  static const std::set<std::string> keywords{"and", "or", "not", "between", "in", "is", "like"};
  return keywords.count(token) > 0;
}

// An operand ends here: a minus after it subtracts rather than negates.
bool ends_operand(const std::string& token) {
  return token == ")" || token[0] == '\'' || (is_word_char(token[0]) && !is_keyword(token));
}

Tokens with_negative_numbers(const Tokens& tokens) {
  Tokens result;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    bool negation = tokens[i] == "-" && i + 1 < tokens.size() && is_number(tokens[i + 1]) &&
                    (result.empty() || !ends_operand(result.back()));
    if (negation)
      result.push_back("-" + tokens[++i]);
    else
      result.push_back(tokens[i]);
  }
  return result;
}

Tokens without_literal_casts(const Tokens& tokens) {
  static const std::set<std::string> type_words{
      "text",    "bigint",    "integer", "smallint",  "numeric",   "real",
      "double",  "precision", "boolean", "date",      "timestamp", "with",
      "without", "time",      "zone",    "character", "varying"};
  static const std::set<std::string> numeric_types{"bigint", "integer", "smallint", "numeric"};
  Tokens result;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i] != "::" || result.empty()) {
      result.push_back(tokens[i]);
      continue;
    }
    std::size_t type = i + 1;
    while (type < tokens.size() && type_words.count(tokens[type])) ++type;
    if (type == i + 1) {  // a type this list does not know: kept
      result.push_back(tokens[i]);
      continue;
    }
    std::string& literal = result.back();
    if (numeric_types.count(tokens[i + 1]) && literal.size() > 2 && literal[0] == '\'' &&
        is_number(literal.substr(1, literal.size() - 2)))
      literal = literal.substr(1, literal.size() - 2);
    i = type - 1;
  }
  return result;
}

Tokens with_between_spelled_out(const Tokens& tokens) {
  Tokens result;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    bool simple = tokens[i] == "between" && !result.empty() && result.back() != ")" &&
                  !is_keyword(result.back()) && i + 3 < tokens.size() && tokens[i + 2] == "and" &&
                  tokens[i + 1] != "(" && tokens[i + 3] != "(" &&
                  (i + 4 == tokens.size() || tokens[i + 4] != "(");
    if (!simple) {
      result.push_back(tokens[i]);
      continue;
    }
    std::string operand = result.back();
    result.insert(result.end(), {">=", tokens[i + 1], "and", operand, "<=", tokens[i + 3]});
    i += 3;
  }
  return result;
}

// The index of the parenthesis closing the one at `open`, or tokens.size().
std::size_t closing_parenthesis(const Tokens& tokens, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < tokens.size(); ++i) {
    if (tokens[i] == "(") ++depth;
    if (tokens[i] == ")" && --depth == 0) return i;
  }
  return tokens.size();
}

bool has_top_level_and_or(const Tokens& tokens, std::size_t open, std::size_t close) {
  int depth = 0;
  for (std::size_t i = open + 1; i < close; ++i) {
    if (tokens[i] == "(") ++depth;
    if (tokens[i] == ")") --depth;
    if (depth == 0 && (tokens[i] == "and" || tokens[i] == "or")) return true;
  }
  return false;
}

bool redundant_parentheses(const Tokens& tokens, std::size_t open, std::size_t close) {
  if (close == open + 2)  // not f(x) nor IN (x)
    return open == 0 || (!ends_operand(tokens[open - 1]) && tokens[open - 1] != "in");
  if (open == 0 && close + 1 == tokens.size()) return true;
  auto and_or = [](const std::string& token) { return token == "and" || token == "or"; };
  bool before =
      open == 0 || tokens[open - 1] == "(" || tokens[open - 1] == "not" || and_or(tokens[open - 1]);
  bool after = close + 1 == tokens.size() || tokens[close + 1] == ")" || and_or(tokens[close + 1]);
  return before && after && !has_top_level_and_or(tokens, open, close);
}

// The first pair of parentheses that can go, as the index of its opening one.
std::optional<std::size_t> redundant_pair(const Tokens& tokens) {
  for (std::size_t open = 0; open < tokens.size(); ++open) {
    if (tokens[open] != "(") continue;
    std::size_t close = closing_parenthesis(tokens, open);
    if (close < tokens.size() && redundant_parentheses(tokens, open, close)) return open;
  }
  return std::nullopt;
}

// One pair at a time: removing a pair can make the one around it redundant.
Tokens without_redundant_parentheses(Tokens tokens) {
  while (auto open = redundant_pair(tokens)) {
    tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(closing_parenthesis(tokens, *open)));
    tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(*open));
  }
  return tokens;
}

}  // namespace

std::string normalized_check(std::string_view expression) {
  Tokens tokens = without_literal_casts(with_negative_numbers(tokens_of(expression)));
  if (!tokens.empty() && tokens[0] == "check") tokens.erase(tokens.begin());
  for (auto& token : tokens)
    if (token == "!=") token = "<>";
  tokens = without_redundant_parentheses(with_between_spelled_out(tokens));
  std::string result;
  for (const auto& token : tokens) result += (result.empty() ? "" : " ") + token;
  return result;
}

}  // namespace dbmig
