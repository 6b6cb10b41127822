#include "dbmig/json_file.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <system_error>

#include "dbmig/error.hpp"
#include "file_stamp.hpp"

namespace dbmig {

namespace {

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

[[noreturn]] void throw_not_json(const std::string& file, const std::string& text, std::size_t byte,
                                 const std::string& what) {
  throw InputError(file + ":" + line_and_column(text, byte) + ": not valid JSON: " + what +
                   "; fix the file (or restore it from version control)");
}

}  // namespace

nlohmann::json parse_json_text(const std::string& text, const std::string& file) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: ".
    if (auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
    throw_not_json(file, text, e.byte, what);
  } catch (const nlohmann::json::out_of_range& e) {
    // A number too big for a double: "[json.exception.out_of_range.406] number overflow
    // parsing '1e999'", without a position; the number's first occurrence gives one.
    std::string what = e.what();
    what = what.substr(what.find("] ") + 2);
    auto quote = what.find('\'');
    std::string number = what.substr(quote + 1, what.size() - quote - 2);
    throw_not_json(file, text, text.find(number) + 1, what);
  }
}

nlohmann::json read_json_file(const std::filesystem::path& path, const std::string& shown_name) {
  auto text = read_file_bytes(path);
  if (!text)
    throw InputError(shown_name + ": cannot read the file; check that it exists and is readable");
  return parse_json_text(*text, shown_name);
}

namespace {

bool is_container(const nlohmann::ordered_json& json) {
  return json.is_object() || json.is_array();
}

// Objects, and arrays that hold objects or arrays, get one member per line; arrays of plain
// values stay on one line (["accounts", "0001_initial"]), so migration files stay short and
// their diffs clear.
void append_json(const nlohmann::ordered_json& json, const std::string& indent, std::string& out) {
  if (!is_container(json) || json.empty()) {
    out += json.dump();
    return;
  }
  if (json.is_array() && std::none_of(json.begin(), json.end(), is_container)) {
    out += "[";
    for (auto it = json.begin(); it != json.end(); ++it)
      out += (it == json.begin() ? "" : ", ") + it->dump();
    out += "]";
    return;
  }
  std::string inner = indent + "  ";
  out += json.is_object() ? "{\n" : "[\n";
  for (auto it = json.begin(); it != json.end(); ++it) {
    out += (it == json.begin() ? "" : ",\n") + inner;
    if (json.is_object()) out += nlohmann::ordered_json(it.key()).dump() + ": ";
    append_json(*it, inner, out);
  }
  out += "\n" + indent + (json.is_object() ? "}" : "]");
}

}  // namespace

std::string format_json(const nlohmann::ordered_json& json) {
  std::string out;
  append_json(json, "", out);
  return out + "\n";
}

void write_file_atomically(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::path temporary = temporary_path_beside(path);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out)
      throw InputError(path.string() + ": cannot write the file; check the folder's permissions");
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    throw InputError(path.string() + ": cannot write the file; check the folder's permissions");
  }
}

std::filesystem::path temporary_path_beside(const std::filesystem::path& path) {
  std::filesystem::path temporary = path;
  temporary += "." + std::to_string(getpid()) + ".tmp";
  return temporary;
}

std::string json_error(const std::string& file, const std::string& json_path,
                       const std::string& message) {
  return file + ": " + json_path + ": " + message;
}

}  // namespace dbmig
