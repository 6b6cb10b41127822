// After an edit the scanner reads again only the apps whose files changed, and must give
// exactly what reading every app gives.
#include <gtest/gtest.h>

#include "scanner_fixture.hpp"

namespace dbmig {

namespace fs = std::filesystem;

namespace {

// Two apps; blog's posts reference accounts' users by C++ name.
void write_two_apps(test::ScannerProject& project) {
  project.write("apps/accounts/models.hpp", R"(
namespace accounts {
struct DBMIG_MODEL() User {
  DBMIG_FIELD(primary_key) std::int64_t id;
  DBMIG_FIELD(max_length = 80) std::string name;
};
}
)");
  project.write("apps/blog/models.hpp", R"(
namespace blog {
struct DBMIG_MODEL() Post {
  DBMIG_FIELD(primary_key) std::int64_t id;
  DBMIG_FIELD(references = accounts::User) std::int64_t user_id;
  std::string title;
};
}
)");
}

// An app that no edit touches: its struct Tag, marked in the cache, shows that the scan after
// an edit took it from there.
void write_untouched_app(test::ScannerProject& project) {
  project.write("apps/tags/models.hpp", R"(
namespace tags {
struct DBMIG_MODEL() Tag {
  DBMIG_FIELD(primary_key) std::int64_t id;
};
}
)");
}

// What a scan with no cache gives for the project as it is now.
ScanResult scanned_from_scratch(const test::ScannerProject& project) {
  fs::remove_all(project.root() / "build");
  return project.scan();
}

void expect_same(const ScanResult& actual, const ScanResult& expected) {
  EXPECT_EQ(actual.state, expected.state);
  EXPECT_EQ(actual.sources, expected.sources);
}

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = test::read_file(file);
  ASSERT_NE(text.find(from), std::string::npos) << from << " not in " << file;
  text.replace(text.find(from), from.size(), to);
  test::write_file(file, text);
}

// write_two_apps, and accounts declares `Points`, the type of blog's new `score`; blog's
// header includes accounts' header when `blog_includes_accounts`.
void write_apps_sharing_an_alias(test::ScannerProject& project, bool blog_includes_accounts) {
  write_two_apps(project);
  fs::path accounts = project.root() / "apps/accounts/models.hpp";
  fs::path blog = project.root() / "apps/blog/models.hpp";
  replace_in(accounts, "namespace accounts {",
             "namespace accounts {\nusing Points = std::int64_t;");
  if (blog_includes_accounts)
    replace_in(blog, "namespace blog {", "#include \"../accounts/models.hpp\"\nnamespace blog {");
  replace_in(blog, "std::string title;", "std::string title;\n  accounts::Points score = 0;");
}

// The edited project's scan fails with one problem, saying `what`, and exactly as a scan with
// no cache does.
void expect_one_problem_as_from_scratch(const test::ScannerProject& project,
                                        const std::string& what) {
  auto after_the_edit = project.scan_errors();
  fs::remove_all(project.root() / "build");
  auto from_scratch = project.scan_errors();
  EXPECT_EQ(after_the_edit, from_scratch);
  ASSERT_EQ(from_scratch.size(), 1u);
  EXPECT_NE(from_scratch.front().find(what), std::string::npos) << from_scratch.front();
}

}  // namespace

TEST(ScannerRescan, AnEditReadsOnlyItsAppAgain) {
  test::ScannerProject project;
  write_two_apps(project);
  project.scan();
  std::string marked = project.mark_cached_struct("User");
  replace_in(project.root() / "apps/blog/models.hpp", "std::string title;",
             "std::string title;\n  bool published = false;");
  ScanResult rescanned = project.scan();
  // accounts came from the cache (the marked name), blog was read again (the new field).
  EXPECT_TRUE(rescanned.state.find({"accounts", marked}));
  EXPECT_TRUE(rescanned.state.get({"blog", "Post"}).find_field("published"));
}

// The models of an app not read again are kept as built (their table, marked in the cached
// result, shows it), not built again from its structs.
TEST(ScannerRescan, AnEditKeepsTheBuiltModelsOfTheAppsItDoesNotRead) {
  test::ScannerProject project;
  write_two_apps(project);
  write_untouched_app(project);
  project.scan();
  std::string marked = project.mark_cached_table("tags_tag");
  replace_in(project.root() / "apps/blog/models.hpp", "std::string title;",
             "std::string title;\n  bool published = false;");
  ScanResult rescanned = project.scan();
  EXPECT_EQ(rescanned.state.get({"tags", "Tag"}).table, marked);
  EXPECT_TRUE(rescanned.state.get({"blog", "Post"}).find_field("published"));
}

