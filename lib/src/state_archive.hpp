// The members of the state's structs (state.hpp) for binary_archive.hpp, shared by every cache
// that holds models. They live in namespace dbmig, beside the types, because the archive finds
// them by argument-dependent lookup.
#pragma once

#include "binary_archive.hpp"
#include "dbmig/source_location.hpp"
#include "dbmig/state.hpp"

namespace dbmig {

template <>
inline constexpr FieldType binary::kLastEnumerator<FieldType> = FieldType::decimal;
template <>
inline constexpr OnDelete binary::kLastEnumerator<OnDelete> = OnDelete::no_action;
template <>
inline constexpr ConstraintKind binary::kLastEnumerator<ConstraintKind> = ConstraintKind::check;

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

}  // namespace dbmig
