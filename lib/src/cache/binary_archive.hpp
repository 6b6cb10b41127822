// A compact binary encoding for dbmig's caches (the scan cache, the makemigrations memo):
// integers as LEB128 varints (signed ones zigzagged), strings and sequences length-first,
// optionals and variants with a leading tag, and a type's members listed once in a
// `transfer(archive, value)` overload that serves both directions. Decoding goes straight into
// the structs, with no document in between, and every read is bounds-checked: a damaged file
// is a DecodeError, never a crash.
#pragma once

#include <cstdint>
#include <cstring>
#include <iterator>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "cache/content_hash.hpp"

// Declares `transfer` for Type: `value` names the object, then its members in storage order,
// e.g. DBMIG_BINARY_MEMBERS(ModelKey, key, key.app, key.name). Write it in Type's namespace:
// archives find transfer by argument-dependent lookup.
#define DBMIG_BINARY_MEMBERS(Type, value, ...)          \
  template <class Archive, class T>                     \
  requires std::is_same_v<std::remove_const_t<T>, Type> \
  void transfer(Archive& archive, T& value) {           \
    archive(__VA_ARGS__);                               \
  }

namespace dbmig::binary {

// Specialize for each enum an archive holds, so decoded values can be range-checked.
template <class Enum>
constexpr Enum kLastEnumerator{};

struct DecodeError : std::runtime_error {
  DecodeError() : std::runtime_error("damaged cache file") {}
};

// Any archive: only asks whether a `transfer` overload lists T's members.
struct ArchiveProbe {
  template <class... T>
  void operator()(T&...) {}
};

template <class T>
concept Transferable = requires(ArchiveProbe& probe, T& value) {
  transfer(probe, value);
};

// Consecutive elements of a std::map, written as a std::map of them: a part of a map encoded
// without copying it.
template <class Iterator>
struct MapSlice {
  Iterator begin;
  Iterator end;
};

class Writer {
 public:
  template <class... T>
  void operator()(const T&... values) {
    (put(values), ...);
  }

  const std::string& bytes() const { return out_; }
  std::string take() && { return std::move(out_); }

 private:
  void put_varint(std::uint64_t value) {
    for (; value >= 0x80; value >>= 7) out_ += static_cast<char>((value & 0x7F) | 0x80);
    out_ += static_cast<char>(value);
  }

  void put(bool value) { out_ += value ? '\1' : '\0'; }
  void put(double value) {
    char bytes[sizeof value];
    std::memcpy(bytes, &value, sizeof value);
    out_.append(bytes, sizeof value);
  }
  template <class T>
  requires std::is_integral_v<T> &&(!std::is_same_v<T, bool>)void put(T value) {
    if constexpr (std::is_signed_v<T>)
      put_varint((static_cast<std::uint64_t>(value) << 1) ^
                 static_cast<std::uint64_t>(static_cast<std::int64_t>(value) >> 63));
    else
      put_varint(value);
  }
  template <class T>
  requires std::is_enum_v<T>
  void put(T value) { put_varint(static_cast<std::uint64_t>(value)); }
  void put(std::string_view value) {
    put_varint(value.size());
    out_ += value;
  }
  void put(const std::string& value) { put(std::string_view(value)); }
  template <class T>
  void put(const std::optional<T>& value) {
    put(value.has_value());
    if (value) put(*value);
  }
  template <class... T>
  void put(const std::variant<T...>& value) {
    put_varint(value.index());
    std::visit([this](const auto& alternative) { this->put(alternative); }, value);
  }
  template <class T>
  void put(const std::vector<T>& values) {
    put_varint(values.size());
    for (const auto& value : values) put(value);
  }
  template <class K, class V>
  void put(const std::map<K, V>& values) {
    put(MapSlice{values.begin(), values.end()});
  }
  template <class Iterator>
  void put(const MapSlice<Iterator>& slice) {
    put_varint(static_cast<std::uint64_t>(std::distance(slice.begin, slice.end)));
    for (auto it = slice.begin; it != slice.end; ++it) (*this)(it->first, it->second);
  }
  template <Transferable T>
  void put(const T& value) {
    transfer(*this, value);
  }

  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}

  template <class... T>
  void operator()(T&... values) {
    (get(values), ...);
  }

  bool at_end() const { return rest_.empty(); }
  std::size_t remaining() const { return rest_.size(); }

 private:
  std::string_view take(std::size_t size) {
    if (size > rest_.size()) throw DecodeError();
    std::string_view bytes = rest_.substr(0, size);
    rest_.remove_prefix(size);
    return bytes;
  }

