// Check constraint expressions as the catalogs print them back, in one comparable spelling, so
// the catalog tests compare a check's expression with the model's and not only its name.
#pragma once

#include <string>
#include <string_view>

namespace dbmig::test {

// `expression` with only spelling differences removed (see check_expression.cpp), tokens joined
// by one space: `CHECK (((x >= 0) AND (x <= '4294967295'::bigint)))` as PostgreSQL prints it
// and `"x" BETWEEN 0 AND 4294967295` as dbmig writes it both give
// `x >= 0 and x <= 4294967295`. A leading CHECK keyword is dropped.
std::string normalized_check(std::string_view expression);

}  // namespace dbmig::test
