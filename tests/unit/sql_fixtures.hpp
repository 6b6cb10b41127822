// Models shared by the SQL golden tests (tests/unit/sql_*.cpp) and the execution tests
// (tests/db/sql_*.cpp): the blog example's users and blogs, covering every field type.
#pragma once

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
