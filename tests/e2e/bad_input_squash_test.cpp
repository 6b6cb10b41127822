// Bad-input corpus: squashmigrations refuses what it cannot squash, writes nothing, and says
// what to do (docs/squashing.md).
#include "bad_input_corpus.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

// A migration of `app` with one RunSQL, depending on `after` ("app.name" each).
void add_migration(const fs::path& project, const std::string& app, const std::string& name,
                   const std::vector<std::string>& after) {
  std::string dependencies;
  for (const auto& key : after) {
    auto dot = key.find('.');
    dependencies += (dependencies.empty() ? "[\"" : ", [\"") + key.substr(0, dot) + "\", \"" +
                    key.substr(dot + 1) + "\"]";
  }
  write_file(project / "migrations" / app / (name + ".json"),
             "{\n  \"dbmig\": 1,\n  \"app\": \"" + app + "\",\n  \"name\": \"" + name +
                 "\",\n  \"dependencies\": [" + dependencies +
                 "],\n  \"operations\": [{\"op\": \"RunSQL\", \"sql\": \"SELECT 1\", "
                 "\"reverse_sql\": []}]\n}\n");
}

void add_blog_migration(const fs::path& project, const std::string& name,
                        const std::vector<std::string>& after) {
  std::vector<std::string> keys;
  for (const auto& dependency : after) keys.push_back("blog." + dependency);
  add_migration(project, "blog", name, keys);
}

// blog.0001_initial squashed into blog.0001_squashed_0001_initial, its file still there.
void add_blog_squash(const fs::path& project) {
  std::string text = read_file(project / "migrations/blog/0001_initial.json");
  text.replace(text.find("\"name\": \"0001_initial\""), 22,
               "\"name\": \"0001_squashed_0001_initial\",\n  \"replaces\": [[\"blog\", "
               "\"0001_initial\"]]");
  write_file(project / "migrations/blog/0001_squashed_0001_initial.json", text);
}

std::vector<BadInputCase> squash_cases() {
  return {
      {"SquashUnknownApp",
       {},
       {"squashmigrations", "shop", "0001", "--noinput"},
       2,
       "no app named 'shop' (the project's apps: accounts, blog)"},
      {"SquashUnknownMigration",
       {},
       {"squashmigrations", "blog", "0007", "--noinput"},
       2,
       "migration blog.0007 does not exist; `dbmig showmigrations` lists the migrations"},
      {"SquashEndBeforeStart",
       [](const fs::path& p) { add_blog_migration(p, "0002_touch", {"0001_initial"}); },
       {"squashmigrations", "blog", "0002", "0001", "--noinput"},
       2,
       "cannot squash blog from 0002_touch to 0001_initial: 0001_initial does not follow "
       "0002_touch; give the earlier migration first"},
      {"SquashAcrossBranchesAndTheirMerge",
       [](const fs::path& p) {
         add_blog_migration(p, "0002_left", {"0001_initial"});
         add_blog_migration(p, "0002_right", {"0001_initial"});
         add_blog_migration(p, "0003_merge", {"0002_left", "0002_right"});
       },
       {"squashmigrations", "blog", "0003", "--noinput"},
       2,
       "the range is not one line of migrations (0002_right follows 0001_initial, not "
       "0002_left: branches and their merge); squash up to the migration before the branches, "
       "or from the merge on"},
      {"SquashWithABranchLeavingTheRange",
       [](const fs::path& p) {
         add_blog_migration(p, "0002_left", {"0001_initial"});
         add_blog_migration(p, "0002_right", {"0001_initial"});
         add_blog_migration(p, "0003_more", {"0002_left"});
       },
       {"squashmigrations", "blog", "0003", "--noinput"},
       2,
       "0002_right branches off 0001_initial inside the range; merge the branches first"},
      {"SquashAcrossAnotherAppsMigrationThatNeedsTheRange",
       [](const fs::path& p) {
         add_migration(p, "accounts", "0002_touch", {"accounts.0001_initial", "blog.0001_initial"});
         add_migration(p, "blog", "0002_after", {"blog.0001_initial", "accounts.0002_touch"});
       },
       {"squashmigrations", "blog", "0002", "--noinput"},
       2,
       "cannot squash 0001_initial to 0002_after of app blog: 0002_after depends on "
       "accounts.0002_touch, which depends on blog.0001_initial inside the range, so the squashed "
       "migration would depend on itself; squash up to a migration before 0002_after, or from "
       "one after 0001_initial"},
      {"SquashASquashWhoseReplacedFilesExist",
       add_blog_squash,
       {"squashmigrations", "blog", "0001_squashed", "--noinput"},
       2,
       "cannot squash blog.0001_squashed_0001_initial: it is a squashed migration and "
       "blog.0001_initial, which it replaces, still exists. Make it a normal migration first"},
      {"SquashAReplacedMigration",
       add_blog_squash,
       {"squashmigrations", "blog", "0001_initial", "--noinput"},
       2,
       "migration blog.0001_initial is replaced by the squashed migration "
       "blog.0001_squashed_0001_initial"},
      {"SquashOntoAnExistingFile",
       {},
       {"squashmigrations", "blog", "0001", "--squashed-name", "initial", "--noinput"},
       2,
       "migrations/blog/0001_initial.json already exists; nothing was written. Delete it if it "
       "is an earlier squash you want to redo, or choose another name with --squashed-name"},
      {"SquashBadName",
       {},
       {"squashmigrations", "blog", "0001", "--squashed-name", "two words", "--noinput"},
       2,
       "two words"},
      {"SquashNoMigrationGiven", {}, {"squashmigrations", "blog"}, 2, "migrations"},
      {"SquashThreeMigrationsGiven",
       {},
       {"squashmigrations", "blog", "0001", "0001", "0001"},
       2,
       "migrations: At Most 2 required but received 3"},
  };
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Squash, BadInputCorpus, ::testing::ValuesIn(squash_cases()),
                         bad_input_case_name);

}  // namespace dbmig::test
