// Small migration histories built in C++ for the executor tests: the README's blog example
// (accounts.User; blog.Blog referencing it) and hand-written RunSQL migrations.
#pragma once

#include <memory>
#include <sstream>

#include "dbmig/executor.hpp"
#include "dbmig/graph.hpp"
#include "dbmig/operations.hpp"
#include "test_support.hpp"

namespace dbmig::test {

inline Field int64_field(const std::string& name) {
  Field field;
  field.name = name;
  field.type = FieldType::int64;
  return field;
}

inline Field primary_key() {
  Field field = int64_field("id");
  field.primary_key = true;
  field.auto_increment = true;
  return field;
}

inline Migration make_migration(const std::string& app, const std::string& name,
                                std::vector<MigrationKey> dependencies, Operations operations) {
  Migration migration;
  migration.app = app;
  migration.name = name;
  migration.dependencies = std::move(dependencies);
  migration.operations = std::move(operations);
  return migration;
}

inline OperationPtr create_model(const std::string& name, std::vector<Field> fields) {
  Model model;
  model.name = name;
  model.fields = std::move(fields);
  return std::make_shared<CreateModel>(std::move(model));
}

inline OperationPtr run_sql(std::vector<std::string> sql,
                            std::optional<std::vector<std::string>> reverse = std::nullopt) {
  return std::make_shared<RunSQL>(std::move(sql), std::move(reverse));
}

// accounts.0001 (User), blog.0001 (Blog -> User), blog.0002 (Blog.views), in graph order.
inline std::vector<Migration> blog_history() {
  Field user_id = int64_field("user_id");
  user_id.references = Reference{{"accounts", "User"}, OnDelete::cascade};
  Field views = int64_field("views");
  views.default_value = Literal{std::int64_t{0}};
  return {
      make_migration("accounts", "0001_initial", {}, {create_model("User", {primary_key()})}),
      make_migration("blog", "0001_initial", {{"accounts", "0001_initial"}},
                     {create_model("Blog", {primary_key(), user_id})}),
      make_migration("blog", "0002_blog_views", {{"blog", "0001_initial"}},
                     {std::make_shared<AddField>("Blog", views)}),
  };
}

// One database of one dialect, with the project config and a console that captures output.
struct ExecutorHarness {
  TempDir dir;
  ProjectConfig config;
  std::unique_ptr<Connection> connection;
  std::ostringstream out, err;
  Console console{out, err};

  explicit ExecutorHarness(Dialect dialect) {
    config = load_project_config(dir.path());
    auto url = fresh_database_url(dialect, dir.path());
    if (url) connection = std::make_unique<Connection>(parse_database_url(*url));
  }

  // A fresh executor over the records as they are now (commands build one per run).
  MigrationExecutor executor(const MigrationGraph& graph) {
    MigrationRecorder recorder(*connection);
    recorder.ensure_table();
    return MigrationExecutor(*connection, config, graph, {}, recorder.records(), console);
  }

  std::vector<std::string> recorded() {
    std::vector<std::string> keys;
    for (const auto& record : MigrationRecorder(*connection).records())
      keys.push_back(record.key.str() + "@" + std::to_string(record.batch));
    return keys;
  }
};

}  // namespace dbmig::test
