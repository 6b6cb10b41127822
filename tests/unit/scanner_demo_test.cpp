// The demo project's accounts and blog apps, read end to end.
#include <gtest/gtest.h>

#include "scanner_fixture.hpp"

namespace dbmig {

namespace {

const Model& model(const ScanResult& result, const std::string& app, const std::string& name) {
  return result.state.get({app, name});
}

}  // namespace

TEST(ScannerDemo, ReadsUsersWithTableTypesAndOptionsInDeclarationOrder) {
  test::ScannerProject project("demo");
  ScanResult result = project.scan();
  ASSERT_EQ(result.state.models.size(), 2u);
  const Model& user = model(result, "accounts", "User");
  EXPECT_EQ(user.table, "users");
  std::vector<std::string> names;
  for (const auto& field : user.fields) names.push_back(field.name);
  EXPECT_EQ(names, (std::vector<std::string>{"id", "name", "email", "password", "created_at",
                                             "updated_at"}));
  const Field& id = user.fields[0];
  EXPECT_EQ(id.type, FieldType::int64);
  EXPECT_TRUE(id.primary_key);
  EXPECT_TRUE(id.auto_increment);
  EXPECT_FALSE(id.null);
  const Field& email = user.fields[2];
  EXPECT_EQ(email.type, FieldType::string);
  EXPECT_EQ(email.max_length, 254);
  EXPECT_TRUE(email.unique);
  EXPECT_EQ(user.fields[4].type, FieldType::timestamp);
  EXPECT_FALSE(user.fields[4].default_value.has_value());
}

TEST(ScannerDemo, ResolvesTheBlogsUserReferenceAcrossAppsWithAnIndex) {
  test::ScannerProject project("demo");
  ScanResult result = project.scan();
  const Model& blog = model(result, "blog", "Blog");
  EXPECT_EQ(blog.table, "blogs");
  const Field* user_id = blog.find_field("user_id");
  ASSERT_NE(user_id, nullptr);
  ASSERT_TRUE(user_id->references.has_value());
  EXPECT_EQ(user_id->references->target, (ModelKey{"accounts", "User"}));
  EXPECT_EQ(user_id->references->on_delete, OnDelete::cascade);
  EXPECT_TRUE(user_id->index);
  const Field* body = blog.find_field("body");
  ASSERT_NE(body, nullptr);
  EXPECT_FALSE(body->max_length.has_value());
  const Field* active = blog.find_field("active");
  ASSERT_NE(active, nullptr);
  EXPECT_EQ(active->type, FieldType::boolean);
  EXPECT_EQ(active->default_value, Literal(true));
}

TEST(ScannerDemo, RecordsWhereEachModelAndFieldIsDeclared) {
  test::ScannerProject project("demo");
  ScanResult result = project.scan();
  const ModelSource& source = result.sources.at({"blog", "Blog"});
  EXPECT_EQ(source.cpp_name, "blog::Blog");
  EXPECT_EQ(source.location.str(), "apps/blog/models.hpp:14:37");
  const FieldSource& user_id = source.fields.at("user_id");
  EXPECT_EQ(user_id.location.str(), "apps/blog/models.hpp:19:78");
  EXPECT_EQ(user_id.cpp_type, "std::int64_t");
}

}  // namespace dbmig
