// Bad-input corpus: inputs fuzzing found mishandled (docs/fuzzing.md), through the binary.
#include "bad_input_corpus.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

std::vector<BadInputCase> fuzz_cases() {
  const std::string initial = "migrations/blog/0001_initial.json";
  return {
      {"MigrationNumberTooBig",
       [=](const fs::path& p) {
         std::string text = read_file(p / initial);
         text.replace(text.find("\"dbmig\": 1"), 10, "\"dbmig\": 1e999");
         write_file(p / initial, text);
       },
       {"migrate"},
       2,
       "migrations/blog/0001_initial.json:2:12: $.dbmig: the number 1e999 is out of range"},
      {"DbmigJsonNumberTooBig",
       [](const fs::path& p) { write_file(p / "dbmig.json", "{\"migrations\": -2E400}\n"); },
       {"showmigrations"},
       2,
       "dbmig.json:1:16: $.migrations: the number -2E400 is out of range"},
  };
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Fuzz, BadInputCorpus, ::testing::ValuesIn(fuzz_cases()),
                         bad_input_case_name);

}  // namespace dbmig::test
