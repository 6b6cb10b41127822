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

std::string hex_hash(std::string_view text) {
  char hash[9];
  std::snprintf(hash, sizeof hash, "%08x", stable_hash(text));
  return hash;
}

// The readable start of `name`, then `tail`, in max_identifier_length bytes.
std::string with_tail(const std::string& name, const std::string& tail) {
  return utf8_prefix(name, max_identifier_length - tail.size()) + tail;
}

std::string joined_name(std::string_view table, const std::vector<std::string>& columns) {
  std::string name(table);
  for (const auto& column : columns) name += "_" + column;
  return name;
}

}  // namespace

std::string utf8_prefix(std::string_view text, std::size_t size) {
  if (text.size() <= size) return std::string(text);
  while (size > 0 && (static_cast<unsigned char>(text[size]) & 0xC0) == 0x80) --size;
  return std::string(text.substr(0, size));
}

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
  std::string name = std::string(app) + "_" + snake_case(model);
  if (name.size() <= max_identifier_length) return name;
  return with_tail(name, "_" + hex_hash(name));
}

std::string constraint_name(std::string_view table, const std::vector<std::string>& columns,
                            std::string_view suffix) {
  std::string name = joined_name(table, columns) + "_" + std::string(suffix);
  if (name.size() <= max_identifier_length) return name;
  // Keep the readable start, then "_<hash>_<suffix>".
  return with_tail(name, "_" + hex_hash(name) + "_" + std::string(suffix));
}

std::string distinct_constraint_name(std::string_view table,
                                     const std::vector<std::string>& columns,
                                     std::string_view suffix, std::string_view identity) {
  std::string name = joined_name(table, columns);
  return with_tail(
      name, "_" + hex_hash(name + "\n" + std::string(suffix) + "\n" + std::string(identity)) + "_" +
                std::string(suffix));
}

}  // namespace dbmig
