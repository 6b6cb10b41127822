// render_step: the statements of one plan step, the one rendering migrate runs and sqlmigrate
// prints.
#include <gtest/gtest.h>

#include "autodetector_fixtures.hpp"
#include "dbmig/migration_plan.hpp"

namespace dbmig::test {
namespace {

Migration blog_migration() {
  Migration migration;
  migration.app = "blog";
  migration.name = "0001_initial";
  Field subtitle = text_field("subtitle");
  subtitle.null = true;
  migration.operations = {
      std::make_shared<CreateModel>(make_model("blog", "Blog", {})),
      std::make_shared<AddField>("Blog", subtitle),
      std::make_shared<RunSQL>(std::vector<std::string>{"UPDATE blogs SET subtitle = 'x'"},
                               std::nullopt)};
  return migration;
}

std::vector<std::string> described(const RenderedStep& rendered) {
  std::vector<std::string> names;
  for (const auto& operation : rendered.operations)
    names.push_back(operation.operation->describe());
  return names;
}

// The blog migration rendered on an empty state, which it then holds.
struct Rendering {
  Migration migration = blog_migration();
  ProjectState state;
  RenderedStep rendered;
  Rendering(Direction direction, Dialect dialect, bool with_sql = true)
      : rendered(
            render_step({&migration, direction}, state, *make_schema_editor(dialect), with_sql)) {}
};

TEST(RenderStep, ForwardsGivesEachOperationItsStatementsAndTheCreatedTables) {
  Rendering forwards(Direction::forwards, Dialect::sqlite);
  const RenderedStep& rendered = forwards.rendered;
  EXPECT_EQ(described(rendered),
            lines("Create model Blog", "Add field subtitle to Blog", "Raw SQL operation"));
  ASSERT_EQ(rendered.operations.size(), 3u);
  EXPECT_EQ(rendered.operations[2].statements, lines("UPDATE blogs SET subtitle = 'x'"));
  EXPECT_EQ(rendered.statements().size(), 3u);
  EXPECT_EQ(rendered.created_tables, lines("blog_blog"));
  EXPECT_NE(forwards.state.find({"blog", "Blog"}), nullptr);
}

// The executor refuses such a plan before it renders; sqlmigrate prints the mark.
TEST(RenderStep, BackwardsRunsInReverseAndMarksWhatCannotBeReversed) {
  Rendering backwards(Direction::backwards, Dialect::postgresql);
  const RenderedStep& rendered = backwards.rendered;
  EXPECT_EQ(described(rendered),
            lines("Raw SQL operation", "Add field subtitle to Blog", "Create model Blog"));
  ASSERT_EQ(rendered.operations.size(), 3u);
  EXPECT_TRUE(rendered.operations[0].irreversible);
  EXPECT_TRUE(rendered.operations[0].statements.empty());
  EXPECT_FALSE(rendered.operations[1].irreversible);
  EXPECT_EQ(rendered.operations[2].statements, lines("DROP TABLE \"blog_blog\""));
}

TEST(RenderStep, WithoutSqlOnlyTheStateChanges) {
  Rendering fake(Direction::forwards, Dialect::mysql, /*with_sql=*/false);
  EXPECT_TRUE(fake.rendered.operations.empty());
  EXPECT_NE(fake.state.find({"blog", "Blog"}), nullptr);
}

}  // namespace
}  // namespace dbmig::test
