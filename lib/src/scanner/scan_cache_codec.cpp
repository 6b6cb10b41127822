#include "scanner/scan_cache_codec.hpp"

#include <map>
#include <memory>

#include "cache/file_stamp_archive.hpp"
#include "cache/state_archive.hpp"

namespace dbmig {

template <>
inline constexpr scanner::Initializer::Kind binary::kLastEnumerator<scanner::Initializer::Kind> =
    scanner::Initializer::Kind::not_literal;

// The members of the scanner's own structs; state_archive.hpp has the state's.

DBMIG_BINARY_MEMBERS(FieldSource, source, source.location, source.cpp_type, source.renamed_from)

DBMIG_BINARY_MEMBERS(ModelSource, source, source.location, source.cpp_name, source.renamed_from,
                     source.fields)

namespace scanner {

DBMIG_BINARY_MEMBERS(Annotation, annotation, annotation.text, annotation.location)

DBMIG_BINARY_MEMBERS(MappedType, mapped, mapped.type, mapped.null, mapped.problem)

DBMIG_BINARY_MEMBERS(Initializer, initializer, initializer.kind, initializer.value,
                     initializer.text)

DBMIG_BINARY_MEMBERS(DeclaredField, field, field.name, field.location, field.cpp_type, field.type,
                     field.annotation, field.ignored, field.initializer)

DBMIG_BINARY_MEMBERS(DeclaredModel, model, model.app, model.name, model.cpp_name, model.location,
                     model.annotation, model.fields)

// AppScan's halves: the name and files, then the models.
struct AppFiles {
  std::string app;
  std::vector<std::string> files;
};

DBMIG_BINARY_MEMBERS(AppFiles, app, app.app, app.files)

// The file: the files, then each app's part, its three pieces each encoded on its own.
DBMIG_BINARY_MEMBERS(EncodedApp, app, app.built, app.files, app.declared)

struct ScanCacheParts {
  std::vector<StampedFile> files;
  std::vector<EncodedApp> apps;
};

DBMIG_BINARY_MEMBERS(ScanCacheParts, parts, parts.files, parts.apps)

namespace {

// Bump on any change to what the transfers above write: a file of another format is a miss.
constexpr std::string_view kMagic = "dbmig-scan-cache-6";

// One app's models as built: its slice of the result's models and of their sources, written
// as the maps a decoded BuiltModels holds.
struct BuiltModels {
  std::map<ModelKey, Model> models;
  ModelSources sources;
};

DBMIG_BINARY_MEMBERS(BuiltModels, built, built.models, built.sources)

template <class Map>
auto app_slice(const Map& map, const std::string& app) {
  auto begin = map.lower_bound(ModelKey{app, ""});
  auto end = begin;
  while (end != map.end() && end->first.app == app) ++end;
  return binary::MapSlice{begin, end};
}

std::string encode_built(const ScanResult& result, const std::string& app) {
  binary::Writer writer;
  writer(app_slice(result.state.models, app), app_slice(result.sources, app));
  return std::move(writer).take();
}

}  // namespace

std::string encode_scan_cache(const std::vector<StampedFile>& files, const ScanResult& result,
                              const std::vector<AppScan>& apps,
                              const std::vector<std::optional<EncodedApp>>& unchanged) {
  // Owns the parts encoded here, which `parts` views: reserved, so that no string moves (a
  // short one would move its bytes along).
  std::vector<std::string> encoded;
  encoded.reserve(3 * apps.size());
  ScanCacheParts parts{files, {}};
  for (std::size_t i = 0; i < apps.size(); ++i) {
    if (i < unchanged.size() && unchanged[i]) {
      parts.apps.push_back(*unchanged[i]);
      continue;
    }
    encoded.push_back(encode_built(result, apps[i].app));
    encoded.push_back(binary::encode(AppFiles{apps[i].app, apps[i].files}));
    encoded.push_back(binary::encode(apps[i].models));
    parts.apps.push_back(
        {encoded[encoded.size() - 3], encoded[encoded.size() - 2], encoded.back()});
  }
  return binary::encode_sealed(kMagic, parts);
}

std::optional<ScanCacheFile> ScanCacheFile::read(std::string bytes) {
  auto owned = std::make_shared<const std::string>(std::move(bytes));
  auto parts = binary::decode_sealed<ScanCacheParts>(kMagic, *owned);
  if (!parts) return std::nullopt;
  ScanCacheFile file;
  file.bytes_ = std::move(owned);
  file.files_ = std::move(parts->files);
  file.apps_ = std::move(parts->apps);
  return file;
}

std::optional<ScanResult> ScanCacheFile::result() const {
  ScanResult result;
  for (const EncodedApp& app : apps_) {
    auto models = binary::decode<BuiltModels>(app.built);
    if (!models) return std::nullopt;
    result.state.models.merge(models->models);
    result.sources.merge(models->sources);
    if (!models->models.empty() || !models->sources.empty()) return std::nullopt;  // twice
  }
  return result;
}

std::optional<std::vector<AppScan>> ScanCacheFile::apps() const {
  auto apps = app_files();
  for (std::size_t i = 0; apps && i < apps->size(); ++i) {
    auto models = declared_models(i);
    if (!models) return std::nullopt;
    (*apps)[i].models = std::move(*models);
  }
  return apps;
}

std::optional<std::vector<AppScan>> ScanCacheFile::app_files() const {
  std::vector<AppScan> apps;
  for (const EncodedApp& app : apps_) {
    auto files = binary::decode<AppFiles>(app.files);
    if (!files) return std::nullopt;
    apps.push_back(AppScan{std::move(files->app), {}, std::move(files->files)});
  }
  return apps;
}

std::optional<std::vector<DeclaredModel>> ScanCacheFile::declared_models(std::size_t index) const {
  return binary::decode<std::vector<DeclaredModel>>(apps_.at(index).declared);
}

std::optional<ScanCacheContents> decode_scan_cache(std::string bytes) {
  auto file = ScanCacheFile::read(std::move(bytes));
  if (!file) return std::nullopt;
  auto result = file->result();
  auto apps = file->apps();
  if (!result || !apps) return std::nullopt;
  return ScanCacheContents{file->files(), std::move(*result), std::move(*apps)};
}

}  // namespace scanner

}  // namespace dbmig
