// The members of the state's structs (state.hpp) for binary_archive.hpp, shared by every cache
// that holds models. They live in namespace dbmig, beside the types, because the archive finds
// them by argument-dependent lookup.
#pragma once

#include "cache/binary_archive.hpp"
#include "dbmig/source_location.hpp"
#include "dbmig/state.hpp"

namespace dbmig {

template <>
inline constexpr FieldType binary::kLastEnumerator<FieldType> = FieldType::decimal;
template <>
inline constexpr OnDelete binary::kLastEnumerator<OnDelete> = OnDelete::no_action;
template <>
inline constexpr ConstraintKind binary::kLastEnumerator<ConstraintKind> = ConstraintKind::check;

DBMIG_BINARY_MEMBERS(SourceLocation, location, location.file, location.line, location.column)

DBMIG_BINARY_MEMBERS(ModelKey, key, key.app, key.name)

DBMIG_BINARY_MEMBERS(Reference, reference, reference.target, reference.on_delete)

DBMIG_BINARY_MEMBERS(Field, field, field.name, field.column, field.type, field.null,
                     field.max_length, field.precision, field.scale, field.primary_key,
                     field.auto_increment, field.unique, field.index, field.default_value,
                     field.references, field.comment)

DBMIG_BINARY_MEMBERS(Index, index, index.name, index.fields)

DBMIG_BINARY_MEMBERS(Constraint, constraint, constraint.name, constraint.kind, constraint.fields,
                     constraint.check)

DBMIG_BINARY_MEMBERS(Model, model, model.app, model.name, model.table, model.fields, model.indexes,
                     model.constraints, model.comment)

}  // namespace dbmig
