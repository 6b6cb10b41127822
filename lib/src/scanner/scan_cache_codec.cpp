#include "scanner/scan_cache_codec.hpp"

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

DBMIG_BINARY_MEMBERS(ScanResult, result, result.state.models, result.sources)

namespace scanner {

DBMIG_BINARY_MEMBERS(Annotation, annotation, annotation.text, annotation.location)

DBMIG_BINARY_MEMBERS(MappedType, mapped, mapped.type, mapped.null, mapped.problem)

DBMIG_BINARY_MEMBERS(Initializer, initializer, initializer.kind, initializer.value,
                     initializer.text)

DBMIG_BINARY_MEMBERS(DeclaredField, field, field.name, field.location, field.cpp_type, field.type,
                     field.annotation, field.ignored, field.initializer)

DBMIG_BINARY_MEMBERS(DeclaredModel, model, model.app, model.name, model.cpp_name, model.location,
                     model.annotation, model.fields)

DBMIG_BINARY_MEMBERS(AppScan, scan, scan.app, scan.models, scan.files)

// The file: the files, then the result and the apps each encoded on its own.
struct ScanCacheParts {
  std::vector<StampedFile> files;
  std::string_view result;
  std::string_view apps;
};

DBMIG_BINARY_MEMBERS(ScanCacheParts, parts, parts.files, parts.result, parts.apps)

namespace {

// Bump on any change to what the transfers above write: a file of another format is a miss.
constexpr std::string_view kMagic = "dbmig-scan-cache-4";

}  // namespace

std::string encode_scan_cache(const std::vector<StampedFile>& files, const ScanResult& result,
                              const std::vector<AppScan>& apps) {
  std::string result_part = binary::encode(result);
  std::string apps_part = binary::encode(apps);
  return binary::encode_sealed(kMagic, ScanCacheParts{files, result_part, apps_part});
}

std::optional<ScanCacheFile> ScanCacheFile::read(std::string bytes) {
  auto parts = binary::decode_sealed<ScanCacheParts>(kMagic, bytes);
  if (!parts) return std::nullopt;
  ScanCacheFile file;
  file.files_ = std::move(parts->files);
  file.result_ = {static_cast<std::size_t>(parts->result.data() - bytes.data()),
                  parts->result.size()};
  file.apps_ = {static_cast<std::size_t>(parts->apps.data() - bytes.data()), parts->apps.size()};
  file.bytes_ = std::move(bytes);
  return file;
}

std::optional<ScanResult> ScanCacheFile::result() const {
  return binary::decode<ScanResult>(part(result_));
}

std::optional<std::vector<AppScan>> ScanCacheFile::apps() const {
  return binary::decode<std::vector<AppScan>>(part(apps_));
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
