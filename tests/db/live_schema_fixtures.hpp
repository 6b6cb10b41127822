// What the catalog reader tests (tests/db/live_schema_*_test.cpp) share: comparing a table read
// back with the table view it should equal, with a readable difference when it does not.
#pragma once

#include <gtest/gtest.h>

#include "dbmig/check_expression.hpp"
#include "dbmig/live_schema.hpp"
#include "dbmig/state_json.hpp"

namespace dbmig::test {

// `read` equals `expected` member for member (shown as their JSON when not), their checks
// compared as conditions (same_check_expression): the databases reprint a check's text.
inline void expect_same_table(Model read, const Model& expected) {
  SCOPED_TRACE(expected.table);
  ASSERT_EQ(read.constraints.size(), expected.constraints.size()) << model_to_json(read).dump(2);
  for (std::size_t i = 0; i < read.constraints.size(); ++i) {
    Constraint& constraint = read.constraints[i];
    EXPECT_TRUE(same_check_expression(constraint.check, expected.constraints[i].check))
        << constraint.check << " vs " << expected.constraints[i].check;
    constraint.check = expected.constraints[i].check;
  }
  EXPECT_EQ(model_to_json(read).dump(2), model_to_json(expected).dump(2));
  EXPECT_TRUE(read == expected);
}

// `read` equals `expected` exactly, check texts included (SQLite keeps a check as written).
inline void expect_identical_table(const Model& read, const Model& expected) {
  SCOPED_TRACE(expected.table);
  EXPECT_EQ(model_to_json(read).dump(2), model_to_json(expected).dump(2));
  EXPECT_TRUE(read == expected);
}

}  // namespace dbmig::test
