#include "dbmig/migration_names.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "dbmig/error.hpp"
#include "dbmig/naming.hpp"

namespace dbmig {

namespace {

// Django's limit for a migration's name after its number: a longer join of operation fragments
// becomes "<the first fragments that fit>_and_more", within the limit too.
constexpr std::size_t max_name_length = 52;
constexpr std::string_view and_more = "_and_more";

// File systems allow 255 bytes per file name; "NNNN_", ".json" and write_file_atomically's
// ".<pid>.tmp" must fit beside the name.
constexpr std::size_t max_migration_name_length = 200;

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

}  // namespace

int migration_number(std::string_view name) {
  int number = 0;
  for (char c : name) {
    if (!is_digit(c)) break;
    number = number * 10 + (c - '0');
  }
  return number;
}

std::string padded_migration_number(int number) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%04d", number);
  return digits;
}

std::string numbered_migration_name(int number, std::string_view name) {
  return padded_migration_number(number) + "_" + std::string(name);
}

bool is_numbered_migration_name(std::string_view name) {
  if (name.size() < 6 || name[4] != '_') return false;
  return std::all_of(name.begin(), name.begin() + 4, is_digit);
}

std::string suggest_migration_name(const Operations& operations, bool initial) {
  if (initial) return "initial";
  if (operations.empty()) return "empty";
  std::vector<std::string> fragments;
  for (const OperationPtr& operation : operations) {
    fragments.push_back(operation->name_fragment());
    if (fragments.back().empty()) return "auto";
  }
  if (fragments.size() == 1) return utf8_prefix(fragments[0], max_name_length);
  std::string joined;
  for (const auto& fragment : fragments) joined += (joined.empty() ? "" : "_") + fragment;
  if (joined.size() <= max_name_length) return joined;
  std::string name;
  for (const auto& fragment : fragments) {
    std::size_t size = name.size() + (name.empty() ? 0 : 1) + fragment.size() + and_more.size();
    if (size > max_name_length) break;
    name += (name.empty() ? "" : "_") + fragment;
  }
  if (name.empty()) name = utf8_prefix(fragments[0], max_name_length - and_more.size());
  return name + std::string(and_more);
}

void check_migration_name(const std::string& name) {
  bool valid = !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '_';
  });
  if (!valid)
    throw InputError("--name \"" + name +
                     "\" is not a valid migration name: use letters, digits and underscores");
  if (name.size() > max_migration_name_length)
    throw InputError("--name is " + std::to_string(name.size()) +
                     " characters long; a migration name may have at most " +
                     std::to_string(max_migration_name_length) +
                     ", so that its file name (NNNN_<name>.json) fits the file system's limit of "
                     "255 bytes");
}

}  // namespace dbmig
