// Bad-input corpus: `dbmig inspectdb` refuses before writing anything.
#include "bad_input_corpus.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

// The demo project's tables in db.sqlite3.
void migrated(const fs::path& project) {
  RunResult result = run_dbmig({"migrate"}, project);
  ASSERT_EQ(result.exit_code, 0) << result.err;
}

std::vector<BadInputCase> inspectdb_cases() {
  return {
      {"InspectdbExistingHeader",
       migrated,
       {"inspectdb", "--app", "blog"},
       2,
       "apps/blog/models.hpp exists; pass --force to overwrite it"},
      {"InspectdbUnknownTable",
       migrated,
       {"inspectdb", "--app", "legacy", "--table", "blogs", "--table", "posts"},
       2,
       "--table posts: the database has no table posts (its tables: blogs, users)"},
      {"InspectdbKeywordApp",
       migrated,
       {"inspectdb", "--app", "class"},
       2,
       "--app class: an app "
       "name becomes a C++ "
       "namespace"},
      {"InspectdbAppNotAnIdentifier",
       migrated,
       {"inspectdb", "--app", "my-app"},
       2,
       "--app my-app: an app name becomes a C++ namespace"},
      {"InspectdbNoApp", migrated, {"inspectdb"}, 2, "--app is required"},
      {"InspectdbEmptyDatabase",
       {},
       {"inspectdb", "--app", "legacy"},
       2,
       "the database has no tables (besides dbmig's own); nothing to inspect, nothing written"},
  };
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Inspectdb, BadInputCorpus, ::testing::ValuesIn(inspectdb_cases()),
                         bad_input_case_name);

}  // namespace dbmig::test
