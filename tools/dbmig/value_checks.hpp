// Checks of option values, each saying what the option accepts in words ("--step: must be a
// whole number of at least 1, not 'abc'") instead of CLI11's default range text, whose upper
// bound for an unbounded number is a 309-digit double.
#pragma once

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include <CLI/CLI.hpp>

namespace dbmig::cli {

inline std::string quoted_value(const std::string& value) {
  return "'" + value + "'";
}

// A whole number from `min` to `max`.
inline CLI::Validator whole_number(int min, int max) {
  bool unbounded = max == std::numeric_limits<int>::max();
  std::string bounds = unbounded ? "at least " + std::to_string(min)
                                 : std::to_string(min) + " to " + std::to_string(max);
  std::string range = (unbounded ? "of " : "from ") + bounds;
  return CLI::Validator(
      [min, max, range](std::string& value) -> std::string {
        int number = 0;
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (error == std::errc() && end == value.data() + value.size() && number >= min &&
            number <= max)
          return "";
        return "must be a whole number " + range + ", not " + quoted_value(value);
      },
      bounds);
}

// A number of seconds (fractions allowed) from 0 to `max_seconds`.
inline CLI::Validator seconds_up_to(double max_seconds) {
  std::string bounds = "0 to " + std::to_string(static_cast<long long>(max_seconds));
  std::string range = "from " + bounds;
  return CLI::Validator(
      [max_seconds, range](std::string& value) -> std::string {
        double seconds = 0;
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
        if (error == std::errc() && end == value.data() + value.size() && std::isfinite(seconds) &&
            seconds >= 0 && seconds <= max_seconds)
          return "";
        return "must be a number of seconds " + range + ", not " + quoted_value(value);
      },
      bounds);
}

// A value that may not be empty (`--database ""` would otherwise mean "not given").
inline CLI::Validator not_empty(std::string what) {
  return CLI::Validator(
      [what](std::string& value) -> std::string {
        return value.empty() ? "must not be empty; give " + what : "";
      },
      "");
}

}  // namespace dbmig::cli
