// Small checks on what a dbmig run printed, shared by the end-to-end tests.
#pragma once

#include <string>

#include "test_support.hpp"

namespace dbmig::test {

// stdout then stderr, for failure messages and for "printed nothing" checks.
inline std::string all_output(const RunResult& result) {
  return result.out + result.err;
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace dbmig::test