  std::uint64_t get_varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      auto byte = static_cast<unsigned char>(take(1)[0]);
      if (shift == 63 && byte > 1) throw DecodeError();  // more than 64 bits
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return value;
    }
    throw DecodeError();
  }

  // A count of elements that each take at least one byte: bounded by what is left, so a
  // damaged length cannot make a huge allocation.
  std::size_t get_count() {
    std::uint64_t count = get_varint();
    if (count > rest_.size()) throw DecodeError();
    return static_cast<std::size_t>(count);
  }

  void get(bool& value) {
    char byte = take(1)[0];
    if (byte != '\0' && byte != '\1') throw DecodeError();
    value = byte == '\1';
  }
  void get(double& value) { std::memcpy(&value, take(sizeof value).data(), sizeof value); }
  template <class T>
  requires std::is_integral_v<T> &&(!std::is_same_v<T, bool>)void get(T& value) {
    std::uint64_t raw = get_varint();
    if constexpr (std::is_signed_v<T>) {
      auto wide = static_cast<std::int64_t>(raw >> 1) ^ -static_cast<std::int64_t>(raw & 1);
      if (!std::in_range<T>(wide)) throw DecodeError();
      value = static_cast<T>(wide);
    } else {
      if (!std::in_range<T>(raw)) throw DecodeError();
      value = static_cast<T>(raw);
    }
  }
  template <class T>
  requires std::is_enum_v<T>
  void get(T& value) {
    std::uint64_t raw = get_varint();
    if (raw > static_cast<std::uint64_t>(kLastEnumerator<T>)) throw DecodeError();
    value = static_cast<T>(raw);
  }
  void get(std::string& value) { value = take(get_count()); }
  // A view into the archive's bytes, valid while they are: for a part decoded later.
  void get(std::string_view& value) { value = take(get_count()); }
  template <class T>
  void get(std::optional<T>& value) {
    bool present = false;
    get(present);
    if (!present) return value.reset();
    get(value.emplace());
  }
  template <class... T>
  void get(std::variant<T...>& value) {
    std::uint64_t index = get_varint();
    if (index >= sizeof...(T)) throw DecodeError();
    emplace_alternative(value, index, std::index_sequence_for<T...>{});
    std::visit([this](auto& alternative) { this->get(alternative); }, value);
  }
  template <class Variant, std::size_t... I>
  static void emplace_alternative(Variant& value, std::uint64_t index, std::index_sequence<I...>) {
    ((index == I ? (value.template emplace<I>(), 0) : 0), ...);
  }
  // One element at a time, not resize(count): memory grows with what is actually read, so a
  // damaged count cannot allocate count big elements before the data runs out.
  template <class T>
  void get(std::vector<T>& values) {
    values.clear();
    for (std::size_t count = get_count(); count > 0; --count) get(values.emplace_back());
  }
  template <class K, class V>
  void get(std::map<K, V>& values) {
    values.clear();
    for (std::size_t count = get_count(); count > 0; --count) {
      K key;
      V value;
      (*this)(key, value);
      values.emplace_hint(values.end(), std::move(key), std::move(value));
    }
  }
  template <Transferable T>
  void get(T& value) {
    transfer(*this, value);
  }

  std::string_view rest_;
};

// A value alone, for a part of a sealed file that is decoded only when needed.
template <class T>
std::string encode(const T& value) {
  Writer writer;
  writer(value);
  return std::move(writer).take();
}

// std::nullopt when `bytes` are not exactly one encoded T.
template <class T>
std::optional<T> decode(std::string_view bytes) {
  try {
    Reader reader(bytes);
    T value;
    reader(value);
    if (!reader.at_end()) return std::nullopt;
    return value;
  } catch (const DecodeError&) {
    return std::nullopt;
  }
}

// A cache file: `magic` (which names the format and its version), the value, and a content
// hash of both, so a file of another format, a truncated one or one with a flipped bit is
// refused instead of read as a wrong answer.
template <class T>
std::string encode_sealed(std::string_view magic, const T& value) {
  Writer writer;
  writer(magic, value);
  std::string bytes = std::move(writer).take();
  Writer seal;
  seal(content_hash(bytes));
  return bytes += seal.bytes();
}

// The value, or std::nullopt when `bytes` are not one intact file of this format.
template <class T>
std::optional<T> decode_sealed(std::string_view magic, std::string_view bytes) {
  try {
    Reader reader(bytes);
    std::string found_magic;
    reader(found_magic);
    if (found_magic != magic) return std::nullopt;
    T value;
    reader(value);
    std::size_t body_size = bytes.size() - reader.remaining();
    std::uint64_t seal = 0;
    reader(seal);
    if (!reader.at_end() || seal != content_hash(bytes.substr(0, body_size))) return std::nullopt;
    return value;
  } catch (const DecodeError&) {
    return std::nullopt;
  }
}

}  // namespace dbmig::binary
