// A squashed migration (`replaces`) in every state of the migrations it replaces, on every
// database: all applied, some, none; their files present or deleted; another app depending on
// one of them. showmigrations (text, --plan, json), migrate (to the end, to a target, --plan),
// rollback, sqlmigrate and check see one squashed migration standing for the records of the
// migrations it replaces (Django's rule, docs/squashing.md).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "squash_history.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

const Strings kAllColumns{"id", "user_id", "views", "score"};
const Strings kNoTable{"<no table>"};

const std::string kSquashedShown = "accounts\n [X] 0001_initial\nblog\n [X] " + kSquashName +
                                   " (3 squashed migrations)\ncomments\n [X] 0001_initial\n";

void delete_replaced_files(const SquashProject& project) {
  for (const char* name : {"0001_initial", "0002_blog_views", "0003_blog_score"})
    fs::remove(project.file("blog", name));
}

}  // namespace

// 0001..0003 applied before the squash existed: the squash shows applied, with no record
// flagged missing; migrate records it in place of the three; rollback unapplies it whole.
TEST(SquashStatus, AllReplacedAppliedShowsTheSquashApplied) {
  for (Dialect dialect : test_dialects()) {
    SquashProject project(dialect);
    project.ok({"migrate"});
    project.squash();

    EXPECT_EQ(project.ok({"showmigrations"}).out, kSquashedShown) << to_string(dialect);
    EXPECT_TRUE(contains(project.ok({"showmigrations", "--plan"}).out,
                         "[X]  blog." + kSquashName +
                             " (3 squashed migrations) ... (accounts.0001_initial)\n[X]  "
                             "comments.0001_initial ... (blog." +
                             kSquashName + ")\n"));
    auto json = nlohmann::json::parse(project.ok({"showmigrations", "--format", "json"}).out);
    const auto& squashed = json["apps"][1]["migrations"][0];
    EXPECT_EQ(squashed["name"], kSquashName);
    EXPECT_EQ(squashed["applied"], true);
    EXPECT_EQ(squashed["batch"], 1);
    EXPECT_EQ(squashed["missing_on_disk"], false);
    EXPECT_EQ(squashed["replaces"],
              (Strings{"blog.0001_initial", "blog.0002_blog_views", "blog.0003_blog_score"}));
    EXPECT_EQ(project.ok({"migrate", "--check"}).exit_code, 0);
    EXPECT_EQ(project.ok({"check"}).exit_code, 0);

    // Rolling back batch 1 unapplies the squash (and what depends on it) and forgets all
    // three records it stands for.
    auto rollback = project.ok({"rollback"});
    EXPECT_TRUE(contains(rollback.out, "  Unapplying comments.0001_initial... OK")) << rollback.out;
    EXPECT_TRUE(contains(rollback.out, "  Unapplying blog." + kSquashName + "... OK"))
        << rollback.out;
    EXPECT_EQ(project.recorded(), Strings{}) << to_string(dialect);
    EXPECT_EQ(project.blog_columns(), kNoTable);

    // None applied now: migrate applies the squash itself.
    auto migrate = project.ok({"migrate"});
    EXPECT_TRUE(contains(migrate.out, "  Applying blog." + kSquashName + "... OK")) << migrate.out;
    EXPECT_EQ(project.blog_columns(), kAllColumns);
    EXPECT_EQ(project.ok({"showmigrations"}).out, kSquashedShown);
  }
}

