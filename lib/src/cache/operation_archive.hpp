// Operations for binary_archive.hpp (the migration cache): the kind, then the members.
#pragma once

#include "cache/binary_archive.hpp"
#include "dbmig/operation.hpp"

namespace dbmig {

void write_operation(binary::Writer& writer, const Operation& operation);
// Throws binary::DecodeError for a kind this dbmig does not have.
OperationPtr read_operation(binary::Reader& reader);

// Writing takes the operation as it is; reading makes a new one of the stored kind.
template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, OperationPtr>
void transfer(Archive& archive, T& operation) {
  if constexpr (std::is_const_v<T>)
    write_operation(archive, *operation);
  else
    operation = read_operation(archive);
}

}  // namespace dbmig
