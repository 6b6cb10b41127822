// Folds the operations of a new migration into fewer (Django's MigrationOptimizer): each
// operation is compared with the ones after it through Operation::reduce, and may trade places
// with operations in between only when can_reduce_through says both leave each other alone.
#pragma once

#include <string_view>

#include "dbmig/operation.hpp"

namespace dbmig {

// The folded operations of app `app`; replaying them gives the same state as `operations`.
// Repeats until nothing folds any more, so the result is stable.
Operations optimize(const Operations& operations, std::string_view app);

}  // namespace dbmig
