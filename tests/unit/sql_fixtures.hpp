// Models shared by the SQL golden tests (tests/unit/sql_*.cpp) and the execution tests
// (tests/db/sql_*.cpp): the blog example's users and blogs, covering every field type.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "dbmig/operations.hpp"
#include "dbmig/schema_editor.hpp"
#include "dbmig/state.hpp"

namespace dbmig::test {

inline Field make_field(std::string name, FieldType type) {
  Field field;
  field.name = std::move(name);
  field.type = type;
  return field;
}

inline Field auto_key(std::string name = "id") {
  Field field = make_field(std::move(name), FieldType::int64);
  field.primary_key = true;
  field.auto_increment = true;
  return field;
}

inline Field string_field(std::string name, std::optional<int> max_length = std::nullopt) {
  Field field = make_field(std::move(name), FieldType::string);
  field.max_length = max_length;
  return field;
}

inline Model users_model() {
  Model model{"accounts", "User", "users", {}, {}, {}, ""};
  model.fields.push_back(auto_key());
  Field email = string_field("email", 200);
  email.unique = true;
  model.fields.push_back(email);
  Field name = string_field("name");
  name.default_value = std::string("it's");
  model.fields.push_back(name);
  Field age = make_field("age", FieldType::uint8);
  age.null = true;
  model.fields.push_back(age);
  Field balance = make_field("balance", FieldType::decimal);
  balance.precision = 12;
  balance.scale = 2;
  balance.default_value = 0.5;
  model.fields.push_back(balance);
  Field joined = make_field("joined_at", FieldType::timestamp);
  joined.null = true;
  model.fields.push_back(joined);
  Field born = make_field("born", FieldType::date);
  born.null = true;
  model.fields.push_back(born);
  Field avatar = make_field("avatar", FieldType::bytes);
  avatar.null = true;
  model.fields.push_back(avatar);
  Field score = make_field("score", FieldType::float64);
  score.default_value = 1.5;
  model.fields.push_back(score);
  Field rank = make_field("rank", FieldType::float32);
  rank.null = true;
  model.fields.push_back(rank);
  Field level = make_field("level", FieldType::int16);
  level.default_value = std::int64_t{-3};
  model.fields.push_back(level);
  Field visits = make_field("visits", FieldType::uint64);
  visits.default_value = std::uint64_t{0};
  model.fields.push_back(visits);
  return model;
}

inline Model blogs_model() {
  Model model{"blog", "Blog", "blogs", {}, {}, {}, ""};
  model.fields.push_back(auto_key());
  model.fields.push_back(string_field("title", 200));
  model.fields.push_back(string_field("body"));
  Field active = make_field("active", FieldType::boolean);
  active.default_value = true;
  model.fields.push_back(active);
  Field user = make_field("user_id", FieldType::int64);
  user.references = Reference{{"accounts", "User"}, OnDelete::cascade};
  user.index = true;
  model.fields.push_back(user);
  Field subtitle = string_field("subtitle", 100);
  subtitle.null = true;
  model.fields.push_back(subtitle);
  Field created = make_field("created_at", FieldType::timestamp);
  model.fields.push_back(created);
  return model;
}

inline ProjectState state_of(const std::vector<Model>& models) {
  ProjectState state;
  for (const auto& model : models) state.models[model.key()] = model;
  return state;
}

inline const ModelKey users_key{"accounts", "User"};
inline const ModelKey blogs_key{"blog", "Blog"};

inline const std::vector<Dialect> all_dialects{Dialect::sqlite, Dialect::postgresql,
                                               Dialect::mysql};

}  // namespace dbmig::test

namespace dbmig::test {

// Statements one per line, each ending in ';', for readable golden comparisons.
inline std::string sql_text(const Statements& statements) {
  std::string text;
  for (const auto& statement : statements) text += statement + ";\n";
  return text;
}

}  // namespace dbmig::test

namespace dbmig::test {

// One operation on the blog example, as a migration of `app` holds it: the state before, the
// state after (the operation applied), and its SQL each way.
struct SchemaChangeCase {
  std::string name;
  std::string app;
  ProjectState before;
  ProjectState after;
  OperationPtr operation;

