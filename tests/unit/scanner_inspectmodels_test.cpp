// `dbmig inspectmodels`: what the scanner read, as text and as the documented JSON form.
#include <gtest/gtest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "dbmig/commands/inspectmodels.hpp"
#include "scanner_fixture.hpp"

namespace dbmig {

namespace {

std::string inspect(const test::ScannerProject& project, InspectModelsOptions options) {
  std::ostringstream out, err;
  std::istringstream in;
  Console console{out, err, in};
  GlobalOptions global;
  global.project = project.root();
  EXPECT_EQ(inspect_models(global, options, console), ExitCode::ok);
  return out.str();
}

}  // namespace

TEST(ScannerInspectModels, TextNamesEveryModelAndFieldWithItsLocation) {
  test::ScannerProject project("demo");
  EXPECT_EQ(inspect(project, {{"blog"}, "text"}),
            "blog\n"
            "  Blog (blog::Blog) table blogs  apps/blog/models.hpp:14:37\n"
            "    id: int64 primary_key auto_increment  apps/blog/models.hpp:15:41\n"
            "    title: string(200)  apps/blog/models.hpp:16:45\n"
            "    body: string  apps/blog/models.hpp:17:15\n"
            "    active: bool default=true  apps/blog/models.hpp:18:8\n"
            "    user_id: int64 index references=accounts.User on_delete=cascade  "
            "apps/blog/models.hpp:19:78\n"
            "    created_at: timestamp  apps/blog/models.hpp:20:41\n"
            "    updated_at: timestamp  apps/blog/models.hpp:21:41\n");
}

TEST(ScannerInspectModels, JsonHasEveryKeyAndLocation) {
  test::ScannerProject project("demo");
  auto json = nlohmann::json::parse(inspect(project, {{}, "json"}));
  EXPECT_EQ(json["dbmig_models"], 1);
  ASSERT_EQ(json["apps"].size(), 2u);
  const auto& blog = json["apps"][1]["models"][0];
  EXPECT_EQ(blog["table"], "blogs");
  const auto& user_id = blog["fields"][4];
  EXPECT_EQ(user_id["name"], "user_id");
  EXPECT_EQ(user_id["references"], "accounts.User");
  EXPECT_EQ(user_id["on_delete"], "cascade");
  EXPECT_EQ(user_id["location"],
            (nlohmann::json{{"file", "apps/blog/models.hpp"}, {"line", 19}, {"column", 78}}));
  EXPECT_EQ(blog["fields"][3]["default"], true);
  EXPECT_TRUE(blog["fields"][2]["max_length"].is_null());
}

TEST(ScannerInspectModels, JsonOutputIsByteIdenticalAcrossRuns) {
  test::ScannerProject project("types");
  std::string cold = inspect(project, {{}, "json"});
  EXPECT_EQ(inspect(project, {{}, "json"}), cold);  // the second run is a cache hit
}

TEST(ScannerInspectModels, UnknownAppIsAnErrorListingTheApps) {
  test::ScannerProject project("demo");
  try {
    inspect(project, {{"shop"}, "text"});
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "no app named shop; the apps are accounts, blog");
  }
}

}  // namespace dbmig
