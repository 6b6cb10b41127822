// The C++ spellings of the models header inspectdb writes (core/model_header.cpp): names that
// compile with any compiler and standard library, literals that read back exactly.
#pragma once

#include <string>
#include <string_view>

#include "dbmig/state.hpp"

namespace dbmig {

// Whether `name` can be a C++ name written as is: an identifier that is no keyword, no
// reserved name (`__x`, `_X`), not `std` (a member so named hides the namespace from the
// members after it) and no macro a model header may see (`errno`, `INT64_MAX`, `DBMIG_...`).
bool is_plain_cpp_name(std::string_view name);

// "blog_order_item" in app blog -> "OrderItem": the table without the app's prefix, each run of
// letters and digits capitalized, the rest lower case (so no name reads like a macro);
// "Table..." before a leading digit.
std::string struct_name_for_table(std::string_view table, std::string_view app);

// A plain C++ member name for a column that is not one: its letters, digits and single
// underscores, "field_" before a leading digit, "_" after a keyword (`class` -> `class_`).
std::string member_name_for_column(std::string_view column);

// "text" as a C string literal that C++ and dbmig's annotation parser both read back byte for
// byte.
std::string cpp_string_literal(std::string_view text);

// A column default as a member initializer that the scanner reads back as the same literal:
// doubles in their shortest round-trip spelling (always with a '.' or exponent), INT64_MIN by
// name, unsigned values with `u`.
std::string cpp_literal(const Literal& value);

}  // namespace dbmig
