#include "scanner/scan_cache_codec.hpp"

#include "state_archive.hpp"

namespace dbmig {

// The members of the scanner's own structs; state_archive.hpp has the state's.

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, FieldSource>
void transfer(Archive& archive, T& source) {
  archive(source.location, source.cpp_type, source.renamed_from);
}

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, ModelSource>
void transfer(Archive& archive, T& source) {
  archive(source.location, source.cpp_name, source.renamed_from, source.fields);
}

namespace scanner {

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, ScanCacheContents>
void transfer(Archive& archive, T& contents) {
  archive(contents.files, contents.result.state.models, contents.result.sources);
}

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