// The scan cache after an edit copies the parts of the apps not read again (scan_cache_codec):
// it holds exactly what the cache of a scan with no cache holds, models as built and as
// declared, so the next scan answers from it as that one would.
TEST(ScannerRescan, TheCacheAfterAnEditHoldsWhatAFullScansCacheHolds) {
  test::ScannerProject project;
  write_two_apps(project);
  write_untouched_app(project);
  project.scan();
  replace_in(project.root() / "apps/blog/models.hpp", "std::string title;",
             "std::string title;\n  bool published = false;");
  ScanResult rescanned = project.scan();
  auto cached_models = [&] {
    auto cache = scanner::decode_scan_cache(test::read_file(project.scan_cache_files().at(0)));
    EXPECT_TRUE(cache);
    return cache ? scanner::encode_scan_cache({}, cache->result, cache->apps) : "";
  };
  std::string after_the_edit = cached_models();
  expect_same(rescanned, scanned_from_scratch(project));
  EXPECT_EQ(after_the_edit, cached_models());
}

TEST(ScannerRescan, GivesWhatReadingEveryAppGives) {
  test::ScannerProject project;
  write_two_apps(project);
  project.scan();
  // An edit to the referenced app: blog's reference must follow the new table.
  replace_in(project.root() / "apps/accounts/models.hpp", "struct DBMIG_MODEL() User",
             "struct DBMIG_MODEL(table = \"people\") User");
  ScanResult rescanned = project.scan();
  EXPECT_EQ(rescanned.state.get({"accounts", "User"}).table, "people");
  expect_same(rescanned, scanned_from_scratch(project));
}

TEST(ScannerRescan, AHeaderTwoAppsIncludeReadsBothAgain) {
  test::ScannerProject project;
  project.write("common/money.hpp", "using Money = std::int64_t;\n");
  for (std::string app : {"billing", "shop"})
    project.write("apps/" + app + "/models.hpp",
                  "#include \"../../common/money.hpp\"\nnamespace " + app +
                      " {\nstruct DBMIG_MODEL() Price {\n" +
                      "  DBMIG_FIELD(primary_key) std::int64_t id;\n" + "  Money amount;\n};\n}\n");
  write_untouched_app(project);
  project.scan();
  std::string marked = project.mark_cached_struct("Tag");
  project.write("common/money.hpp", "using Money = std::int32_t;\n", false);
  ScanResult rescanned = project.scan();
  EXPECT_EQ(rescanned.state.get({"billing", "Price"}).find_field("amount")->type, FieldType::int32);
  EXPECT_EQ(rescanned.state.get({"shop", "Price"}).find_field("amount")->type, FieldType::int32);
  EXPECT_TRUE(rescanned.state.find({"tags", marked}));
}

// A struct in a header outside the apps' folders belongs to the first app that includes it.
// When that app stops including it, it belongs to the next: both apps are read again.
TEST(ScannerRescan, AStructInASharedHeaderMovesToTheNextAppThatIncludesIt) {
  test::ScannerProject project;
  project.write("common/audit.hpp", R"(
struct DBMIG_MODEL() AuditEntry {
  DBMIG_FIELD(primary_key) std::int64_t id;
};
)");
  for (std::string app : {"billing", "shop"})
    project.write("apps/" + app + "/models.hpp", "#include \"../../common/audit.hpp\"\n");
  EXPECT_TRUE(project.scan().state.find({"billing", "AuditEntry"}));
  project.write("apps/billing/models.hpp", "");
  ScanResult rescanned = project.scan();
  EXPECT_FALSE(rescanned.state.find({"billing", "AuditEntry"}));
  EXPECT_TRUE(rescanned.state.find({"shop", "AuditEntry"}));
}

// blog includes accounts' header, which the generated unit has already included, by another
// path: the include is still seen, and the two paths are one file, so an edit to accounts
// reads both apps again.
TEST(ScannerRescan, AnAppIncludingAnotherAppsHeaderIsReadAgainWithIt) {
  test::ScannerProject project;
  write_apps_sharing_an_alias(project, true);
  write_untouched_app(project);
  project.scan();
  std::string marked = project.mark_cached_struct("Tag");
  replace_in(project.root() / "apps/accounts/models.hpp", "using Points = std::int64_t;",
             "using Points = std::int16_t;");
  replace_in(project.root() / "apps/accounts/models.hpp", "std::string name;",
             "std::string name;\n  bool admin = false;");
  ScanResult rescanned = project.scan();
  EXPECT_EQ(rescanned.state.get({"blog", "Post"}).find_field("score")->type, FieldType::int16);
  EXPECT_TRUE(rescanned.state.get({"accounts", "User"}).find_field("admin"));
  EXPECT_TRUE(rescanned.state.find({"tags", marked}));
}

// blog uses accounts' alias without including its header: it compiles only after accounts in
// the unit of every app. Reading blog alone fails, so every app is read.
TEST(ScannerRescan, AHeaderThatIsNotSelfContainedFallsBackToEveryApp) {
  test::ScannerProject project;
  write_apps_sharing_an_alias(project, false);
  project.scan();
  replace_in(project.root() / "apps/blog/models.hpp", "std::string title;",
             "std::string title;\n  bool published = false;");
  ScanResult rescanned = project.scan();
  EXPECT_TRUE(rescanned.state.get({"blog", "Post"}).find_field("published"));
  expect_same(rescanned, scanned_from_scratch(project));
}