  // Through the online editor for an online operation, as migrate renders it (operation_sql).
  Statements forwards(const SchemaEditor& editor) const {
    return operation->forwards(*editor_for(editor), app, {before, after});
  }
  Statements backwards(const SchemaEditor& editor) const {
    return operation->backwards(*editor_for(editor), app, {before, after});
  }
  std::unique_ptr<SchemaEditor> editor_for(const SchemaEditor& editor) const {
    return operation->options.online ? editor.online_editor()
                                     : make_schema_editor(editor.dialect());
  }
};

// `operation` with "online": true, read back from its JSON form like a migration file's.
inline OperationPtr online(const OperationPtr& operation) {
  auto json = operation->to_json();
  json["online"] = true;
  return operation_from_json(json, "$");
}

inline ProjectState blog_state() {
  return state_of({users_model(), blogs_model()});
}

// `change` applied to a copy of the blog models.
inline ProjectState blog_state_with(const std::function<void(Model& users, Model& blogs)>& change) {
  Model users = users_model(), blogs = blogs_model();
  change(users, blogs);
  return state_of({users, blogs});
}

inline SchemaChangeCase change_case(std::string name, const ModelKey& on, OperationPtr operation,
                                    ProjectState before = blog_state()) {
  ProjectState after = before;
  operation->apply(after, on.app);
  return {std::move(name), on.app, std::move(before), std::move(after), std::move(operation)};
}

// AlterField of `field` of the blog models, changed by `change`.
inline SchemaChangeCase alter_case(std::string name, const ModelKey& on, const std::string& field,
                                   const std::function<void(Field&)>& change) {
  Field altered = *blog_state().get(on).find_field(field);
  change(altered);
  return change_case(std::move(name), on, std::make_shared<AlterField>(on.name, altered));
}

// Every operation kind on the blog models, each in a shape that exercises its hard parts.
inline std::vector<SchemaChangeCase> schema_change_cases() {
  std::vector<SchemaChangeCase> cases;
  auto add = [&](std::string name, const ModelKey& on, Field field) {
    cases.push_back(change_case(std::move(name), on, std::make_shared<AddField>(on.name, field)));
  };
  Field views = make_field("views", FieldType::int32);
  views.null = true;
  add("AddNullableField", blogs_key, views);
  Field rating = make_field("rating", FieldType::uint16);
  rating.default_value = std::int64_t{5};
  rating.index = true;
  add("AddNotNullFieldWithDefault", blogs_key, rating);
  Field editor = make_field("editor_id", FieldType::int64);
  editor.null = true;
  editor.references = Reference{users_key, OnDelete::set_null};
  add("AddForeignKeyField", blogs_key, editor);
  // MySQL's InnoDB has no ON DELETE SET DEFAULT: refused there before anything runs.
  Field reviewer = make_field("reviewer_id", FieldType::int64);
  reviewer.default_value = std::int64_t{1};
  reviewer.references = Reference{users_key, OnDelete::set_default};
  add("AddForeignKeyFieldSetDefault", blogs_key, reviewer);
  Field slug = string_field("slug", 50);
  slug.null = true;
  slug.unique = true;
  add("AddUniqueField", users_key, slug);

  cases.push_back(
      change_case("RemoveField", blogs_key, std::make_shared<RemoveField>("Blog", "subtitle")));
  cases.push_back(alter_case("AlterFieldTypeNullAndDefault", blogs_key, "subtitle", [](Field& f) {
    f.max_length = 150;
    f.null = false;
    f.default_value = std::string("none");
  }));
  cases.push_back(alter_case("AlterFieldUnsignedWidth", users_key, "age",
                             [](Field& f) { f.type = FieldType::uint32; }));
  cases.push_back(alter_case("AlterFieldIntegerNarrower", users_key, "level",
                             [](Field& f) { f.type = FieldType::int8; }));
  cases.push_back(alter_case("AlterFieldDateToTimestamp", users_key, "born",
                             [](Field& f) { f.type = FieldType::timestamp; }));
  // Changes that would round a value: refused by a guard statement when a row would change.
  cases.push_back(
      alter_case("AlterFieldDecimalScale", users_key, "balance", [](Field& f) { f.scale = 1; }));
  cases.push_back(alter_case("AlterFieldIntegerToFloat", users_key, "level",
                             [](Field& f) { f.type = FieldType::float32; }));
  // PostgreSQL casts a boolean only to and from INTEGER.
  cases.push_back(alter_case("AlterFieldBooleanToBigint", blogs_key, "active", [](Field& f) {
    f.type = FieldType::int64;
    f.default_value = std::int64_t{1};
  }));
  cases.push_back(
      alter_case("AlterFieldIndexToUnique", blogs_key, "title", [](Field& f) { f.unique = true; }));
  cases.push_back(alter_case("AlterFieldDropForeignKeyIndex", blogs_key, "user_id", [](Field& f) {
    f.index = false;
    f.references->on_delete = OnDelete::restrict;
  }));
  cases.push_back(alter_case("AlterFieldOnDeleteNoAction", blogs_key, "user_id",
                             [](Field& f) { f.references->on_delete = OnDelete::no_action; }));
  cases.push_back(change_case("RenameForeignKeyField", blogs_key,
                              std::make_shared<RenameField>("Blog", "user_id", "author_id")));
  cases.push_back(alter_case("AlterFieldComment", blogs_key, "title",
                             [](Field& f) { f.comment = "The headline's text"; }));
  cases.push_back(change_case("RenameUniqueField", users_key,
                              std::make_shared<RenameField>("User", "email", "mail")));
  // A referenced table rebuilt on SQLite: no row of either table may be lost.
  cases.push_back(alter_case("AlterReferencedTable", users_key, "name", [](Field& f) {
    f.max_length = 80;
    f.default_value = std::nullopt;
  }));

  cases.push_back(change_case("AlterModelComment", blogs_key,
                              std::make_shared<AlterModelComment>("Blog", "Posts' drafts")));
  cases.push_back(change_case("RenameReferencedTable", users_key,
                              std::make_shared<AlterModelTable>("User", "people")));
  cases.push_back(change_case("RenameReferencingTable", blogs_key,
                              std::make_shared<AlterModelTable>("Blog", "posts")));
  // A model of the default table name: its table, keys and the references to it follow.
  cases.push_back(
      change_case("RenameModel", users_key, std::make_shared<RenameModel>("User", "Person"),
                  blog_state_with([](Model& users, Model&) { users.table = "accounts_user"; })));

  cases.push_back(change_case("AddIndex", blogs_key,
                              std::make_shared<AddIndex>("Blog", Index{"blogs_title_created_idx",
                                                                       {"title", "created_at"}})));
  cases.push_back(change_case(
      "AddUniqueTogether", blogs_key,
      std::make_shared<AddConstraint>(
          "Blog",
          Constraint{"blogs_user_title_uniq", ConstraintKind::unique, {"user_id", "title"}, ""})));
  cases.push_back(change_case(
      "AddCheckConstraint", blogs_key,
      std::make_shared<AddConstraint>(
          "Blog", Constraint{"blogs_title_not_empty", ConstraintKind::check, {}, "title <> ''"})));
  cases.push_back(change_case(
      "RemoveIndex", blogs_key, std::make_shared<RemoveIndex>("Blog", "blogs_title_created_idx"),
      blog_state_with([](Model&, Model& blogs) {
        blogs.indexes.push_back({"blogs_title_created_idx", {"title", "created_at"}});
      })));
  cases.push_back(alter_case("AlterFieldSetNotNull", users_key, "age", [](Field& f) {
    f.null = false;
    f.default_value = std::int64_t{7};
  }));

  // The same changes in their online forms (docs/online-schema-changes.md).
  std::size_t plain = cases.size();
  for (std::size_t i = 0; i < plain; ++i)
    if (cases[i].operation->has_online_form())
      cases.push_back(change_case("Online" + cases[i].name,
                                  blogs_key.app == cases[i].app ? blogs_key : users_key,
                                  online(cases[i].operation), cases[i].before));
  return cases;
}

}  // namespace dbmig::test
