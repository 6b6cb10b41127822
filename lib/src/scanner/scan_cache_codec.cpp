#include "scanner/scan_cache_codec.hpp"

#include "binary_archive.hpp"

namespace dbmig {

// The members of every struct a ScanResult holds, for binary_archive.hpp. They live in
// namespace dbmig, beside the types, because the archive finds them by argument-dependent
// lookup.

template <>
constexpr FieldType binary::kLastEnumerator<FieldType> = FieldType::decimal;
template <>
constexpr OnDelete binary::kLastEnumerator<OnDelete> = OnDelete::no_action;
template <>
constexpr ConstraintKind binary::kLastEnumerator<ConstraintKind> = ConstraintKind::check;

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, SourceLocation>
void transfer(Archive& archive, T& location) {
  archive(location.file, location.line, location.column);
}

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, ModelKey>
void transfer(Archive& archive, T& key) {
  archive(key.app, key.name);
}

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, Reference>
void transfer(Archive& archive, T& reference) {
  archive(reference.target, reference.on_delete);
}

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, Field>
void transfer(Archive& archive, T& field) {
  archive(field.name, field.column, field.type, field.null, field.max_length, field.precision,
          field.scale, field.primary_key, field.auto_increment, field.unique, field.index,
          field.default_value, field.references, field.comment);
}

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, Index>
void transfer(Archive& archive, T& index) {
  archive(index.name, index.fields);
}

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, Constraint>
void transfer(Archive& archive, T& constraint) {
  archive(constraint.name, constraint.kind, constraint.fields, constraint.check);
}

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, Model>
void transfer(Archive& archive, T& model) {
  archive(model.app, model.name, model.table, model.fields, model.indexes, model.constraints,
          model.comment);
}

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
