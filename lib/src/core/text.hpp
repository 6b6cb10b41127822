// The small text helpers every layer uses, defined once: join, trim, append, seconds_text.
#pragma once

#include <chrono>
#include <cstdio>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace dbmig {

// The items separated by `separator`, each as `text_of` gives it (the item itself by default):
// join(names) is "a, b, c"; join(keys, ", ", &MigrationKey::str) names migrations.
template <typename Items, typename TextOf = std::identity>
std::string join(const Items& items, std::string_view separator = ", ", TextOf text_of = {}) {
  std::string text;
  bool first = true;
  for (const auto& item : items) {
    if (!first) text += separator;
    first = false;
    text += std::invoke(text_of, item);
  }
  return text;
}

// `text` without the white space (" \t\n\v\f\r") at either end.
inline std::string_view trim(std::string_view text) {
  constexpr std::string_view space = " \t\n\v\f\r";
  auto first = text.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(space) + 1 - first);
}

// Moves the strings of `more` to the end of `to`.
inline void append(std::vector<std::string>& to, std::vector<std::string> more) {
  to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

// A duration in seconds as messages and settings say it: "0.2", "10", "1.5".
inline std::string seconds_text(std::chrono::milliseconds duration) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", static_cast<double>(duration.count()) / 1000.0);
  return text;
}

}  // namespace dbmig
