#include "cache/content_hash.hpp"

#include <cstring>

namespace dbmig {

std::uint64_t content_hash(std::string_view data) {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
  std::uint64_t hash = 0xCBF29CE484222325ull ^ data.size();
  std::size_t i = 0;
  for (; i + 8 <= data.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, data.data() + i, 8);
    hash = (hash ^ word) * kMultiplier;
    hash ^= hash >> 29;
  }
  for (; i < data.size(); ++i) hash = (hash ^ static_cast<unsigned char>(data[i])) * kMultiplier;
  return hash ^ (hash >> 32);
}

}  // namespace dbmig
