// What libclang says about each annotated struct, before the options are interpreted: the
// boundary between the clang-specific reader and the model builder.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dbmig/source_location.hpp"
#include "dbmig/state.hpp"

namespace dbmig::scanner {

// The options text of a DBMIG_MODEL / DBMIG_FIELD and where the macro is used.
struct Annotation {
  std::string text;
  SourceLocation location;
};

// A C++ type as a column type. When it cannot be one, `type` is empty and `problem` says why
// and what is accepted (it reads after "unsupported type 'T'").
struct MappedType {
  std::optional<FieldType> type;
  bool null = false;  // std::optional<T>
  std::string problem;
};

// A default member initializer: absent, a literal (or enum constant), or an expression that is
// not a literal (`text` as written).
struct Initializer {
  enum class Kind { none, literal, not_literal };
  Kind kind = Kind::none;
  std::optional<Literal> value;
  std::string text;
};

struct DeclaredField {
  std::string name;
  SourceLocation location;
  std::string cpp_type;  // as written
  MappedType type;
  std::optional<Annotation> annotation;
  bool ignored = false;  // DBMIG_IGNORE
  Initializer initializer;
};

struct DeclaredModel {
  std::string app;
  std::string name;
  std::string cpp_name;  // qualified
  SourceLocation location;
  Annotation annotation;
  std::vector<DeclaredField> fields;  // base classes' fields first, then declaration order
};

}  // namespace dbmig::scanner
