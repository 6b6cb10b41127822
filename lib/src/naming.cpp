#include "dbmig/naming.hpp"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace dbmig {

namespace {

bool is_upper(char c) {
  return std::isupper(static_cast<unsigned char>(c)) != 0;
}
bool is_lower(char c) {
  return std::islower(static_cast<unsigned char>(c)) != 0;
}

// FNV-1a: a stable, platform-independent hash, so shortened names never change between runs.
std::uint32_t stable_hash(std::string_view text) {
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 16777619u;
  }
  return hash;
}

}  // namespace

bool is_identifier(std::string_view name) {
  auto ascii_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (name.empty() || !(ascii_letter(name[0]) || name[0] == '_')) return false;
  for (char c : name)
    if (!(ascii_letter(c) || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

std::string snake_case(std::string_view name) {
  std::string result;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (is_upper(c) && i > 0) {
      bool after_lower_or_digit = !is_upper(name[i - 1]) && name[i - 1] != '_';
      bool ends_acronym = is_upper(name[i - 1]) && i + 1 < name.size() && is_lower(name[i + 1]);
      if (after_lower_or_digit || ends_acronym) result += '_';
    }
    result += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return result;
}

std::string default_table_name(std::string_view app, std::string_view model) {
  return std::string(app) + "_" + snake_case(model);
}

std::string constraint_name(std::string_view table, const std::vector<std::string>& columns,
                            std::string_view suffix) {
  std::string name(table);
  for (const auto& column : columns) name += "_" + column;
  name += "_";
  name += suffix;
  if (name.size() <= max_identifier_length) return name;
  char hash[9];
  std::snprintf(hash, sizeof hash, "%08x", stable_hash(name));
  // Keep the readable start, then "_<hash>_<suffix>".
  std::string tail = "_" + std::string(hash) + "_" + std::string(suffix);
  return name.substr(0, max_identifier_length - tail.size()) + tail;
}

}  // namespace dbmig
