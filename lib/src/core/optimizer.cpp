#include "dbmig/optimizer.hpp"

#include <algorithm>

namespace dbmig {

namespace {

// Two operations may trade places only when neither touches what the other changes.
bool independent(const Operation& a, const Operation& b, std::string_view app) {
  return a.can_reduce_through(b, app) && b.can_reduce_through(a, app);
}

// What two folded operations asked for, carried by the operations replacing them: online when
// either was (where the replacement has an online form: an index folded into CreateModel is
// built with its new table, which nothing uses yet), and both lists of acknowledged lint codes.
OperationOptions folded_options(const Operation& first, const Operation& second,
                                const Operation& replacement) {
  OperationOptions options;
  options.online = (first.options.online || second.options.online) && replacement.has_online_form();
  for (const auto* codes : {&first.options.acknowledged, &second.options.acknowledged})
    for (const auto& code : *codes)
      if (std::find(options.acknowledged.begin(), options.acknowledged.end(), code) ==
          options.acknowledged.end())
        options.acknowledged.push_back(code);
  return options;
}

Operations with_folded_options(Operations operations, const Operation& first,
                               const Operation& second) {
  for (auto& operation : operations) {
    OperationOptions options = folded_options(first, second, *operation);
    if (operation->options != options) operation = with_options(*operation, options);
  }
  return operations;
}

// One pass: the first fold found, or nullopt when nothing folds. Folding `first` with a later
// `second` puts the result where `second` was (moving `first` right across the operations in
// between) or, failing that, where `first` was (moving `second` left across them).
std::optional<Operations> fold_once(const Operations& operations, std::string_view app) {
  for (std::size_t i = 0; i < operations.size(); ++i) {
    const Operation& first = *operations[i];
    bool first_may_move_right = true;
    for (std::size_t j = i + 1; j < operations.size(); ++j) {
      const Operation& second = *operations[j];
      auto folded = first.reduce(second, app);
      if (!folded) {
        if (!independent(first, second, app)) first_may_move_right = false;
        continue;
      }
      folded = with_folded_options(std::move(*folded), first, second);
      auto begin = operations.begin();
      Operations between(begin + i + 1, begin + j);
      bool second_may_move_left = std::all_of(between.begin(), between.end(), [&](const auto& op) {
        return independent(*op, second, app);
      });
      if (!first_may_move_right && !second_may_move_left) break;
      Operations result(begin, begin + i);
      if (first_may_move_right) {
        result.insert(result.end(), between.begin(), between.end());
        result.insert(result.end(), folded->begin(), folded->end());
      } else {
        result.insert(result.end(), folded->begin(), folded->end());
        result.insert(result.end(), between.begin(), between.end());
      }
      result.insert(result.end(), begin + j + 1, operations.end());
      return result;
    }
  }
  return std::nullopt;
}

}  // namespace

Operations optimize(const Operations& operations, std::string_view app) {
  Operations current = operations;
  while (auto folded = fold_once(current, app)) current = std::move(*folded);
  return current;
}

}  // namespace dbmig
