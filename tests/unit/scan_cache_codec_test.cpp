// The scan cache file holds each app's models in a part of its own (scan_cache_codec.hpp): a
// scan after an edit copies the parts of the apps it did not read. Each app gets exactly its
// own models, also when one app's name begins another's, and a file that holds an app's models
// twice is not a cache.
#include <gtest/gtest.h>

#include "scanner/scan_cache_codec.hpp"

namespace dbmig::scanner {

namespace {

// A model of `app` named `name`, with a table and a source, as a scan builds them.
void add_model(ScanResult& result, const std::string& app, const std::string& name,
               const std::string& table) {
  Model model;
  model.app = app;
  model.name = name;
  model.table = table;
  result.state.models[model.key()] = model;
  result.sources[model.key()] = ModelSource{{"apps/" + app + "/models.hpp", 3, 8}, name, {}, {}};
}

AppScan declared(const std::string& app, const std::vector<std::string>& models) {
  AppScan scan{app, {}, {"/project/apps/" + app + "/models.hpp"}};
  for (const auto& name : models)
    scan.models.push_back(DeclaredModel{app, name, app + "::" + name, {}, {}, {}});
  return scan;
}

// Apps in dbmig.json's order, which is not their names' order; "app1" begins "app10".
struct Project {
  std::vector<StampedFile> files{{"/project/apps/app1/models.hpp", 7, "12:34"}};
  ScanResult result;
  std::vector<AppScan> apps{declared("app10", {"Tag"}), declared("app1", {"User", "Post"}),
                            declared("app2", {})};
  Project() {
    add_model(result, "app10", "Tag", "app10_tag");
    add_model(result, "app1", "User", "app1_user");
    add_model(result, "app1", "Post", "app1_post");
  }
};

void expect_same_apps(const std::vector<AppScan>& actual, const std::vector<AppScan>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_EQ(actual[i].app, expected[i].app);
    EXPECT_EQ(actual[i].files, expected[i].files);
    ASSERT_EQ(actual[i].models.size(), expected[i].models.size());
    for (std::size_t j = 0; j < actual[i].models.size(); ++j)
      EXPECT_EQ(actual[i].models[j].cpp_name, expected[i].models[j].cpp_name);
  }
}

}  // namespace

TEST(ScanCacheCodec, EachAppGetsItsOwnModelsBack) {
  Project project;
  auto file = ScanCacheFile::read(encode_scan_cache(project.files, project.result, project.apps));
  ASSERT_TRUE(file);
  EXPECT_EQ(file->files(), project.files);
  EXPECT_EQ(file->result(), project.result);
  auto apps = file->apps();
  ASSERT_TRUE(apps);
  expect_same_apps(*apps, project.apps);
  auto app1 = ScanCacheFile::read(encode_scan_cache({}, project.result, {project.apps[1]}));
  ASSERT_TRUE(app1);
  EXPECT_EQ(app1->result()->state.models.size(), 2u);  // User and Post, not app10's Tag
}

// The parts given as unchanged are written as they were, whatever the models passed hold for
// those apps; the others are encoded from the models passed.
TEST(ScanCacheCodec, AnUnchangedAppIsWrittenAsTheEarlierFilesPart) {
  Project project;
  auto earlier = ScanCacheFile::read(encode_scan_cache({}, project.result, project.apps));
  ASSERT_TRUE(earlier);
  Project edited;
  edited.result.state.models.at({"app1", "User"}).table = "people";
  edited.result.state.models.at({"app10", "Tag"}).table = "labels";
  std::vector<std::optional<EncodedApp>> unchanged{earlier->app(0), std::nullopt, std::nullopt};
  auto later = ScanCacheFile::read(encode_scan_cache({}, edited.result, edited.apps, unchanged));
  ASSERT_TRUE(later);
  auto result = later->result();
  ASSERT_TRUE(result);
  EXPECT_EQ(result->state.models.at({"app10", "Tag"}).table, "app10_tag");  // the earlier part
  EXPECT_EQ(result->state.models.at({"app1", "User"}).table, "people");
  EXPECT_EQ(later->app(0).built, earlier->app(0).built);
  EXPECT_EQ(later->app(0).declared, earlier->app(0).declared);
  EXPECT_EQ(later->app(0).files, earlier->app(0).files);
}

TEST(ScanCacheCodec, AFileWithAnAppsModelsTwiceIsNoResult) {
  Project project;
  auto earlier = ScanCacheFile::read(encode_scan_cache({}, project.result, project.apps));
  ASSERT_TRUE(earlier);
  std::vector<std::optional<EncodedApp>> twice{std::nullopt, std::nullopt, earlier->app(1)};
  auto file = ScanCacheFile::read(encode_scan_cache({}, project.result, project.apps, twice));
  ASSERT_TRUE(file);
  EXPECT_FALSE(file->result());
}

}  // namespace dbmig::scanner
