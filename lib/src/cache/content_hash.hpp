// The hash that tells file contents and cache bodies apart.
#pragma once

#include <cstdint>
#include <string_view>

namespace dbmig {

// A fast 64-bit content hash. Not cryptographic: it tells edits apart, with the file size.
std::uint64_t content_hash(std::string_view data);

}  // namespace dbmig
