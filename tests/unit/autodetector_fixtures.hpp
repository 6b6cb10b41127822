// Builders for the autodetector, questioner, writer and makemigrations tests: models, fields
// and states constructed directly (no scanner), a scripted questioner, and replay.
#pragma once

#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "dbmig/autodetector.hpp"
#include "dbmig/error.hpp"
#include "dbmig/naming.hpp"
#include "dbmig/operations.hpp"
#include "dbmig/questioner.hpp"

namespace dbmig {
// So GoogleTest shows "blog.0001_initial" in failures.
inline void PrintTo(const MigrationKey& key, std::ostream* out) {
  *out << key.str();
}
}  // namespace dbmig

namespace dbmig::test {

inline Field primary_key_field(const std::string& name = "id") {
  Field field;
  field.name = name;
  field.type = FieldType::int64;
  field.primary_key = true;
  field.auto_increment = true;
  return field;
}

inline Field text_field(const std::string& name, std::optional<int> max_length = std::nullopt) {
  Field field;
  field.name = name;
  field.type = FieldType::string;
  field.max_length = max_length;
  return field;
}

inline Field int_field(const std::string& name, bool null = false) {
  Field field;
  field.name = name;
  field.type = FieldType::int32;
  field.null = null;
  return field;
}

inline Field reference_field(const std::string& name, const ModelKey& target, bool null = false,
                             OnDelete on_delete = OnDelete::cascade) {
  Field field;
  field.name = name;
  field.type = FieldType::int64;
  field.null = null;
  field.index = true;
  field.references = Reference{target, on_delete};
  return field;
}

inline Model make_model(const std::string& app, const std::string& name,
                        std::vector<Field> fields) {
  Model model;
  model.app = app;
  model.name = name;
  model.table = default_table_name(app, name);
  model.fields.push_back(primary_key_field());
  for (Field& field : fields) model.fields.push_back(std::move(field));
  return model;
}

inline void put(ProjectState& state, Model model) {
  ModelKey key = model.key();
  state.models[key] = std::move(model);
}

// The classic example: accounts.User and blog.Blog with user_id -> accounts.User.
inline ProjectState blog_project() {
  ProjectState state;
  put(state, make_model("accounts", "User", {text_field("email", 254)}));
  put(state, make_model("blog", "Blog",
                        {text_field("title", 200), text_field("body"),
                         reference_field("user_id", {"accounts", "User"})}));
  return state;
}

// Answers from a script and records every question.
class ScriptedQuestioner : public Questioner {
 public:
  std::set<std::string> renames;      // "blog.Blog.body->content", "blog.Post->Article"
  std::optional<Literal> fill_value;  // for every added NOT NULL field; none => throw
  std::vector<std::string> questions;

  bool ask_rename_field(const ModelKey& model, const Field& old_field,
                        const Field& new_field) override {
    std::string question = model.str() + "." + old_field.name + "->" + new_field.name;
    questions.push_back(question);
    return renames.count(question) != 0;
  }
  bool ask_rename_model(const Model& old_model, const Model& new_model) override {
    std::string question = old_model.key().str() + "->" + new_model.name;
    questions.push_back(question);
    return renames.count(question) != 0;
  }
  Literal ask_fill_value_for_added_field(const Model& model, const Field& field) override {
    questions.push_back("fill " + model.key().str() + "." + field.name);
    if (!fill_value) throw InputError("no default for " + field.name);
    return *fill_value;
  }
  std::optional<Literal> ask_fill_value_for_altered_field(const Model& model,
                                                          const Field& field) override {
    questions.push_back("fill altered " + model.key().str() + "." + field.name);
    return fill_value;
  }
};

template <typename... Text>
std::vector<std::string> lines(Text... text) {
  return {std::string(text)...};
}

template <typename... Key>
std::vector<MigrationKey> keys(Key... key) {
  return {key...};
}

// "blog/0001_initial: Create model Blog" per operation, in migration order.
inline std::vector<std::string> describe(const std::vector<Migration>& migrations) {
  std::vector<std::string> lines;
  for (const Migration& migration : migrations)
    for (const OperationPtr& operation : migration.operations)
      lines.push_back(migration.app + "/" + migration.name + ": " + operation->describe());
  return lines;
}

inline std::vector<std::string> describe(const std::vector<PlannedOperation>& operations) {
  std::vector<std::string> lines;
  for (const PlannedOperation& planned : operations)
    lines.push_back(planned.app + ": " + planned.operation->describe());
  return lines;
}

// Applies the migrations in the order given (arrange_migrations returns an applicable order).
inline ProjectState replay(ProjectState state, const std::vector<Migration>& migrations) {
  for (const Migration& migration : migrations)
    for (const OperationPtr& operation : migration.operations)
      operation->apply(state, migration.app);
  return state;
}

}  // namespace dbmig::test
