// Parsing the JSON files users write (migrations, dbmig.json, compile_commands.json) into a
// document, refusing what nlohmann would accept but dbmig cannot use, each with a location:
// nesting deeper than any dbmig file needs (it would overflow the stack of every recursive walk
// over the document), a key given twice in one object (nlohmann keeps the last, hiding the
// first), a NUL character (no database takes one in a name or in SQL text), a number too large
// for a double, and a syntax error.
#include "dbmig/error.hpp"
#include "dbmig/json_file.hpp"

namespace dbmig {

namespace {

using Json = nlohmann::json;

// nlohmann reports a byte offset; users want line and column.
std::string line_and_column(const std::string& text, std::size_t byte) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

// The offset just past the bracket that opens level `depth`, counting brackets outside strings;
// only called once the parser met that level, so it exists.
std::size_t offset_of_depth(const std::string& text, std::size_t depth) {
  std::size_t level = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++level == depth) return i + 1;
    } else if (c == ']' || c == '}') {
      --level;
    }
  }
  return text.size();
}

// A number of thousands of digits, shown without flooding the terminal.
std::string shortened(const std::string& token) {
  return token.size() <= 40 ? token : token.substr(0, 40) + "...";
}

// nlohmann's DOM builder plus the refusals above. Every value goes into the innermost open
// container, so the JSON path of the value being read is known at any point.
class DocumentBuilder final : public nlohmann::json_sax<Json> {
 public:
  DocumentBuilder(const std::string& text, const std::string& file) : text_(text), file_(file) {}

  Json take() { return std::move(root_); }

  bool null() override { return scalar(nullptr); }
  bool boolean(bool value) override { return scalar(value); }
  bool number_integer(number_integer_t value) override { return scalar(value); }
  bool number_unsigned(number_unsigned_t value) override { return scalar(value); }
  bool number_float(number_float_t value, const string_t&) override { return scalar(value); }
  bool string(string_t& value) override {
    refuse_nul(value, path());
    return scalar(std::move(value));
  }
  bool binary(binary_t& value) override { return scalar(std::move(value)); }
  bool start_object(std::size_t) override { return open(Json::object()); }
  bool start_array(std::size_t) override { return open(Json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& key) override {
    Open& object = open_.back();
    object.key = std::move(key);
    refuse_nul(object.key, path());
    if (object.value->contains(object.key))
      throw InputError(json_error(
          file_, path(),
          "the key \"" + object.key + "\" appears twice in this object; keep one of them"));
    return true;
  }

  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& error) override {
    if (error.id == 406)  // out_of_range.406: a number beyond a double's range; point at its start
      throw InputError(file_ + ":" + line_and_column(text_, position + 1 - token.size()) + ": " +
                       path() + ": the number " + shortened(token) +
                       " is out of range; write a number between -1e308 and 1e308");
    std::string what = error.what();
    // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: ".
    if (auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
    throw InputError(file_ + ":" + line_and_column(text_, position) + ": not valid JSON: " + what +
                     "; fix the file (or restore it from version control)");
  }

 private:
  struct Open {
    Json* value;
    std::string key;        // objects: the key of the value being read
    std::size_t count = 0;  // arrays: the index of the value being read
  };

  // "$.operations[2].field": where the value being read goes.
  std::string path() const {
    std::string path = "$";
    for (const auto& open : open_)
      path += open.value->is_array() ? "[" + std::to_string(open.count) + "]" : "." + open.key;
    return path;
  }

  void refuse_nul(const std::string& value, std::string where) const {
    if (value.find('\0') == std::string::npos) return;
    for (auto at = where.find('\0'); at != std::string::npos; at = where.find('\0', at))
      where.replace(at, 1, "\\u0000");  // a key holding one is shown as written
    throw InputError(json_error(file_, where,
                                "contains \\u0000 (a NUL character), which no database "
                                "accepts in a name or in SQL text; remove it"));
  }

  // Puts `value` where the path points; the caller moves past it once it is complete.
  Json* add(Json value) {
    if (open_.empty()) return &(root_ = std::move(value));
    Open& parent = open_.back();
    if (parent.value->is_object()) return &((*parent.value)[parent.key] = std::move(value));
    parent.value->push_back(std::move(value));
    return &parent.value->back();
  }

  // The next value of an array goes at the next index.
  void move_past_value() {
    if (!open_.empty() && open_.back().value->is_array()) ++open_.back().count;
  }

  bool scalar(Json value) {
    add(std::move(value));
    move_past_value();
    return true;
  }

  bool open(Json container) {
    if (open_.size() == kMaxJsonDepth)
      throw InputError(file_ + ":" +
                       line_and_column(text_, offset_of_depth(text_, open_.size() + 1)) +
                       ": nested deeper than " + std::to_string(kMaxJsonDepth) +
                       " levels; no dbmig file needs that many, so the file is damaged");
    open_.push_back({add(std::move(container)), {}, 0});
    return true;
  }

  bool close() {
    open_.pop_back();
    move_past_value();
    return true;
  }

  const std::string& text_;
  const std::string& file_;
  Json root_;
  std::vector<Open> open_;
};

}  // namespace

nlohmann::json parse_json_text(const std::string& text, const std::string& file) {
  DocumentBuilder builder(text, file);
  Json::sax_parse(text, &builder);
  return builder.take();
}

}  // namespace dbmig
