// The random source of the seeded tests (the makemigrations property test, the optimizer's
// random sequences). A seed must draw the same picks with every standard library, so a failure
// seen in CI replays anywhere: std::mt19937's output is fixed by the standard, but
// std::uniform_int_distribution's mapping of it to a range is each library's own. The mapping
// here is Lemire's multiply-shift with rejection, written out.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>

namespace dbmig::test {

class SeededRandom {
 public:
  explicit SeededRandom(std::uint32_t seed) : engine_(seed) {}

  // Uniform in [0, n); n > 0.
  int pick(int n) {
    if (n <= 0) throw std::invalid_argument("SeededRandom::pick needs a positive bound");
    auto range = static_cast<std::uint32_t>(n);
    std::uint64_t product = next() * range;
    auto low = static_cast<std::uint32_t>(product);
    if (low < range) {
      // Reject the low words that would make some results one draw likelier than others.
      std::uint32_t threshold = static_cast<std::uint32_t>(-range) % range;
      while (low < threshold) {
        product = next() * range;
        low = static_cast<std::uint32_t>(product);
      }
    }
    return static_cast<int>(product >> 32);
  }

  // True with the given probability in percent.
  bool chance(int percent) { return pick(100) < percent; }

 private:
  // mt19937's result type may be wider than 32 bits; its values are not.
  std::uint64_t next() { return static_cast<std::uint32_t>(engine_()); }

  std::mt19937 engine_;
};

// The seeds a seeded test runs: `variable` set to FIRST-LAST, or N for 1-N; else `defaults`.
inline std::pair<unsigned, unsigned> seed_range(const char* variable,
                                                std::pair<unsigned, unsigned> defaults) {
  const char* seeds = std::getenv(variable);
  if (!seeds) return defaults;
  auto number = [](const std::string& text) { return static_cast<unsigned>(std::stoul(text)); };
  std::string range = seeds;
  std::size_t dash = range.find('-');
  if (dash == std::string::npos) return {1, number(range)};
  return {number(range.substr(0, dash)), number(range.substr(dash + 1))};
}

}  // namespace dbmig::test
