#include "scanner/scan_cache_codec.hpp"

#include "state_archive.hpp"

namespace dbmig {

// The members of the scanner's own structs; state_archive.hpp has the state's.

DBMIG_BINARY_MEMBERS(FieldSource, source, source.location, source.cpp_type, source.renamed_from)

DBMIG_BINARY_MEMBERS(ModelSource, source, source.location, source.cpp_name, source.renamed_from,
                     source.fields)

namespace scanner {

DBMIG_BINARY_MEMBERS(ScanCacheContents, contents, contents.files, contents.result.state.models,
                     contents.result.sources)

namespace {

// Bump on any change to what the transfers above write: a file of another format is a miss.
constexpr std::string_view kMagic = "dbmig-scan-cache-2";

}  // namespace

std::string encode_scan_cache(const ScanCacheContents& contents) {
  return binary::encode_sealed(kMagic, contents);
}

std::optional<ScanCacheContents> decode_scan_cache(std::string_view bytes) {
  return binary::decode_sealed<ScanCacheContents>(kMagic, bytes);
}

}  // namespace scanner

}  // namespace dbmig
