// Check constraint expressions as the catalogs print them back, in one comparable spelling, so
// a check read from a database compares with the model's by its condition, not only its name
// (the drift check, inspectdb's round trip, the catalog tests).
#pragma once

#include <string>
#include <string_view>

namespace dbmig {

// `expression` with only spelling differences removed (see check_expression.cpp), tokens joined
// by one space: `CHECK (((x >= 0) AND (x <= '4294967295'::bigint)))` as PostgreSQL prints it
// and `"x" BETWEEN 0 AND 4294967295` as dbmig writes it both give
// `x >= 0 and x <= 4294967295`. A leading CHECK keyword is dropped.
std::string normalized_check(std::string_view expression);

// Whether two check expressions are the same condition as far as the normalization can tell.
inline bool same_check_expression(std::string_view a, std::string_view b) {
  return normalized_check(a) == normalized_check(b);
}

}  // namespace dbmig
