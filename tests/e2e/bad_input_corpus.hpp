// The bad-input corpus: table-driven cases, each run through the built binary on a copy of the
// demo project. A case says what it breaks, the command, the exit code and a fragment of the
// message; the runner also checks that no file of the project changed (nothing written, no
// database created or applied), apart from dbmig's cache folder and the paths a case lists.
//
// Each area of dbmig keeps its cases in its own file (bad_input_<area>_test.cpp):
//   INSTANTIATE_TEST_SUITE_P(Readers, BadInputCorpus, ::testing::ValuesIn(reader_cases()),
//                            bad_input_case_name);
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace dbmig::test {

struct BadInputCase {
  std::string name;  // letters, digits and '_': the test's name
  // Edits the project (a copy of the demo project) into the bad state; may be empty.
  std::function<void(const std::filesystem::path& project)> setup;
  std::vector<std::string> args;  // dbmig's arguments
  int exit_code = 2;
  std::string message;  // a fragment stderr must contain
  // Paths relative to the project that may change (e.g. a database the command is allowed
  // to read and lock); everything else must stay byte for byte as setup left it.
  std::vector<std::string> may_change = {};
};

// How ctest and gtest show a case: its name, not the struct's bytes.
inline void PrintTo(const BadInputCase& input, std::ostream* out) {
  *out << input.name;
}

// The test's name for gtest.
std::string bad_input_case_name(const ::testing::TestParamInfo<BadInputCase>& info);

class BadInputCorpus : public ::testing::TestWithParam<BadInputCase> {};

// Every file below `root`, relative, with its bytes; dbmig's cache folder (build/) left out.
std::map<std::string, std::string> project_snapshot(const std::filesystem::path& root);

}  // namespace dbmig::test
