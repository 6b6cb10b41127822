// Reading one JSON object of a migration file field by field, with errors that name the JSON
// path ("$.operations[2].field.type: ...") and a final check that rejects keys nobody asked for,
// so a typo in a hand-edited file is reported instead of silently ignored.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace dbmig {

// Keys are string literals: the reader keeps views of the keys it was asked for.
class JsonReader {
 public:
  // Throws InputError when `json` is not an object.
  JsonReader(const nlohmann::json& json, std::string path);

  const std::string& path() const { return path_; }
  std::string path_of(std::string_view key) const { return path_ + "." + std::string(key); }

  // The value under `key`; throws InputError naming the path when it is absent.
  const nlohmann::json& required(std::string_view key);
  // The value under `key`, or nullptr when absent.
  const nlohmann::json* optional(std::string_view key);

  std::string string(std::string_view key);
  std::string string_or(std::string_view key, std::string_view fallback);
  bool boolean_or(std::string_view key, bool fallback);
  std::optional<int> optional_int(std::string_view key);
  std::vector<std::string> strings(std::string_view key);

  // Throws InputError for the first key that no accessor asked for, listing the known ones.
  void finish() const;

 private:
  const nlohmann::json& json_;
  std::string path_;
  std::vector<std::string_view> known_;  // few per object: a vector beats a set here
};

// Throws InputError "<path>: <message>".
[[noreturn]] void throw_at(const std::string& path, const std::string& message);

std::string string_at(const nlohmann::json& value, const std::string& path);
std::vector<std::string> strings_at(const nlohmann::json& value, const std::string& path);

}  // namespace dbmig
