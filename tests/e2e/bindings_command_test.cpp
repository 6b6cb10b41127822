// `dbmig bindings` run through the built binary on a copy of tests/fixtures/scanner/bindings:
// the headers it writes and rewrites, --check, --depfile, --list, --output, and the errors
// (unknown app, a model error) that write nothing.
#include <gtest/gtest.h>

#include "output_checks.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

class BindingsCommand : public ::testing::Test {
 protected:
  BindingsCommand() {
    fs::copy(fs::path(DBMIG_FIXTURES_DIR) / "scanner/bindings", root(),
             fs::copy_options::recursive);
  }

  const fs::path& root() const { return dir_.path(); }
  RunResult bindings(std::vector<std::string> args) const {
    args.insert(args.begin(), "bindings");
    return run_dbmig(args, root());
  }
  fs::path header(const std::string& app) const {
    return root() / "bindings" / app / "models_soci.hpp";
  }
  // Renames blog's column `title`, which changes blog's bindings only.
  void rename_blog_title() const {
    fs::path models = root() / "apps/blog/models.hpp";
    std::string text = read_file(models);
    text.replace(text.find("std::string title"), 0, "DBMIG_FIELD(column = \"headline\") ");
    write_file(models, text);
  }
  // Sets both headers' modification time an hour back, so a rewrite shows.
  fs::file_time_type age_headers() const {
    auto old = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (const char* app : {"blog", "shop"}) fs::last_write_time(header(app), old);
    return old;
  }

 private:
  TempDir dir_;
};

}  // namespace

TEST_F(BindingsCommand, WritesEveryAppsHeaderThenOnlyTheChangedOnes) {
  RunResult first = bindings({});
  ASSERT_EQ(first.exit_code, 0) << all_output(first);
  EXPECT_EQ(first.out,
            "Wrote bindings/blog/models_soci.hpp\nWrote bindings/shop/models_soci.hpp\n");
  EXPECT_EQ(read_file(header("shop")),
            read_file(fs::path(DBMIG_FIXTURES_DIR) / "bindings/shop_models_soci.hpp"));
  EXPECT_TRUE(contains(read_file(header("blog")), "struct dbmig::rows::model<::blog::Post> {"));

  auto old = age_headers();
  RunResult again = bindings({});
  ASSERT_EQ(again.exit_code, 0) << all_output(again);
  EXPECT_EQ(again.out, "Bindings up to date (2 files)\n");
  EXPECT_EQ(fs::last_write_time(header("blog")), old);

  rename_blog_title();
  RunResult changed = bindings({});
  ASSERT_EQ(changed.exit_code, 0) << all_output(changed);
  EXPECT_EQ(changed.out, "Wrote bindings/blog/models_soci.hpp\n");
  EXPECT_TRUE(contains(read_file(header("blog")), "title = \"headline\";"));
  EXPECT_EQ(fs::last_write_time(header("shop")), old);
  EXPECT_NE(fs::last_write_time(header("blog")), old);
}

TEST_F(BindingsCommand, CheckExitsOneForAnOutOfDateHeaderAndWritesNothing) {
  RunResult missing = bindings({"--check"});
  EXPECT_EQ(missing.exit_code, 1) << all_output(missing);
  EXPECT_EQ(missing.out,
            "Out of date: bindings/blog/models_soci.hpp\nOut of date: "
            "bindings/shop/models_soci.hpp\n");
  EXPECT_FALSE(fs::exists(root() / "bindings"));

  ASSERT_EQ(bindings({}).exit_code, 0);
  RunResult current = bindings({"--check"});
  EXPECT_EQ(current.exit_code, 0) << all_output(current);
  EXPECT_EQ(current.out, "Bindings up to date (2 files)\n");

  std::string before = read_file(header("blog"));
  rename_blog_title();
  RunResult stale = bindings({"--check"});
  EXPECT_EQ(stale.exit_code, 1) << all_output(stale);
  EXPECT_EQ(stale.out, "Out of date: bindings/blog/models_soci.hpp\n");
  EXPECT_EQ(read_file(header("blog")), before);
}

TEST_F(BindingsCommand, AnUnknownAppIsAnErrorAndWritesNothing) {
  RunResult result = bindings({"shop", "nope"});
  EXPECT_EQ(result.exit_code, 2) << all_output(result);
  EXPECT_TRUE(contains(result.err, "no app named 'nope' (the project's apps: blog, shop)"))
      << result.err;
  EXPECT_FALSE(fs::exists(root() / "bindings"));
}

TEST_F(BindingsCommand, AModelErrorIsReportedWithItsPlaceAndWritesNothing) {
  ASSERT_EQ(bindings({"blog"}).exit_code, 0);
  std::string blog = read_file(header("blog"));
  fs::path models = root() / "apps/blog/models.hpp";
  std::string text = read_file(models);
  write_file(models, text.replace(text.find("std::string title"), 0, "DBMIG_FIELD(bogus) "));
  RunResult result = bindings({});
  EXPECT_EQ(result.exit_code, 2) << all_output(result);
  EXPECT_TRUE(contains(result.err, "apps/blog/models.hpp:12:")) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_FALSE(fs::exists(header("shop")));
  EXPECT_EQ(read_file(header("blog")), blog);
}

TEST_F(BindingsCommand, DepfileNamesTheOutputsAndEveryFileTheScanRead) {
  RunResult result = bindings({"shop", "--output", "gen/deep", "--depfile", "out/shop.d"});
  ASSERT_EQ(result.exit_code, 0) << all_output(result);
  fs::path output = fs::weakly_canonical(root()) / "gen/deep/shop/models_soci.hpp";
  EXPECT_TRUE(contains(read_file(output), "\n#include \"../../../apps/shop/models.hpp\"\n"));
  std::string depfile = read_file(root() / "out/shop.d");
  EXPECT_TRUE(depfile.starts_with(output.string() + ": \\\n")) << depfile;
  fs::path apps = fs::weakly_canonical(root() / "apps");
  for (const fs::path& read : {apps / "shop/models.hpp", apps / "shop/stamped.hpp",
                               fs::path(DBMIG_INCLUDE_DIR) / "dbmig/model.hpp"})
    EXPECT_TRUE(contains(depfile, "\n  " + fs::weakly_canonical(read).string() + " \\\n") ||
                contains(depfile, "\n  " + fs::weakly_canonical(read).string() + "\n"))
        << read << " not in\n"
        << depfile;
  EXPECT_FALSE(contains(depfile, "/blog/models_soci.hpp")) << depfile;
}

TEST_F(BindingsCommand, ListPrintsTheOutputsWithoutReadingTheModels) {
  write_file(root() / "apps/blog/models.hpp", "this is not C++");
  RunResult result = bindings({"--list", "--output", "gen"});
  EXPECT_EQ(result.exit_code, 0) << all_output(result);
  fs::path gen = fs::absolute(root() / "gen").lexically_normal();
  EXPECT_EQ(result.out, (gen / "blog/models_soci.hpp").string() + "\n" +
                            (gen / "shop/models_soci.hpp").string() + "\n");
  EXPECT_FALSE(fs::exists(gen));
}

}  // namespace dbmig::test