// migrate on a database that applied the replaced migrations records the squash in place of
// them (Django's check_replacements), so it stays applied once they and `replaces` are gone.
TEST(SquashStatus, MigrateRecordsTheSquashInPlaceOfTheReplacedRecords) {
  for (Dialect dialect : test_dialects()) {
    SquashProject project(dialect);
    project.ok({"migrate"});
    project.squash();
    auto migrate = project.ok({"migrate"});
    EXPECT_TRUE(contains(migrate.out, "  No migrations to apply.\n  Recorded blog." + kSquashName +
                                          " as applied in place of the 3 migrations it replaces\n"))
        << migrate.out;
    EXPECT_EQ(project.recorded(),
              (Strings{"accounts.0001_initial", "blog." + kSquashName, "comments.0001_initial"}));
    EXPECT_EQ(project.ok({"showmigrations"}).out, kSquashedShown);
    EXPECT_FALSE(contains(project.ok({"migrate"}).out, "Recorded")) << "recorded once only";

    // The transition Django describes: delete the replaced files, point comments at the
    // squash, remove `replaces`. Nothing changes for this database.
    delete_replaced_files(project);
    auto squash = nlohmann::json::parse(read_file(project.file("blog", kSquashName)));
    squash.erase("replaces");
    write_file(project.file("blog", kSquashName), squash.dump(2));
    auto comments = nlohmann::json::parse(read_file(project.file("comments", "0001_initial")));
    comments["dependencies"] = nlohmann::json::array({{"blog", kSquashName}});
    write_file(project.file("comments", "0001_initial"), comments.dump(2));
    EXPECT_EQ(project.ok({"showmigrations"}).out, "accounts\n [X] 0001_initial\nblog\n [X] " +
                                                      kSquashName +
                                                      "\ncomments\n [X] 0001_initial\n");
    EXPECT_TRUE(contains(project.ok({"migrate"}).out, "No migrations to apply."));
    project.ok({"rollback"});
    EXPECT_EQ(project.recorded(), Strings{});
    EXPECT_EQ(project.blog_columns(), kNoTable);
  }
}

// 0001 and 0002 applied: the squash cannot stand for a half-applied range, so the replaced
// migrations stay listed and migrate applies 0003 alone; then the squash stands for all three
// and that migrate records it.
TEST(SquashStatus, SomeReplacedAppliedKeepsThemAndLeavesTheSquashOut) {
  for (Dialect dialect : test_dialects()) {
    SquashProject project(dialect);
    project.ok({"migrate", "blog", "0002"});
    project.squash();

    EXPECT_EQ(project.ok({"showmigrations", "blog"}).out,
              "blog\n [X] 0001_initial\n [X] 0002_blog_views\n [ ] 0003_blog_score\n");
    auto json = nlohmann::json::parse(project.ok({"showmigrations", "--format", "json"}).out);
    EXPECT_EQ(json["apps"][1]["migrations"].size(), 3u) << json.dump(2);
    // A target inside the range works while the replaced migrations are in use.
    auto back = project.ok({"migrate", "blog", "0001"});
    EXPECT_TRUE(contains(back.out, "  Unapplying blog.0002_blog_views... OK")) << back.out;
    project.ok({"migrate", "blog", "0002"});

    auto plan = project.ok({"migrate", "--plan"});
    EXPECT_TRUE(contains(plan.out, "blog.0003_blog_score\n    Add field score to Blog\n"))
        << plan.out;
    EXPECT_FALSE(contains(plan.out, kSquashName)) << plan.out;
    // Once 0003 completes the range, the same run records the squash in place of the three.
    auto migrate = project.ok({"migrate"});
    EXPECT_TRUE(contains(migrate.out, "  Applying blog.0003_blog_score... OK")) << migrate.out;
    EXPECT_FALSE(contains(migrate.out, "Applying blog." + kSquashName)) << migrate.out;
    EXPECT_TRUE(contains(migrate.out, "  Recorded blog." + kSquashName +
                                          " as applied in place of the 3 migrations it replaces\n"))
        << migrate.out;
    EXPECT_EQ(project.recorded(),
              (Strings{"accounts.0001_initial", "blog." + kSquashName, "comments.0001_initial"}));
    EXPECT_EQ(project.blog_columns(), kAllColumns);
    EXPECT_EQ(project.ok({"showmigrations"}).out, kSquashedShown);
    EXPECT_EQ(project.ok({"check"}).exit_code, 0);
  }
}

