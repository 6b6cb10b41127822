// Every operation type, listed once. The JSON reader (operation_from_json, by the "op" of
// migration files, and its list of known operations) and the binary cache's codecs
// (cache/operation_archive.cpp) build their tables from this list; the JSON writer's "op" is the
// kind each type declares with DBMIG_OPERATION. docs/architecture.md ("Adding an operation")
// walks through adding one.
#pragma once

#include <functional>
#include <map>
#include <string_view>
#include <type_traits>

#include "dbmig/operations.hpp"

namespace dbmig::operations {

template <class... Types>
struct OperationTypes {
  // {Type::kind_name: make.operator()<Type>()} for each type: a table looked up by kind.
  template <class Make>
  static auto by_kind(Make make) {
    using Entry = std::common_type_t<decltype(make.template operator()<Types>())...>;
    return std::map<std::string_view, Entry, std::less<>>{
        {Types::kind_name, make.template operator()<Types>()}...};
  }
};

using Registry = OperationTypes<CreateModel, DeleteModel, RenameModel, AlterModelTable,
                                AlterModelComment, AddField, RemoveField, AlterField, RenameField,
                                AddIndex, RemoveIndex, AddConstraint, RemoveConstraint, RunSQL>;

}  // namespace dbmig::operations
