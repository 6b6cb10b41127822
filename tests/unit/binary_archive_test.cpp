// The cache files' binary encoding: what is written reads back equal, and anything else is
// refused rather than read as a wrong answer.
#include "cache/file_stamp_archive.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace dbmig {

namespace {

enum class Color { red, green, blue };

struct Sample {
  std::string name;
  std::int64_t small = 0;
  std::uint64_t large = 0;
  int negative = 0;
  bool flag = false;
  double ratio = 0;
  Color color = Color::red;
  std::optional<std::string> maybe;
  std::variant<bool, std::int64_t, std::string> either;
  std::vector<std::string> items;
  std::map<std::string, StampedFile> files;
  bool operator==(const Sample&) const = default;
};

DBMIG_BINARY_MEMBERS(Sample, sample, sample.name, sample.small, sample.large, sample.negative,
                     sample.flag, sample.ratio, sample.color, sample.maybe, sample.either,
                     sample.items, sample.files)

Sample full_sample() {
  return {"name with \0 and é",
          std::numeric_limits<std::int64_t>::min(),
          std::numeric_limits<std::uint64_t>::max(),
          -300,
          true,
          -0.125,
          Color::blue,
          "present",
          std::string("text"),
          {"a", "", std::string(200, 'x')},
          {{"x.hpp", {"/p/x.hpp", 0xDEADBEEF, "12:34"}}}};
}

constexpr std::string_view kMagic = "test-archive-1";

// Counts its constructions, to see how many elements a decode makes.
struct Counted {
  static inline int made = 0;
  Counted() { ++made; }
  std::string text;
};

DBMIG_BINARY_MEMBERS(Counted, counted, counted.text)

}  // namespace

template <>
constexpr Color binary::kLastEnumerator<Color> = Color::blue;

TEST(BinaryArchive, WhatIsWrittenReadsBackEqual) {
  Sample sample = full_sample();
  EXPECT_EQ(binary::decode_sealed<Sample>(kMagic, binary::encode_sealed(kMagic, sample)), sample);
  Sample empty;
  EXPECT_EQ(binary::decode_sealed<Sample>(kMagic, binary::encode_sealed(kMagic, empty)), empty);
}

TEST(BinaryArchive, AnotherFormatIsRefused) {
  std::string bytes = binary::encode_sealed(kMagic, full_sample());
  EXPECT_FALSE(binary::decode_sealed<Sample>("test-archive-2", bytes));
  EXPECT_FALSE(binary::decode_sealed<Sample>(kMagic, "{\"files\": []}"));
  EXPECT_FALSE(binary::decode_sealed<Sample>(kMagic, ""));
}

TEST(BinaryArchive, EveryTruncationIsRefused) {
  std::string bytes = binary::encode_sealed(kMagic, full_sample());
  for (std::size_t size = 0; size < bytes.size(); ++size)
    EXPECT_FALSE(binary::decode_sealed<Sample>(kMagic, bytes.substr(0, size))) << size;
  EXPECT_FALSE(binary::decode_sealed<Sample>(kMagic, bytes + '\0'));
}

TEST(BinaryArchive, ADamagedCountMakesOnlyTheElementsThereAreBytesFor) {
  // A count of 1000 (which the 1000 bytes left allow), 500 empty strings, then a damaged length.
  std::string bytes = "\xe8\x07" + std::string(500, '\0') + std::string(500, '\xff');
  Counted::made = 0;
  EXPECT_FALSE(binary::decode<std::vector<Counted>>(bytes));
  EXPECT_LE(Counted::made, 501);
}

TEST(BinaryArchive, EveryFlippedBitIsRefused) {
  std::string bytes = binary::encode_sealed(kMagic, full_sample());
  for (std::size_t at = 0; at < bytes.size(); ++at)
    for (int bit = 0; bit < 8; ++bit) {
      std::string damaged = bytes;
      damaged[at] = static_cast<char>(damaged[at] ^ (1 << bit));
      EXPECT_FALSE(binary::decode_sealed<Sample>(kMagic, damaged)) << at << ":" << bit;
    }
}

}  // namespace dbmig
