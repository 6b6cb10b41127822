// Operations shared by the tests of their JSON form and of the migration cache.
#pragma once

#include <memory>
#include <vector>

#include "dbmig/operations.hpp"

namespace dbmig::test {

inline Field full_field() {
  Field f;
  f.name = "user_id";
  f.column = "author";
  f.type = FieldType::int64;
  f.null = true;
  f.unique = true;
  f.index = true;
  f.default_value = std::int64_t{-3};
  f.references = Reference{{"accounts", "User"}, OnDelete::set_null};
  f.comment = "who wrote it";
  return f;
}

// One of each operation kind (and each optional part: fill values, reverse SQL or none).
inline std::vector<OperationPtr> every_operation() {
  Model m;
  m.name = "Blog";
  m.table = "blogs";
  Field id;
  id.name = "id";
  id.primary_key = id.auto_increment = true;
  Field price;
  price.name = "price";
  price.type = FieldType::decimal;
  price.precision = 12;
  price.scale = 2;
  price.default_value = 1.5;
  Field big;
  big.name = "big";
  big.type = FieldType::uint64;
  big.default_value = std::uint64_t{9223372036854775807u};  // PostgreSQL's BIGINT maximum
  Field title;
  title.name = "title";
  title.type = FieldType::string;
  title.max_length = 200;
  title.default_value = std::string("untitled");
  Field active;
  active.name = "active";
  active.type = FieldType::boolean;
  active.default_value = true;
  m.fields = {id, price, big, title, active, full_field()};
  m.indexes = {Index{"blogs_title_idx", {"title"}}};
  m.constraints = {Constraint{"blogs_uniq", ConstraintKind::unique, {"title", "user_id"}, ""},
                   Constraint{"blogs_check", ConstraintKind::check, {}, "price > 0"}};
  m.comment = "a blog";
  auto add = std::make_shared<AddField>("Blog", title);
  Field rating;
  rating.name = "rating";
  rating.type = FieldType::float64;
  auto alter = std::make_shared<AlterField>("Blog", rating);
  alter->fill_value = 2.0;
  auto add_filled = std::make_shared<AddField>("Blog", big);
  add_filled->fill_value = std::uint64_t{7};
  add_filled->options = {true, {"DS101", "PG104"}};  // an online operation, reviewed
  auto remove_index = std::make_shared<RemoveIndex>("Blog", "i");
  remove_index->options.online = true;
  auto remove_field = std::make_shared<RemoveField>("Blog", "title");
  remove_field->options.acknowledged = {"DS102"};
  return {std::make_shared<CreateModel>(m),
          std::make_shared<DeleteModel>("Blog"),
          std::make_shared<RenameModel>("Blog", "Post"),
          std::make_shared<AlterModelTable>("Blog", "posts"),
          std::make_shared<AlterModelComment>("Blog", "Posts, newest first"),
          add,
          add_filled,
          remove_field,
          alter,
          std::make_shared<RenameField>("Blog", "body", "content"),
          std::make_shared<AddIndex>("Blog", Index{"i", {"title", "body"}}),
          remove_index,
          std::make_shared<AddConstraint>("Blog", m.constraints[0]),
          std::make_shared<AddConstraint>("Blog", m.constraints[1]),
          std::make_shared<RemoveConstraint>("Blog", "blogs_uniq"),
          std::make_shared<RunSQL>(std::vector<std::string>{"SELECT 1", "SELECT 2"},
                                   std::vector<std::string>{"SELECT 3"}),
          std::make_shared<RunSQL>(std::vector<std::string>{"SELECT 1"}, std::nullopt)};
}

}  // namespace dbmig::test
