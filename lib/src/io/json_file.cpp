#include "dbmig/json_file.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include "cache/file_stamp.hpp"
#include "dbmig/error.hpp"

namespace dbmig {

nlohmann::json read_json_file(const std::filesystem::path& path, const std::string& shown_name) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw InputError(shown_name + ": is a folder, not a file; remove or rename it");
  auto size = std::filesystem::file_size(path, error);
  if (!error && size > kMaxJsonFileBytes)
    throw InputError(shown_name + ": is " + std::to_string(size) + " bytes, more than the " +
                     std::to_string(kMaxJsonFileBytes >> 20) +
                     " MiB dbmig reads from a JSON file; the file is damaged or not dbmig's");
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

// The system's reason ("File name too long", "Permission denied"), not a guess at it.
[[noreturn]] void throw_cannot_write(const std::filesystem::path& path, const std::string& why) {
  throw InputError(path.string() + ": cannot write the file: " + why);
}

// `text` in a temporary file beside `path`, for move_into_place.
std::filesystem::path written_beside(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::path temporary = temporary_path_beside(path);
  errno = 0;
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  out << text;
  out.flush();
  if (!out) throw_cannot_write(path, errno ? std::strerror(errno) : "the write failed");
  return temporary;
}

void move_into_place(const std::filesystem::path& temporary, const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::string why = error.message();
    std::filesystem::remove(temporary, error);
    throw_cannot_write(path, why);
  }
}

}  // namespace

std::string format_json(const nlohmann::ordered_json& json) {
  std::string out;
  append_json(json, "", out);
  return out + "\n";
}

void write_file_atomically(const std::filesystem::path& path, const std::string& text) {
  move_into_place(written_beside(path, text), path);
}

void replace_cache_file(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::path temporary = written_beside(path, bytes);
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  move_into_place(temporary, path);
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
