// Bad-input corpus: a broken project layout or migration file, before any database is read.
#include "bad_input_corpus.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

std::vector<BadInputCase> project_cases() {
  const std::string initial = "migrations/blog/0001_initial.json";
  return {
      {"MigrationNotJson",
       [=](const fs::path& p) { write_file(p / initial, "{\n  \"dbmig\": 1,\n  oops\n}\n"); },
       {"migrate"},
       2,
       "migrations/blog/0001_initial.json:3:3: not valid JSON"},
      {"MigrationNotJsonMakemigrations",
       [=](const fs::path& p) { write_file(p / initial, "{\n  \"dbmig\": 1,\n  oops\n}\n"); },
       {"makemigrations"},
       2,
       "migrations/blog/0001_initial.json:3:3: not valid JSON"},
      {"MigrationNotJsonShowmigrations",
       [=](const fs::path& p) { write_file(p / initial, "{\n  \"dbmig\": 1,\n  oops\n}\n"); },
       {"showmigrations"},
       2,
       "migrations/blog/0001_initial.json:3:3: not valid JSON"},
      {"MigrationUnsupportedVersion",
       [=](const fs::path& p) {
         std::string text = read_file(p / initial);
         text.replace(text.find("\"dbmig\": 1"), 10, "\"dbmig\": 99");
         write_file(p / initial, text);
       },
       {"makemigrations"},
       2,
       "unsupported format version 99"},
  };
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Project, BadInputCorpus, ::testing::ValuesIn(project_cases()),
                         bad_input_case_name);

}  // namespace dbmig::test
