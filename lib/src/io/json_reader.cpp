#include "io/json_reader.hpp"

#include <algorithm>
#include <limits>

#include "core/text.hpp"
#include "dbmig/error.hpp"

namespace dbmig {

void throw_at(const std::string& path, const std::string& message) {
  throw InputError(path + ": " + message);
}

std::string string_at(const nlohmann::json& value, const std::string& path) {
  if (!value.is_string()) throw_at(path, "expected a string");
  return value.get<std::string>();
}

std::vector<std::string> strings_at(const nlohmann::json& value, const std::string& path) {
  if (!value.is_array()) throw_at(path, "expected an array of strings");
  std::vector<std::string> result;
  for (std::size_t i = 0; i < value.size(); ++i)
    result.push_back(string_at(value[i], path + "[" + std::to_string(i) + "]"));
  return result;
}

JsonReader::JsonReader(const nlohmann::json& json, std::string path)
    : json_(json), path_(std::move(path)) {
  if (!json_.is_object()) throw_at(path_, "expected an object");
  known_.reserve(json_.size() + 4);  // every key is usually asked for, plus absent ones
}

const nlohmann::json* JsonReader::optional(std::string_view key) {
  known_.push_back(key);
  auto it = json_.find(key);  // nlohmann's objects compare keys transparently: no copy
  return it == json_.end() ? nullptr : &*it;
}

const nlohmann::json& JsonReader::required(std::string_view key) {
  if (const auto* value = optional(key)) return *value;
  throw_at(path_, "missing key \"" + std::string(key) + "\"");
}

// The path is only built for an error: most files have none, and thousands of values.
std::string JsonReader::string(std::string_view key) {
  const auto& value = required(key);
  return value.is_string() ? value.get<std::string>() : string_at(value, path_of(key));
}

std::string JsonReader::string_or(std::string_view key, std::string_view fallback) {
  const auto* value = optional(key);
  if (!value) return std::string(fallback);
  return value->is_string() ? value->get<std::string>() : string_at(*value, path_of(key));
}

bool JsonReader::boolean_or(std::string_view key, bool fallback) {
  const auto* value = optional(key);
  if (!value) return fallback;
  if (!value->is_boolean()) throw_at(path_of(key), "expected true or false");
  return value->get<bool>();
}

std::optional<int> JsonReader::optional_int(std::string_view key) {
  const auto* value = optional(key);
  if (!value) return std::nullopt;
  if (!value->is_number_integer() || value->get<std::int64_t>() < 0 ||
      value->get<std::int64_t>() > std::numeric_limits<int>::max())
    throw_at(path_of(key), "expected a non-negative integer");
  return static_cast<int>(value->get<std::int64_t>());
}

std::vector<std::string> JsonReader::strings(std::string_view key) {
  return strings_at(required(key), path_of(key));
}

void JsonReader::finish() const {
  for (const auto& [key, value] : json_.items()) {
    if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
    std::vector<std::string_view> expected = known_;
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    throw_at(path_of(key), "unknown key \"" + key + "\"; expected one of " + join(expected));
  }
}

}  // namespace dbmig
