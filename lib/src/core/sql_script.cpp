#include "dbmig/sql_script.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "dbmig/error.hpp"

namespace dbmig {

namespace {

// Where an offset of the script is, for messages: "line 2, column 7".
std::string location(std::string_view text, std::size_t offset) {
  auto line = 1 + std::count(text.begin(), text.begin() + offset, '\n');
  std::size_t line_start = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  std::size_t column = line_start == std::string_view::npos ? offset + 1 : offset - line_start;
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Thrown while reading; split_sql_script turns it into the InputError.
struct ScriptProblem {
  std::string what;  // "the ' quote opened at line 1, column 3 is never closed"
  std::string fix;
};

bool is_word_char(char c) {
  auto byte = static_cast<unsigned char>(c);
  return std::isalnum(byte) || c == '_' || c == '$' || byte >= 0x80;
}

bool is_word_start(char c) {
  return is_word_char(c) && c != '$';
}

std::string upper(std::string_view word) {
  std::string text(word);
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

struct Token {
  enum Kind { word, symbol, quoted, end } kind;
  std::size_t begin;
  std::string_view text;
};

// Reads tokens, skipping whitespace and comments and keeping each quoted string, quoted
// identifier and dollar-quoted body whole, by the rules of one dialect.
class Lexer {
 public:
  Lexer(std::string_view text, Dialect dialect) : text_(text), dialect_(dialect) {}

  Token next() {
    skip_space_and_comments();
    if (pos_ >= text_.size()) return {Token::end, pos_, {}};
    std::size_t begin = pos_;
    char c = text_[pos_];
    if (auto close = closing_quote(c)) {
      skip_quoted(*close, backslash_escapes(c, begin));
      return {Token::quoted, begin, text_.substr(begin, pos_ - begin)};
    }
    if (c == '$' && dialect_ == Dialect::postgresql && skip_dollar_quoted())
      return {Token::quoted, begin, text_.substr(begin, pos_ - begin)};
    if (is_word_start(c)) {
      while (pos_ < text_.size() && is_word_char(text_[pos_])) ++pos_;
      return {Token::word, begin, text_.substr(begin, pos_ - begin)};
    }
    ++pos_;
    return {Token::symbol, begin, text_.substr(begin, 1)};
  }

 private:
  char at(std::size_t offset) const { return offset < text_.size() ? text_[offset] : '\0'; }

  [[noreturn]] void never_closed(std::string_view opener, std::size_t begin) const {
    throw ScriptProblem{
        "the " + std::string(opener) + " opened at " + location(text_, begin) + " is never closed",
        "close it, or give each statement its own string in the list"};
  }

  // MySQL needs whitespace after "--" ("--1" is minus minus one) and also takes '#'.
  bool at_line_comment() const {
    if (dialect_ == Dialect::mysql) {
      if (at(pos_) == '#') return true;
      char after = at(pos_ + 2);
      return at(pos_) == '-' && at(pos_ + 1) == '-' &&
             (after == '\0' || std::isspace(static_cast<unsigned char>(after)));
    }
    return at(pos_) == '-' && at(pos_ + 1) == '-';
  }

  void skip_space_and_comments() {
    while (pos_ < text_.size()) {
      if (std::isspace(static_cast<unsigned char>(text_[pos_]))) {
        ++pos_;
      } else if (at_line_comment()) {
        pos_ = std::min(text_.find('\n', pos_), text_.size());
      } else if (at(pos_) == '/' && at(pos_ + 1) == '*') {
        skip_block_comment();
      } else {
        return;
      }
    }
  }

  // PostgreSQL nests block comments; the others end at the first "*/".
  void skip_block_comment() {
    std::size_t begin = pos_;
    int depth = 0;
    while (pos_ < text_.size()) {
      if (at(pos_) == '/' && at(pos_ + 1) == '*' &&
          (depth == 0 || dialect_ == Dialect::postgresql)) {
        ++depth;
        pos_ += 2;
      } else if (at(pos_) == '*' && at(pos_ + 1) == '/') {
        pos_ += 2;
        if (--depth == 0) return;
      } else {
        ++pos_;
      }
    }
    never_closed("/* comment", begin);
  }

  std::optional<char> closing_quote(char c) const {
    if (c == '\'' || c == '"') return c;
    if (c == '`' && dialect_ != Dialect::postgresql) return c;
    if (c == '[' && dialect_ == Dialect::sqlite) return ']';
    return std::nullopt;
  }

  // MySQL strings ('...' and "...") and PostgreSQL E'...' strings take backslash escapes.
  bool backslash_escapes(char quote, std::size_t begin) const {
    if (dialect_ == Dialect::mysql) return quote == '\'' || quote == '"';
    return dialect_ == Dialect::postgresql && quote == '\'' && begin > 0 &&
           (text_[begin - 1] == 'E' || text_[begin - 1] == 'e') &&
           (begin == 1 || !is_word_char(text_[begin - 2]));
  }

  // A doubled closing quote stands for the quote itself.
  void skip_quoted(char close, bool backslash) {
    std::size_t begin = pos_++;
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (backslash && c == '\\') {
        ++pos_;
      } else if (c == close) {
        if (at(pos_) != close || close == ']') return;
        ++pos_;
      }
    }
    std::string quote(1, text_[begin]);
    never_closed(quote + (close == ']' ? "...]" : " quote"), begin);
  }

  // $$...$$ or $tag$...$tag$; false (nothing read) when the '$' starts no such quote ($1).
  bool skip_dollar_quoted() {
    std::size_t tag_end = pos_ + 1;
    if (tag_end < text_.size() && text_[tag_end] != '$') {
      if (!is_word_start(text_[tag_end]) ||
          std::isdigit(static_cast<unsigned char>(text_[tag_end])))
        return false;
      while (tag_end < text_.size() && is_word_char(text_[tag_end]) && text_[tag_end] != '$')
        ++tag_end;
    }
    if (at(tag_end) != '$') return false;
    std::string_view tag = text_.substr(pos_, tag_end + 1 - pos_);
    std::size_t close = text_.find(tag, tag_end + 1);
    if (close == std::string_view::npos) never_closed(std::string(tag) + " quote", pos_);
    pos_ = close + tag.size();
    return true;
  }

  std::string_view text_;
  Dialect dialect_;
  std::size_t pos_ = 0;
};

// What one statement has shown so far: enough to know whether a ';' ends it.
class StatementTracker {
 public:
  void add(const Token& token, std::string_view text) {
    if (token.kind == Token::word) return add_word(upper(token.text), token.begin, text);
    close_pending_end();
    if (token.kind != Token::symbol) return;
    if (token.text == "(" && parens_++ == 0) paren_at_ = token.begin;
    if (token.text == ")" && parens_ > 0) --parens_;
  }

  // Inside parentheses (PostgreSQL rules: DO (INSERT ...; UPDATE ...)) or a routine's body, a
  // ';' separates the statements within and does not end this one.
  bool ended_by_semicolon() {
    close_pending_end();
    return parens_ == 0 && (!routine_ || blocks_ == 0);
  }

  // Throws when the script ends inside this statement.
  void finish(std::string_view text) {
    close_pending_end();
    if (parens_ > 0)
      throw ScriptProblem{"the ( opened at " + location(text, paren_at_) + " is never closed",
                          "close it, or give each statement its own string in the list"};
    if (routine_ && blocks_ > 0)
      throw ScriptProblem{
          "the " + block_word_ + " at " + location(text, block_at_) + " has no matching END",
          "end the body with END"};
  }

 private:
  void add_word(const std::string& word, std::size_t begin, std::string_view text) {
    static constexpr std::array<std::string_view, 5> kEndsOfUncounted = {"IF", "LOOP", "WHILE",
                                                                         "REPEAT", "FOR"};
    if (first_words_.empty() && word == "DELIMITER")
      throw ScriptProblem{
          "DELIMITER at " + location(text, begin) + " is a command of the mysql client, not SQL",
          "remove the DELIMITER lines and end each statement with ';' (a "
          "routine's BEGIN ... END stays one statement)"};
    if (first_words_.size() < 8) note_leading(word);
    if (after_end_) {
      after_end_ = false;
      // END IF/LOOP/WHILE/REPEAT/FOR close blocks that were not counted; END CASE closes one.
      if (std::find(kEndsOfUncounted.begin(), kEndsOfUncounted.end(), word) !=
          kEndsOfUncounted.end())
        return;
      close_block();
      if (word == "CASE") return;
    }
    if (word == "BEGIN" || word == "CASE") {
      if (blocks_++ == 0) {
        block_at_ = begin;
        block_word_ = word;
      }
    } else if (word == "END") {
      after_end_ = true;
    }
  }

  // A routine: CREATE [OR REPLACE] [DEFINER ...] TRIGGER/FUNCTION/PROCEDURE/EVENT, or a
  // MariaDB BEGIN NOT ATOMIC block.
  void note_leading(const std::string& word) {
    static constexpr std::array<std::string_view, 4> kRoutines = {"TRIGGER", "FUNCTION",
                                                                  "PROCEDURE", "EVENT"};
    first_words_.push_back(word);
    if (first_words_[0] == "CREATE" &&
        std::find(kRoutines.begin(), kRoutines.end(), word) != kRoutines.end())
      routine_ = true;
    if (first_words_.size() == 3 && first_words_[0] == "BEGIN" && first_words_[1] == "NOT" &&
        word == "ATOMIC")
      routine_ = true;
  }

  void close_pending_end() {
    if (!after_end_) return;
    after_end_ = false;
    close_block();
  }

  void close_block() {
    if (blocks_ > 0) --blocks_;
  }

  std::vector<std::string> first_words_;
  bool routine_ = false;
  int parens_ = 0;
  std::size_t paren_at_ = 0;
  int blocks_ = 0;  // BEGIN and CASE not yet closed by END
  std::size_t block_at_ = 0;
  std::string block_word_;
  bool after_end_ = false;
};

// The part of a script between two ';' that end statements.
struct Part {
  std::size_t begin = 0;
  std::size_t end = 0;  // of its last token: a trailing comment would swallow the ';' that
                        // sqlmigrate appends
  bool has_tokens = false;
};

// The statement of `part` without leading whitespace; nothing when it holds only comments.
void add_statement(std::vector<std::string>& statements, std::string_view text, const Part& part) {
  if (!part.has_tokens) return;
  std::string_view statement = text.substr(part.begin, part.end - part.begin);
  statements.emplace_back(statement.substr(statement.find_first_not_of(" \t\r\n\f\v")));
}

}  // namespace

std::vector<std::string> split_sql_script(std::string_view script, Dialect dialect) {
  std::vector<std::string> statements;
  try {
    Lexer lexer(script, dialect);
    StatementTracker statement;
    Part part;
    for (Token token = lexer.next(); token.kind != Token::end; token = lexer.next()) {
      if (token.kind == Token::symbol && token.text == ";" && statement.ended_by_semicolon()) {
        add_statement(statements, script, part);
        part = Part{token.begin + 1};
        statement = StatementTracker{};
        continue;
      }
      part.end = token.begin + token.text.size();
      part.has_tokens = true;
      statement.add(token, script);
    }
    statement.finish(script);
    add_statement(statements, script, part);
  } catch (const ScriptProblem& problem) {
    throw InputError("cannot be split into statements for " + std::string(to_string(dialect)) +
                     ": " + problem.what + "; " + problem.fix);
  }
  return statements;
}

std::vector<std::string> leading_keywords(std::string_view statement, Dialect dialect,
                                          std::size_t count) {
  std::vector<std::string> words;
  Lexer lexer(statement, dialect);
  try {
    for (Token token = lexer.next(); token.kind == Token::word && words.size() < count;
         token = lexer.next())
      words.push_back(upper(token.text));
  } catch (const ScriptProblem&) {
    // An unclosed quote after the leading words ends them.
  }
  return words;
}

}  // namespace dbmig
