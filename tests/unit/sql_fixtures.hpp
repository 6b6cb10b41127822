// Models shared by the SQL golden tests (tests/unit/sql_*.cpp) and the execution tests
// (tests/db/sql_*.cpp): the blog example's users and blogs, covering every field type.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

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

// One schema change of the blog example: its two states and how the editor renders it in
// each direction (backwards is the inverse method with the states swapped).
struct SchemaChangeCase {
  std::string name;
  ProjectState before;
  ProjectState after;
  std::function<Statements(const SchemaEditor&, const StateChange&)> forwards;
  std::function<Statements(const SchemaEditor&, const StateChange&)> backwards;
};

inline ProjectState blog_state() {
  return state_of({users_model(), blogs_model()});
}

// `change` applied to a copy of the blog models.
inline ProjectState blog_state_with(const std::function<void(Model& users, Model& blogs)>& change) {
  Model users = users_model(), blogs = blogs_model();
  change(users, blogs);
  return state_of({users, blogs});
}

inline SchemaChangeCase field_case(std::string name, const ModelKey& key, std::string old_field,
                                   std::string new_field, ProjectState after) {
  return {std::move(name), blog_state(), std::move(after),
          [=](const SchemaEditor& e, const StateChange& c) {
            return e.alter_field(c, key, old_field, new_field, std::nullopt);
          },
          [=](const SchemaEditor& e, const StateChange& c) {
            return e.alter_field({c.after, c.before}, key, new_field, old_field, std::nullopt);
          }};
}