// The same struct in two apps is a C++ error that only the unit of every app shows.
TEST(ScannerRescan, AStructThatAnotherAppDeclaresIsAnErrorAsInAFullScan) {
  test::ScannerProject project;
  write_two_apps(project);
  project.scan();
  replace_in(project.root() / "apps/blog/models.hpp", "namespace blog {",
             "namespace accounts {\nstruct DBMIG_MODEL() User {\n"
             "  DBMIG_FIELD(primary_key) std::int64_t id;\n};\n}\nnamespace blog {");
  auto errors = project.scan_errors();
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors.front().find("redefinition of 'User'"), std::string::npos) << errors.front();
}

// accounts includes blog's header, so blog's Post comes first in the unit of every app. Both
// scans take the models in app order, so a problem between two apps reads the same whether
// an edit read them again or a scan with no cache did.
TEST(ScannerRescan, AProblemBetweenTwoAppsReadsAsInAFullScan) {
  test::ScannerProject project;
  write_two_apps(project);
  replace_in(project.root() / "apps/accounts/models.hpp", "namespace accounts {",
             "#include \"../blog/models.hpp\"\nnamespace accounts {");
  project.scan();
  replace_in(project.root() / "apps/blog/models.hpp", "struct DBMIG_MODEL() Post",
             "struct DBMIG_MODEL(table = \"accounts_user\") Post");
  expect_one_problem_as_from_scratch(
      project, "model blog::Post: table accounts_user is also the table of accounts::User");
}

// accounts' key changes type under blog's reference to it: blog, kept as the previous scan
// built it, would miss the mismatch, so every app is built and the problem reads as in a scan
// with no cache.
TEST(ScannerRescan, AKeyTypeChangedUnderAReferenceReadsAsInAFullScan) {
  test::ScannerProject project;
  write_two_apps(project);
  project.scan();
  replace_in(project.root() / "apps/accounts/models.hpp", "DBMIG_FIELD(primary_key) std::int64_t",
             "DBMIG_FIELD(primary_key) std::int32_t");
  expect_one_problem_as_from_scratch(project, "primary key id is int32");
}

// A generated index name avoids the names of the models before it: blog's index(title) gets
// the hashed form while accounts names its own index blog_post_title_idx. When an edit to
// accounts frees the name, blog, not read again, is built again and takes it.
TEST(ScannerRescan, AnIndexNameAnEditFreesIsTakenByALaterAppNotReadAgain) {
  test::ScannerProject project;
  write_two_apps(project);
  replace_in(project.root() / "apps/accounts/models.hpp", "struct DBMIG_MODEL() User",
             "struct DBMIG_MODEL(index(name, name = \"blog_post_title_idx\")) User");
  replace_in(project.root() / "apps/blog/models.hpp", "struct DBMIG_MODEL() Post",
             "struct DBMIG_MODEL(index(title)) Post");
  replace_in(project.root() / "apps/blog/models.hpp", "std::string title;",
             "DBMIG_FIELD(max_length = 200) std::string title;");
  ASSERT_NE(project.scan().state.get({"blog", "Post"}).indexes.at(0).name, "blog_post_title_idx");
  replace_in(project.root() / "apps/accounts/models.hpp", "name = \"blog_post_title_idx\"",
             "name = \"accounts_user_name_idx\"");
  ScanResult rescanned = project.scan();
  EXPECT_EQ(rescanned.state.get({"blog", "Post"}).indexes.at(0).name, "blog_post_title_idx");
  expect_same(rescanned, scanned_from_scratch(project));
}

// The names a kept app's models take are noted for the app read again, which avoids them as
// building every app does, and without building every app to find out: accounts' table, marked
// in the cache, shows that accounts was kept.
TEST(ScannerRescan, AnAppReadAgainAvoidsTheNamesAKeptAppTakes) {
  test::ScannerProject project;
  write_two_apps(project);
  fs::path accounts = project.root() / "apps/accounts/models.hpp";
  fs::path blog = project.root() / "apps/blog/models.hpp";
  replace_in(accounts, "struct DBMIG_MODEL() User",
             "struct DBMIG_MODEL(index(name, name = \"blog_post_title_idx\")) User");
  replace_in(blog, "struct DBMIG_MODEL() Post", "struct DBMIG_MODEL(index(title)) Post");
  replace_in(blog, "std::string title;", "DBMIG_FIELD(max_length = 200) std::string title;");
  std::string avoided = project.scan().state.get({"blog", "Post"}).indexes.at(0).name;
  ASSERT_NE(avoided, "blog_post_title_idx");
  std::string marked = project.mark_cached_table("accounts_user");
  replace_in(blog, "std::string title;", "std::string title;\n  bool published = false;");
  ScanResult rescanned = project.scan();
  EXPECT_EQ(rescanned.state.get({"accounts", "User"}).table, marked);
  EXPECT_EQ(rescanned.state.get({"blog", "Post"}).indexes.at(0).name, avoided);
  EXPECT_TRUE(rescanned.state.get({"blog", "Post"}).find_field("published"));
}

}  // namespace dbmig
