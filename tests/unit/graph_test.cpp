// The migration graph: order, plans, leaves, state replay, every graph error, and squashed
// migrations.
#include <gtest/gtest.h>

#include "dbmig/error.hpp"
#include "dbmig/graph.hpp"
#include "dbmig/operations.hpp"

namespace dbmig {
namespace {

Migration migration(std::string app, std::string name, std::vector<MigrationKey> dependencies,
                    Operations operations = {}) {
  Migration m;
  m.app = std::move(app);
  m.name = std::move(name);
  m.dependencies = std::move(dependencies);
  m.operations = std::move(operations);
  return m;
}

OperationPtr create(std::string name) {
  Model model;
  model.name = std::move(name);
  Field id;
  id.name = "id";
  model.fields = {id};
  return std::make_shared<CreateModel>(model);
}

std::vector<std::string> names(const std::vector<const Migration*>& plan) {
  std::vector<std::string> result;
  for (const auto* m : plan) result.push_back(m->key().str());
  return result;
}

std::string error_of(std::vector<Migration> migrations) {
  try {
    MigrationGraph graph(std::move(migrations));
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

std::vector<Migration> blog_history() {
  return {migration("blog", "0001_initial", {{"accounts", "0001_initial"}}, {create("Blog")}),
          migration("blog", "0002_blog_subtitle", {{"blog", "0001_initial"}}, {create("Tag")}),
          migration("accounts", "0001_initial", {}, {create("User")}),
          migration("accounts", "0002_profile", {{"accounts", "0001_initial"}})};
}

TEST(GraphOrder, DependenciesFirstThenAppThenName) {
  MigrationGraph graph(blog_history());
  EXPECT_EQ(names(graph.order()),
            (std::vector<std::string>{"accounts.0001_initial", "accounts.0002_profile",
                                      "blog.0001_initial", "blog.0002_blog_subtitle"}));
  EXPECT_EQ(names(graph.forwards_plan({"blog", "0001_initial"})),
            (std::vector<std::string>{"accounts.0001_initial", "blog.0001_initial"}));
  EXPECT_EQ(names(graph.backwards_plan({"accounts", "0001_initial"})),
            (std::vector<std::string>{"blog.0002_blog_subtitle", "blog.0001_initial",
                                      "accounts.0002_profile", "accounts.0001_initial"}));
  EXPECT_EQ(graph.apps(), (std::vector<std::string>{"accounts", "blog"}));
  EXPECT_EQ(graph.leaf("blog"), (MigrationKey{"blog", "0002_blog_subtitle"}));
  EXPECT_EQ(graph.leaf("shop"), std::nullopt);
}

TEST(GraphOrder, ResolvesNamePrefixes) {
  MigrationGraph graph(blog_history());
  EXPECT_EQ(graph.resolve("blog", "0002"), (MigrationKey{"blog", "0002_blog_subtitle"}));
  EXPECT_EQ(graph.resolve("blog", "0001_initial"), (MigrationKey{"blog", "0001_initial"}));
  EXPECT_THROW(graph.resolve("blog", "0003"), InputError);
  EXPECT_THROW(graph.resolve("blog", "000"), InputError);
}

TEST(GraphState, ReplaysUpToATargetOrAll) {
  MigrationGraph graph(blog_history());
  ProjectState all = graph.state_at();
  EXPECT_EQ(all.models.size(), 3u);
  ProjectState first = graph.state_at(MigrationKey{"blog", "0001_initial"});
  EXPECT_NE(first.find({"blog", "Blog"}), nullptr);
  EXPECT_NE(first.find({"accounts", "User"}), nullptr);
  EXPECT_EQ(first.find({"blog", "Tag"}), nullptr);
}

TEST(GraphState, ReplayErrorsNameMigrationAndOperation) {
  MigrationGraph graph({migration("blog", "0001_initial", {}, {create("Blog"), create("Blog")})});
  try {
    graph.state_at();
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "migration blog.0001_initial: $.operations[1] (Create model Blog): cannot create "
              "model Blog: model blog.Blog already exists; correct this operation, or the "
              "earlier migration it relies on");
  }
}

TEST(GraphErrors, MissingDependencyNamesBoth) {
  EXPECT_EQ(error_of({migration("blog", "0001_initial", {{"accounts", "0001_initial"}})}),
            "migration blog.0001_initial depends on accounts.0001_initial, which does not exist; "
            "restore that migration or fix the dependency");
}

TEST(GraphErrors, CycleShowsItsPath) {
  EXPECT_EQ(error_of({migration("a", "0001_x", {{"b", "0001_y"}}),
                      migration("b", "0001_y", {{"a", "0001_x"}}), migration("c", "0001_z", {})}),
            "dependency cycle between migrations: a.0001_x -> b.0001_y -> a.0001_x; remove one "
            "of these dependencies");
}

TEST(GraphErrors, DuplicateNumberOnOneLine) {
  EXPECT_EQ(error_of({migration("blog", "0001_initial", {}),
                      migration("blog", "0002_a", {{"blog", "0001_initial"}}),
                      migration("blog", "0002_b", {{"blog", "0002_a"}})}),
            "app blog: migrations 0002_a and 0002_b share the number 0002 but 0002_b depends on "
            "0002_a; renumber 0002_b");
  EXPECT_EQ(
      error_of({migration("blog", "0001_initial", {}), migration("blog", "0001_initial", {})}),
      "migration blog.0001_initial exists twice");
}

TEST(GraphErrors, TwoLeavesAskForAMerge) {
  std::vector<Migration> branches = {migration("blog", "0001_initial", {}),
                                     migration("blog", "0002_a", {{"blog", "0001_initial"}}),
                                     migration("blog", "0002_b", {{"blog", "0001_initial"}})};
  MigrationGraph graph(branches);
  EXPECT_EQ(graph.conflicts().at("blog"),
            (std::vector<MigrationKey>{{"blog", "0002_a"}, {"blog", "0002_b"}}));
  const std::string message =
      "conflicting migrations in app blog: blog.0002_a, blog.0002_b are both leaves (two "
      "branches of history); run `dbmig makemigrations --merge` to join them";
  try {
    graph.leaf("blog");
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
  branches.push_back(migration("blog", "0003_merge", {{"blog", "0002_a"}, {"blog", "0002_b"}}));
  MigrationGraph merged(std::move(branches));
  EXPECT_TRUE(merged.conflicts().empty());
  EXPECT_EQ(merged.leaf("blog"), (MigrationKey{"blog", "0003_merge"}));
}

std::vector<Migration> squashed_history() {
  Migration squash = migration("blog", "0001_squashed_0002", {}, {create("Blog"), create("Tag")});
  squash.replaces = {{"blog", "0001_initial"}, {"blog", "0002_tag"}};
  return {migration("blog", "0001_initial", {}, {create("Blog")}),
          migration("blog", "0002_tag", {{"blog", "0001_initial"}}, {create("Tag")}), squash,
          migration("blog", "0003_more", {{"blog", "0002_tag"}})};
}

TEST(GraphReplaces, SquashStandsForReplacedWhenNoneOrAllApplied) {
  for (const auto& applied :
       {std::set<MigrationKey>{},
        std::set<MigrationKey>{{"blog", "0001_initial"}, {"blog", "0002_tag"}}}) {
    ResolvedMigrations resolved = resolve_replacements(squashed_history(), applied);
    MigrationGraph graph(std::move(resolved.migrations));
    EXPECT_EQ(names(graph.order()),
              (std::vector<std::string>{"blog.0001_squashed_0002", "blog.0003_more"}));
    EXPECT_EQ(resolved.replacements.at({"blog", "0001_squashed_0002"}).size(), 2u);
    EXPECT_EQ(graph.state_at().models.size(), 2u);
  }
}

TEST(GraphReplaces, PartlyAppliedKeepsTheReplacedMigrations) {
  ResolvedMigrations resolved =
      resolve_replacements(squashed_history(), {{"blog", "0001_initial"}});
  MigrationGraph graph(std::move(resolved.migrations));
  EXPECT_EQ(names(graph.order()),
            (std::vector<std::string>{"blog.0001_initial", "blog.0002_tag", "blog.0003_more"}));
  EXPECT_TRUE(resolved.replacements.empty());
}

TEST(GraphReplaces, EffectiveAppliedAddsFullyAppliedSquashes) {
  std::map<MigrationKey, std::vector<MigrationKey>> replacements = {
      {{"blog", "0001_s"}, {{"blog", "0001_a"}, {"blog", "0002_b"}}}};
  EXPECT_EQ(effective_applied({{"blog", "0001_a"}}, replacements).count({"blog", "0001_s"}), 0u);
  EXPECT_EQ(effective_applied({{"blog", "0001_a"}, {"blog", "0002_b"}}, replacements)
                .count({"blog", "0001_s"}),
            1u);
}

}  // namespace
}  // namespace dbmig
