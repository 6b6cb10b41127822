// Default member initializers as column defaults: `bool active = true;`, `int n = -1;`,
// `std::string s = "x";`, `Status s = Status::active;`.
#pragma once

#include "scanner/libclang.hpp"

#include "scanner/declarations.hpp"

namespace dbmig::scanner {

// Reads the initializer of a FieldDecl. Literals are taken as written; an enum constant (or
// other named constant) by its value; anything else is Kind::not_literal.
Initializer read_initializer(CXTranslationUnit unit, CXCursor field);

// The one spelling of an integer literal: int64 when it fits, else uint64, so values compare
// equal however they were read (C++ source, an option, a cache file).
Literal integer_literal(std::int64_t value);
Literal integer_literal(std::uint64_t value);

}  // namespace dbmig::scanner
