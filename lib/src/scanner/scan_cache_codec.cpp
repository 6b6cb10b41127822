#include "scanner/scan_cache_codec.hpp"

#include "state_archive.hpp"

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

DBMIG_BINARY_MEMBERS(AppScan, scan, scan.app, scan.models, scan.files)

DBMIG_BINARY_MEMBERS(ScanCacheContents, contents, contents.files, contents.result.state.models,
                     contents.result.sources, contents.apps)

namespace {

// Bump on any change to what the transfers above write: a file of another format is a miss.
constexpr std::string_view kMagic = "dbmig-scan-cache-3";

}  // namespace

std::string encode_scan_cache(const ScanCacheContents& contents) {
  return binary::encode_sealed(kMagic, contents);
}

std::optional<ScanCacheContents> decode_scan_cache(std::string_view bytes) {
  return binary::decode_sealed<ScanCacheContents>(kMagic, bytes);
}

}  // namespace scanner

}  // namespace dbmig