// Every operation kind on the blog models, each in a shape that exercises its hard parts.
inline std::vector<SchemaChangeCase> schema_change_cases() {
  std::vector<SchemaChangeCase> cases;
  auto add_remove = [&](std::string name, Field field, const ModelKey& key) {
    ProjectState after = blog_state_with([&](Model& users, Model& blogs) {
      (key == users_key ? users : blogs).fields.push_back(field);
    });
    std::string field_name = field.name;
    cases.push_back({std::move(name), blog_state(), after,
                     [=](const SchemaEditor& e, const StateChange& c) {
                       return e.add_field(c, key, field_name);
                     },
                     [=](const SchemaEditor& e, const StateChange& c) {
                       return e.remove_field({c.after, c.before}, key, field_name);
                     }});
  };
  Field views = make_field("views", FieldType::int32);
  views.null = true;
  add_remove("AddNullableField", views, blogs_key);
  Field rating = make_field("rating", FieldType::uint16);
  rating.default_value = std::int64_t{5};
  rating.index = true;
  add_remove("AddNotNullFieldWithDefault", rating, blogs_key);
  Field editor = make_field("editor_id", FieldType::int64);
  editor.null = true;
  editor.references = Reference{users_key, OnDelete::set_null};
  add_remove("AddForeignKeyField", editor, blogs_key);
  Field slug = string_field("slug", 50);
  slug.null = true;
  slug.unique = true;
  add_remove("AddUniqueField", slug, users_key);

  cases.push_back({"RemoveField", blog_state(), blog_state_with([](Model&, Model& blogs) {
                     blogs.fields.erase(blogs.fields.begin() + 5);
                   }),
                   [](const SchemaEditor& e, const StateChange& c) {
                     return e.remove_field(c, blogs_key, "subtitle");
                   },
                   [](const SchemaEditor& e, const StateChange& c) {
                     return e.add_field({c.after, c.before}, blogs_key, "subtitle");
                   }});
  cases.push_back(field_case("AlterFieldTypeNullAndDefault", blogs_key, "subtitle", "subtitle",
                             blog_state_with([](Model&, Model& blogs) {
                               Field& subtitle = *blogs.find_field("subtitle");
                               subtitle.max_length = 150;
                               subtitle.null = false;
                               subtitle.default_value = std::string("none");
                             })));
  cases.push_back(field_case("AlterFieldUnsignedWidth", users_key, "age", "age",
                             blog_state_with([](Model& users, Model&) {
                               users.find_field("age")->type = FieldType::uint32;
                             })));
  // Changes that would round a value: refused by a guard statement when a row would change.
  cases.push_back(field_case(
      "AlterFieldDecimalScale", users_key, "balance", "balance",
      blog_state_with([](Model& users, Model&) { users.find_field("balance")->scale = 1; })));
  cases.push_back(field_case("AlterFieldIntegerToFloat", users_key, "level", "level",
                             blog_state_with([](Model& users, Model&) {
                               users.find_field("level")->type = FieldType::float32;
                             })));
  // PostgreSQL casts a boolean only to and from INTEGER.
  cases.push_back(field_case("AlterFieldBooleanToBigint", blogs_key, "active", "active",
                             blog_state_with([](Model&, Model& blogs) {
                               Field& active = *blogs.find_field("active");
                               active.type = FieldType::int64;
                               active.default_value = std::int64_t{1};
                             })));
  cases.push_back(field_case(
      "AlterFieldIndexToUnique", blogs_key, "title", "title",
      blog_state_with([](Model&, Model& blogs) { blogs.find_field("title")->unique = true; })));
  cases.push_back(field_case("AlterFieldDropForeignKeyIndex", blogs_key, "user_id", "user_id",
                             blog_state_with([](Model&, Model& blogs) {
                               blogs.find_field("user_id")->index = false;
                               blogs.find_field("user_id")->references->on_delete =
                                   OnDelete::restrict;
                             })));
  cases.push_back(field_case("RenameForeignKeyField", blogs_key, "user_id", "author_id",
                             blog_state_with([](Model&, Model& blogs) {
                               blogs.find_field("user_id")->name = "author_id";
                             })));
  cases.push_back(field_case("AlterFieldComment", blogs_key, "title", "title",
                             blog_state_with([](Model&, Model& blogs) {
                               blogs.find_field("title")->comment = "The headline's text";
                             })));
  cases.push_back(field_case(
      "RenameUniqueField", users_key, "email", "mail",
      blog_state_with([](Model& users, Model&) { users.find_field("email")->name = "mail"; })));
  // A referenced table rebuilt on SQLite: no row of either table may be lost.
  cases.push_back(field_case("AlterReferencedTable", users_key, "name", "name",
                             blog_state_with([](Model& users, Model&) {
                               users.find_field("name")->max_length = 80;
                               users.find_field("name")->default_value = std::nullopt;
                             })));

  cases.push_back({"AlterModelComment", blog_state(),
                   blog_state_with([](Model&, Model& blogs) { blogs.comment = "Posts' drafts"; }),
                   [](const SchemaEditor& e, const StateChange& c) {
                     return e.alter_model_comment(c, blogs_key);
                   },
                   [](const SchemaEditor& e, const StateChange& c) {
                     return e.alter_model_comment({c.after, c.before}, blogs_key);
                   }});

  ProjectState renamed = blog_state_with([](Model& users, Model&) { users.table = "people"; });
  cases.push_back({"RenameReferencedTable", blog_state(), renamed,
                   [](const SchemaEditor& e, const StateChange& c) {
                     return e.rename_model(c, users_key, users_key);
                   },
                   [](const SchemaEditor& e, const StateChange& c) {
                     return e.rename_model({c.after, c.before}, users_key, users_key);
                   }});

  ProjectState posts = blog_state_with([](Model&, Model& blogs) { blogs.table = "posts"; });
  cases.push_back({"RenameReferencingTable", blog_state(), posts,
                   [](const SchemaEditor& e, const StateChange& c) {
                     return e.rename_model(c, blogs_key, blogs_key);
                   },
                   [](const SchemaEditor& e, const StateChange& c) {
                     return e.rename_model({c.after, c.before}, blogs_key, blogs_key);
                   }});

  auto model_object = [&](std::string name, ProjectState after, std::string object, bool index) {
    cases.push_back({std::move(name), blog_state(), std::move(after),
                     [=](const SchemaEditor& e, const StateChange& c) {
                       return index ? e.add_index(c, blogs_key, object)
                                    : e.add_constraint(c, blogs_key, object);
                     },
                     [=](const SchemaEditor& e, const StateChange& c) {
                       StateChange back{c.after, c.before};
                       return index ? e.remove_index(back, blogs_key, object)
                                    : e.remove_constraint(back, blogs_key, object);
                     }});
  };
  model_object("AddIndex", blog_state_with([](Model&, Model& blogs) {
                 blogs.indexes.push_back({"blogs_title_created_idx", {"title", "created_at"}});
               }),
               "blogs_title_created_idx", true);
  model_object("AddUniqueTogether", blog_state_with([](Model&, Model& blogs) {
                 blogs.constraints.push_back(
                     {"blogs_user_title_uniq", ConstraintKind::unique, {"user_id", "title"}, ""});
               }),
               "blogs_user_title_uniq", false);
  model_object("AddCheckConstraint", blog_state_with([](Model&, Model& blogs) {
                 blogs.constraints.push_back(
                     {"blogs_title_not_empty", ConstraintKind::check, {}, "title <> ''"});
               }),
               "blogs_title_not_empty", false);
  return cases;
}

}  // namespace dbmig::test
