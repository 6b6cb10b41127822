#include "db/backends/sqlite/sqlite_table_sql.hpp"

#include <algorithm>
#include <cctype>

namespace dbmig::backends {

namespace {

struct Token {
  enum class Kind { word, identifier, string, symbol };
  Kind kind;
  std::size_t begin;
  std::size_t end;
};

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The end of the quoted run opening at `begin` (closed by `close`, which doubled stands for
// itself), just past the closing quote.
std::size_t quoted_end(std::string_view sql, std::size_t begin, char close) {
  for (std::size_t i = begin + 1; i < sql.size(); ++i) {
    if (sql[i] != close) continue;
    if (close != ']' && i + 1 < sql.size() && sql[i + 1] == close) {
      ++i;
      continue;
    }
    return i + 1;
  }
  return sql.size();
}

// The end of the comment starting at `begin`, or `begin` when none starts there.
std::size_t comment_end(std::string_view sql, std::size_t begin) {
  if (sql.substr(begin, 2) == "--") {
    std::size_t newline = sql.find('\n', begin);
    return newline == std::string_view::npos ? sql.size() : newline + 1;
  }
  if (sql.substr(begin, 2) == "/*") {
    std::size_t close = sql.find("*/", begin + 2);
    return close == std::string_view::npos ? sql.size() : close + 2;
  }
  return begin;
}

std::vector<Token> tokens_of(std::string_view sql) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (std::size_t end = comment_end(sql, i); end != i) {
      i = end;
    } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
      std::size_t end_of_quote = quoted_end(sql, i, c == '[' ? ']' : c);
      tokens.push_back(
          {c == '\'' ? Token::Kind::string : Token::Kind::identifier, i, end_of_quote});
      i = end_of_quote;
    } else if (is_word_char(c)) {
      std::size_t end_of_word = i;
      while (end_of_word < sql.size() && is_word_char(sql[end_of_word])) ++end_of_word;
      tokens.push_back({Token::Kind::word, i, end_of_word});
      i = end_of_word;
    } else {
      tokens.push_back({Token::Kind::symbol, i, i + 1});
      ++i;
    }
  }
  return tokens;
}

std::string upper(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return result;
}

// An identifier token without its quotes (doubled quotes undone).
std::string unquoted(std::string_view text) {
  if (text.empty() || is_word_char(text.front())) return std::string(text);
  char close = text.front() == '[' ? ']' : text.front();
  std::string name;
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    name += text[i];
    if (text[i] == close && close != ']') ++i;
  }
  return name;
}

class TableSqlReader {
 public:
  explicit TableSqlReader(std::string_view sql) : sql_(sql), tokens_(tokens_of(sql)) {}

  TableSql read() {
    TableSql table;
    int depth = 0;
    std::string pending_name;  // CONSTRAINT <name>, waiting for the constraint it names
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (is_symbol(i, '(')) ++depth;
      if (is_symbol(i, ')')) --depth;
      if (depth == 0 && is_keyword(i, "WITHOUT") && is_keyword(i + 1, "ROWID"))
        table.without_rowid = true;
      if (depth != 1) continue;
      if (is_keyword(i, "CONSTRAINT") && i + 1 < tokens_.size()) {
        pending_name = unquoted(text(i + 1));
        ++i;
      } else if (is_keyword(i, "CHECK") && is_symbol(i + 1, '(')) {
        std::size_t close = closing(i + 1);
        table.checks.push_back({pending_name, between(i + 1, close)});
        pending_name.clear();
        i = close;
      } else {
        pending_name.clear();
      }
    }
    return table;
  }

 private:
  std::string_view text(std::size_t i) const {
    return sql_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  bool is_symbol(std::size_t i, char symbol) const {
    return i < tokens_.size() && tokens_[i].kind == Token::Kind::symbol &&
           sql_[tokens_[i].begin] == symbol;
  }
  bool is_keyword(std::size_t i, std::string_view keyword) const {
    return i < tokens_.size() && tokens_[i].kind == Token::Kind::word && upper(text(i)) == keyword;
  }
  // The token closing the parenthesis at `open`.
  std::size_t closing(std::size_t open) const {
    int depth = 0;
    for (std::size_t i = open; i < tokens_.size(); ++i) {
      if (is_symbol(i, '(')) ++depth;
      if (is_symbol(i, ')') && --depth == 0) return i;
    }
    return tokens_.size() - 1;
  }
  // The text between two tokens, as written.
  std::string between(std::size_t open, std::size_t close) const {
    if (close <= open + 1) return "";
    std::size_t begin = tokens_[open + 1].begin;
    return std::string(sql_.substr(begin, tokens_[close - 1].end - begin));
  }

  std::string_view sql_;
  std::vector<Token> tokens_;
};

}  // namespace

TableSql parse_table_sql(std::string_view create_table) {
  return TableSqlReader(create_table).read();
}

}  // namespace dbmig::backends