// Nothing applied: the squash is the migration in use; sqlmigrate prints its SQL, migrate
// applies it as one migration, a target inside the squashed range is refused naming the squash.
TEST(SquashStatus, NoneAppliedUsesTheSquash) {
  for (Dialect dialect : test_dialects()) {
    SquashProject project(dialect);
    project.squash();
    EXPECT_EQ(project.ok({"showmigrations", "blog"}).out,
              "blog\n [ ] " + kSquashName + " (3 squashed migrations)\n");
    auto sql = project.ok({"sqlmigrate", "blog", kSquashName});
    EXPECT_TRUE(contains(sql.out, "score")) << sql.out;
    EXPECT_TRUE(contains(sql.out, "views")) << sql.out;

    auto inside = project.run({"migrate", "blog", "0002"});
    EXPECT_EQ(inside.exit_code, 2) << all_output(inside);
    EXPECT_TRUE(contains(inside.err,
                         "migration blog.0002_blog_views is replaced by the squashed "
                         "migration blog." +
                             kSquashName))
        << inside.err;
    EXPECT_EQ(project.recorded(), Strings{});

    auto migrate = project.ok({"migrate"});
    EXPECT_TRUE(contains(migrate.out, "  Applying blog." + kSquashName + "... OK")) << migrate.out;
    EXPECT_EQ(project.recorded(),
              (Strings{"accounts.0001_initial", "blog." + kSquashName, "comments.0001_initial"}));
    EXPECT_EQ(project.blog_columns(), kAllColumns);
    EXPECT_EQ(project.ok({"check"}).exit_code, 0);

    auto zero = project.ok({"migrate", "blog", "zero"});
    EXPECT_TRUE(contains(zero.out, "  Unapplying comments.0001_initial... OK")) << zero.out;
    EXPECT_TRUE(contains(zero.out, "  Unapplying blog." + kSquashName + "... OK")) << zero.out;
    EXPECT_EQ(project.recorded(), Strings{"accounts.0001_initial"});
    EXPECT_EQ(project.blog_columns(), kNoTable);
  }
}

// The replaced files deleted while the squash still has `replaces`: the records of the old
// names are the squash's, not migrations missing on disk; rollback unapplies the squash instead
// of asking to restore them.
TEST(SquashStatus, ReplacedFilesDeletedStillCountForTheSquash) {
  for (Dialect dialect : test_dialects()) {
    SquashProject project(dialect);
    project.ok({"migrate"});
    project.squash();
    delete_replaced_files(project);

    EXPECT_EQ(project.ok({"showmigrations"}).out, kSquashedShown) << to_string(dialect);
    auto rollback = project.ok({"rollback"});
    EXPECT_TRUE(contains(rollback.out, "  Unapplying blog." + kSquashName + "... OK"))
        << rollback.out;
    EXPECT_EQ(project.recorded(), Strings{});
    EXPECT_EQ(project.blog_columns(), kNoTable);
  }
}

// `replaces` removed and the old files deleted before migrate recorded the squash on this
// database: dbmig cannot know the old records were the squash's. It lists them as applied but
// missing (Django hides them) and the squash as not applied, so nothing is hidden.
TEST(SquashStatus, ReplacesRemovedBeforeMigrateListsTheOldRecordsAsMissing) {
  for (Dialect dialect : test_dialects()) {
    SquashProject project(dialect);
    project.ok({"migrate"});
    project.squash();
    delete_replaced_files(project);
    auto squash = nlohmann::json::parse(read_file(project.file("blog", kSquashName)));
    squash.erase("replaces");
    write_file(project.file("blog", kSquashName), squash.dump(2));
    auto comments = nlohmann::json::parse(read_file(project.file("comments", "0001_initial")));
    comments["dependencies"] = nlohmann::json::array({{"blog", kSquashName}});
    write_file(project.file("comments", "0001_initial"), comments.dump(2));

    auto shown = project.ok({"showmigrations", "blog"}).out;
    EXPECT_EQ(shown, "blog\n [ ] " + kSquashName +
                         "\n [X] 0001_initial (applied, but migrations/blog/0001_initial.json is "
                         "missing)\n [X] 0002_blog_views (applied, but "
                         "migrations/blog/0002_blog_views.json is missing)\n [X] 0003_blog_score "
                         "(applied, but migrations/blog/0003_blog_score.json is missing)\n");
  }
}

}  // namespace dbmig::test
