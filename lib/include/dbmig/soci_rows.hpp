// Runtime support of the SOCI bindings that `dbmig bindings` generates (docs/runtime.md):
// SOCI's type_conversion for every model, and typed helpers (insert, get, update, remove,
// select) that write the SQL for the session's database.
//
// The generated header specializes dbmig::rows::model<T> for each model (table, columns, one
// field<&T::member> per column) and derives soci::type_conversion<T> from conversion<T>. What
// each C++ type becomes on each database, and why, is in docs/runtime.md.
//
// Header-only; needs the application's SOCI 4.0 (<soci/soci.h>).
#pragma once

#include <soci/soci.h>

#include <array>
#include <charconv>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace dbmig::rows {

// The column's field type, as dbmig::FieldType (docs/models.md "Types").
enum class sql_type {
  boolean,
  int8,
  int16,
  int32,
  int64,
  uint8,
  uint16,
  uint32,
  uint64,
  float32,
  float64,
  string,
  bytes,
  timestamp,
  date,
  decimal
};

// auto_increment implies primary.
enum class key { none, primary, auto_increment };

// Specialized by the generated header for every model: table, columns and fields.
template <class T>
struct model;

namespace detail {
template <class>
struct member_pointer_traits;
template <class Class, class Member>
struct member_pointer_traits<Member Class::*> {
  using member_type = Member;
};
}  // namespace detail

// One column of a model: the member it maps and how the migrations created the column.
template <auto MemberPointer>
struct field {
  using member_type = typename detail::member_pointer_traits<decltype(MemberPointer)>::member_type;
  static constexpr auto pointer = MemberPointer;

  std::string_view column;
  rows::sql_type type;
  rows::key key = rows::key::none;
  int precision = 0;
  int scale = 0;
};

// A value that does not fit its column, or a column whose value does not fit the member.
class value_error : public std::out_of_range {
 public:
  using std::out_of_range::out_of_range;
};

// The databases whose SQL and value formats differ, named as SOCI names its backends.
enum class backend { sqlite3, postgresql, mysql };

inline backend backend_of(const soci::session& sql) {
  std::string name = sql.get_backend_name();
  if (name == "sqlite3") return backend::sqlite3;
  if (name == "postgresql") return backend::postgresql;
  if (name == "mysql") return backend::mysql;
  throw std::invalid_argument("dbmig::rows supports SQLite, PostgreSQL and MySQL/MariaDB, not '" +
                              name + "'");
}

namespace detail {
// SOCI hands type_conversion a soci::values and nothing about the session, yet byte vectors,
// timestamps and uint64 are written and read differently per database (docs/runtime.md
// "Your own SQL"). The helpers set this around their statements; the application
// sets it with use_backend() before its own soci::use(model) / soci::into(model).
inline thread_local std::optional<backend> thread_backend;
}  // namespace detail

// Tells the conversions of this thread which database the next statements run on.
inline void use_backend(const soci::session& sql) {
  detail::thread_backend = backend_of(sql);
}

namespace detail {

// Sets the thread's backend for one helper call and puts the caller's back afterwards.
class backend_scope {
 public:
  explicit backend_scope(const soci::session& sql) : saved_(thread_backend) {
    thread_backend = backend_of(sql);
  }
  ~backend_scope() { thread_backend = saved_; }
  backend_scope(const backend_scope&) = delete;
  backend_scope& operator=(const backend_scope&) = delete;

 private:
  std::optional<backend> saved_;
};

inline backend current_backend() {
  if (!thread_backend)
    throw std::logic_error(
        "dbmig::rows: call dbmig::rows::use_backend(session) on this thread before "
        "soci::use(model) or soci::into(model) (docs/runtime.md)");
  return *thread_backend;
}

// Where a value goes or comes from, for conversions and error messages.
struct column_context {
  std::string_view table;
  std::string_view column;
  sql_type type;
  int scale;
  backend db;
};

[[noreturn]] inline void fail(const column_context& at, const std::string& what) {
  throw value_error("dbmig::rows: table \"" + std::string(at.table) + "\", column \"" +
                    std::string(at.column) + "\": " + what);
}

// ---- type classification -----------------------------------------------------------------

template <class M>
struct is_optional : std::false_type {};
template <class M>
struct is_optional<std::optional<M>> : std::true_type {};

template <class M>
struct is_time_point : std::false_type {};
template <class Duration>
struct is_time_point<std::chrono::time_point<std::chrono::system_clock, Duration>>
    : std::true_type {};

template <class M>
struct is_byte_vector : std::false_type {};
template <class E>
struct is_byte_vector<std::vector<E>>
    : std::bool_constant<std::is_same_v<E, std::uint8_t> || std::is_same_v<E, unsigned char> ||
                         std::is_same_v<E, char> || std::is_same_v<E, std::byte>> {};

template <class M>
constexpr bool is_integer_v = std::is_integral_v<M> && !std::is_same_v<M, bool>;

// The integer a member travels as: the member itself, or an enum's underlying type.
template <class M, class = void>
struct integer_of {
  using type = M;
};
template <class M>
struct integer_of<M, std::enable_if_t<std::is_enum_v<M>>> {
  using type = std::underlying_type_t<M>;
};

// ---- text formats ------------------------------------------------------------------------

inline std::string two_digits_per_byte(std::string_view raw) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(raw.size() * 2);
  for (unsigned char byte : raw) {
    hex.push_back(digits[byte >> 4]);
    hex.push_back(digits[byte & 0x0f]);
  }
  return hex;
}

inline int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// PostgreSQL's bytea in its hex output format: "\x" and two digits per byte.
inline std::string bytes_from_postgresql_hex(const std::string& text, const column_context& at) {
  if (text.size() % 2 != 0 || text.rfind("\\x", 0) != 0)
    fail(at, "bytea is not in PostgreSQL's hex format (set bytea_output = 'hex')");
  std::string raw;
  raw.reserve(text.size() / 2 - 1);
  for (std::size_t i = 2; i < text.size(); i += 2) {
    int high = hex_digit(text[i]);
    int low = hex_digit(text[i + 1]);
    if (high < 0 || low < 0) fail(at, "bytea has a character that is not a hex digit");
    raw.push_back(static_cast<char>(high * 16 + low));
  }
  return raw;
}

using sys_micros = std::chrono::sys_time<std::chrono::microseconds>;

// "YYYY-MM-DD HH:MM:SS.ffffff", UTC: text keeps the microseconds that SOCI's std::tm drops.
inline std::string timestamp_text(sys_micros at) {
  auto day = std::chrono::floor<std::chrono::days>(at);
  std::chrono::year_month_day date{day};
  std::chrono::hh_mm_ss time{at - day};
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u %02d:%02d:%02d.%06lld", int(date.year()),
                unsigned(date.month()), unsigned(date.day()), int(time.hours().count()),
                int(time.minutes().count()), int(time.seconds().count()),
                static_cast<long long>(time.subseconds().count()));
  return text;
}

inline std::string date_text(std::chrono::year_month_day date) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(date.year()), unsigned(date.month()),
                unsigned(date.day()));
  return text;
}

// Reads the digits at `pos` into `out`; false when there are none.
inline bool read_number(std::string_view text, std::size_t& pos, int& out) {
  auto [end, ec] = std::from_chars(text.data() + pos, text.data() + text.size(), out);
  if (ec != std::errc{}) return false;
  pos = static_cast<std::size_t>(end - text.data());
  return true;
}

inline std::chrono::year_month_day parse_date(std::string_view text, std::size_t& pos,
                                              const column_context& at) {
  int year = 0, month = 0, day = 0;
  if (!read_number(text, pos, year) || pos >= text.size() || text[pos++] != '-' ||
      !read_number(text, pos, month) || pos >= text.size() || text[pos++] != '-' ||
      !read_number(text, pos, day))
    fail(at, "'" + std::string(text) + "' is not a date");
  std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month(unsigned(month)),
                                   std::chrono::day(unsigned(day))};
  if (!date.ok()) fail(at, "'" + std::string(text) + "' is not a date");
  return date;
}

// Accepts what the databases and dbmig's defaults write: "YYYY-MM-DD[ T]HH:MM[:SS[.f…]]", then
// an optional "Z" or "+00"/"+00:00" (any other offset is refused: the values are UTC).
inline sys_micros parse_timestamp(std::string_view text, const column_context& at) {
  std::size_t pos = 0;
  auto date = parse_date(text, pos, at);
  int hours = 0, minutes = 0, seconds = 0;
  long long micros = 0;
  if (pos < text.size() && (text[pos] == ' ' || text[pos] == 'T')) {
    ++pos;
    if (!read_number(text, pos, hours) || pos >= text.size() || text[pos++] != ':' ||
        !read_number(text, pos, minutes))
      fail(at, "'" + std::string(text) + "' is not a timestamp");
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      if (!read_number(text, pos, seconds))
        fail(at, "'" + std::string(text) + "' is not a timestamp");
    }
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      int digits = 0;
      for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos, ++digits)
        if (digits < 6) micros = micros * 10 + (text[pos] - '0');
      for (; digits < 6; ++digits) micros *= 10;
    }
  }
  std::string_view zone = text.substr(pos);
  if (!(zone.empty() || zone == "Z" || zone == "+00" || zone == "+00:00"))
    fail(at, "'" + std::string(text) + "' is not a UTC timestamp");
  return std::chrono::sys_days{date} + std::chrono::hours{hours} + std::chrono::minutes{minutes} +
         std::chrono::seconds{seconds} + std::chrono::microseconds{micros};
}

// Through seconds, not system_clock::time_point: libstdc++'s counts nanoseconds, which hold
// only the years 1677 to 2262.
inline sys_micros from_utc_tm(std::tm utc) {
  return std::chrono::sys_seconds{std::chrono::seconds{timegm(&utc)}};
}

inline std::tm to_utc_tm(sys_micros at) {
  std::time_t seconds = std::chrono::floor<std::chrono::seconds>(at).time_since_epoch().count();
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  return utc;
}

// A time point member of `Duration` holds the instant, or the read fails (a nanosecond
// system_clock::time_point holds 1677-09-21 to 2262-04-11; docs/runtime.md).
template <class Duration>
std::chrono::time_point<std::chrono::system_clock, Duration> time_point_of(
    sys_micros at, const column_context& where) {
  using member = std::chrono::time_point<std::chrono::system_clock, Duration>;
  if (at < std::chrono::ceil<std::chrono::microseconds>(member::min()) ||
      at > std::chrono::floor<std::chrono::microseconds>(member::max()))
    fail(where, timestamp_text(at) + " is outside what the time point member holds");
  return std::chrono::time_point_cast<Duration>(at);
}

// A decimal's text with exactly `scale` digits after the point, as the column holds it. The
// double's shortest text that reads back as the same double is what was written (up to its
// 15-17 digits): "%.10f" of 1234567890123.45 would print the binary's 1234567890123.4499511719.
inline std::string pad_to_scale(std::string text, int scale);
inline std::string decimal_text(double value, int scale) {
  char shortest[400];
  auto [end, ec] =
      std::to_chars(shortest, shortest + sizeof shortest, value, std::chars_format::fixed);
  std::string text(shortest, ec == std::errc{} ? end : shortest);
  std::size_t point = text.find('.');
  int digits = point == std::string::npos ? 0 : static_cast<int>(text.size() - point - 1);
  if (ec == std::errc{} && digits <= scale) return pad_to_scale(text, scale);
  char rounded[400];  // more digits than the scale (SQLite does not round to it): round
  std::snprintf(rounded, sizeof rounded, "%.*f", scale, value);
  return rounded;
}

inline std::string pad_to_scale(std::string text, int scale) {
  std::size_t point = text.find('.');
  int have = point == std::string::npos ? 0 : static_cast<int>(text.size() - point - 1);
  if (have >= scale) return text;
  if (point == std::string::npos) text.push_back('.');
  text.append(static_cast<std::size_t>(scale - have), '0');
  return text;
}

// ---- writing: the base type each member type is bound as ---------------------------------
//
// A column's base type is the same whether the value is NULL or not: SOCI re-binds a prepared
// statement's values into the holder of the first binding.

template <class Integer>
using integer_base_t =
    std::conditional_t<(std::is_signed_v<Integer> && sizeof(Integer) <= sizeof(int)) ||
                           (std::is_unsigned_v<Integer> && sizeof(Integer) < sizeof(int)),
                       int, long long>;

// A value and its NULL-ness, so that values::set keeps the NULL: SOCI's own to_base for basic
// types sets the indicator back to i_ok.
template <class Base>
struct nullable {
  Base value{};
  bool null = false;
};

}  // namespace detail
}  // namespace dbmig::rows

template <class Base>
struct soci::type_conversion<dbmig::rows::detail::nullable<Base>> {
  using base_type = Base;
  static void from_base(const Base& in, indicator ind, dbmig::rows::detail::nullable<Base>& out) {
    out.value = in;
    out.null = ind == i_null;
  }
  static void to_base(const dbmig::rows::detail::nullable<Base>& in, Base& out, indicator& ind) {
    out = in.value;
    ind = in.null ? i_null : i_ok;
  }
};

namespace dbmig::rows::detail {

template <class Base>
void set_column(soci::values& row, std::string_view column, Base value, bool null = false) {
  row.set(std::string(column), nullable<Base>{std::move(value), null});
}

template <class Integer>
void write_integer(soci::values& row, const column_context& at, Integer value, bool null) {
  if constexpr (std::is_same_v<Integer, unsigned long long> ||
                (std::is_unsigned_v<Integer> && sizeof(Integer) == 8)) {
    if (at.db == backend::mysql) {  // BIGINT UNSIGNED holds every value
      set_column(row, at.column, static_cast<unsigned long long>(value), null);
      return;
    }
    if (!null && value > static_cast<Integer>(std::numeric_limits<long long>::max()))
      fail(at, std::to_string(value) +
                   " is above 9223372036854775807, the largest value a uint64 column holds on "
                   "SQLite and PostgreSQL (a signed BIGINT with CHECK >= 0)");
    set_column(row, at.column, static_cast<long long>(value), null);
  } else {
    set_column(row, at.column, static_cast<integer_base_t<Integer>>(value), null);
  }
}

inline std::string bytes_for(backend db, std::string raw) {
  // libpq takes parameters as C strings: a NUL would end the value, so bytea goes as its
  // hex input format. SQLite and MySQL take the bytes as they are (SOCI binds/escapes them
  // with their length).
  if (db == backend::postgresql) return "\\x" + two_digits_per_byte(raw);
  return raw;
}

// "+00" tells PostgreSQL the instant is UTC whatever the session's TimeZone; MariaDB's DATETIME
// refuses an offset and SQLite keeps the text as it is.
inline std::string timestamp_for(backend db, sys_micros at) {
  std::string text = timestamp_text(at);
  if (db == backend::postgresql) text += "+00";
  return text;
}

// Writes one non-optional member (null = true writes NULL with the member type's base type).
template <class M>
void write_member(soci::values& row, const column_context& at, const M& value, bool null) {
  if constexpr (std::is_same_v<M, bool>) {
    set_column(row, at.column, value ? 1 : 0, null);
  } else if constexpr (std::is_enum_v<M>) {
    write_integer(row, at, static_cast<typename integer_of<M>::type>(value), null);
  } else if constexpr (is_integer_v<M>) {
    write_integer(row, at, value, null);
  } else if constexpr (std::is_floating_point_v<M>) {
    // SOCI prints doubles with %.20g: every double, and so every float, goes over exactly.
    set_column(row, at.column, static_cast<double>(value), null);
  } else if constexpr (std::is_same_v<M, std::string>) {
    if (!null && at.db == backend::postgresql && at.type == sql_type::string &&
        value.find('\0') != std::string::npos)
      fail(at, "PostgreSQL text cannot hold a NUL character");
    set_column(row, at.column, value, null);
  } else if constexpr (is_byte_vector<M>::value) {
    std::string raw(reinterpret_cast<const char*>(value.data()), value.size());
    set_column(row, at.column, bytes_for(at.db, std::move(raw)), null);
  } else if constexpr (is_time_point<M>::value) {
    set_column(row, at.column,
               timestamp_for(at.db, std::chrono::floor<std::chrono::microseconds>(value)), null);
  } else if constexpr (std::is_same_v<M, std::tm>) {
    set_column(row, at.column, timestamp_for(at.db, from_utc_tm(value)), null);
  } else if constexpr (std::is_same_v<M, std::chrono::year_month_day>) {
    set_column(row, at.column, date_text(value), null);
  } else {
    static_assert(sizeof(M) == 0, "dbmig::rows: a member type docs/models.md does not allow");
  }
}

template <class M>
void write_field(soci::values& row, const column_context& at, const M& value) {
  if constexpr (is_optional<M>::value) {
    using Inner = typename M::value_type;
    write_member<Inner>(row, at, value ? *value : Inner{}, !value.has_value());
  } else {
    write_member<M>(row, at, value, false);
  }
}

// ---- reading: whatever data type SOCI reports for the column -----------------------------
//
// Source is soci::values (SOCI's into(model)) or soci::row; both index columns by name.

template <class Source>
soci::data_type data_type_of(const Source& row, const std::string& name) {
  return row.get_properties(name).get_data_type();
}

inline std::string data_type_name(soci::data_type type) {
  switch (type) {
    case soci::dt_string:
      return "string";
    case soci::dt_date:
      return "date";
    case soci::dt_double:
      return "double";
    case soci::dt_integer:
      return "integer";
    case soci::dt_long_long:
      return "long long";
    case soci::dt_unsigned_long_long:
      return "unsigned long long";
    case soci::dt_blob:
      return "blob";
    case soci::dt_xml:
      return "xml";
  }
  return "unknown";
}

[[noreturn]] inline void fail_type(const column_context& at, soci::data_type type,
                                   std::string_view wanted) {
  fail(at,
       "SOCI reports a " + data_type_name(type) + " column, which is not " + std::string(wanted));
}

template <class Integer>
Integer integer_from_text(const std::string& text, const column_context& at) {
  Integer value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) fail(at, text + " does not fit the member's type");
  if (ec != std::errc{} || end != text.data() + text.size())
    fail(at, "'" + text + "' is not an integer");
  return value;
}

template <class Integer, class Wide>
Integer narrowed(Wide value, const column_context& at) {
  if (!std::in_range<Integer>(value)) fail(at, std::to_string(value) + " does not fit the member");
  return static_cast<Integer>(value);
}

template <class Integer, class Source>
Integer read_integer(const Source& row, const std::string& name, const column_context& at) {
  soci::data_type type = data_type_of(row, name);
  switch (type) {
    case soci::dt_integer:
      return narrowed<Integer>(row.template get<int>(name), at);
    case soci::dt_long_long:
      return narrowed<Integer>(row.template get<long long>(name), at);
    case soci::dt_unsigned_long_long:
      return narrowed<Integer>(row.template get<unsigned long long>(name), at);
    case soci::dt_string: {
      std::string text = row.template get<std::string>(name);
      if constexpr (std::is_signed_v<Integer>)
        return narrowed<Integer>(integer_from_text<long long>(text, at), at);
      else if (!text.empty() && text[0] == '-')
        fail(at, text + " does not fit the member");
      else
        return narrowed<Integer>(integer_from_text<unsigned long long>(text, at), at);
    }
    case soci::dt_double: {
      double value = row.template get<double>(name);
      auto whole = static_cast<long long>(value);
      if (static_cast<double>(whole) != value) fail(at, std::to_string(value) + " is not whole");
      return narrowed<Integer>(whole, at);
    }
    default:
      fail_type(at, type, "an integer");
  }
}

template <class Source>
double read_double(const Source& row, const std::string& name, const column_context& at) {
  soci::data_type type = data_type_of(row, name);
  switch (type) {
    case soci::dt_double:
      return row.template get<double>(name);
    case soci::dt_integer:
      return row.template get<int>(name);
    case soci::dt_long_long:
      return static_cast<double>(row.template get<long long>(name));
    case soci::dt_string: {
      std::string text = row.template get<std::string>(name);
      double value = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (ec != std::errc{} || end != text.data() + text.size())
        fail(at, "'" + text + "' is not a number");
      return value;
    }
    default:
      fail_type(at, type, "a number");
  }
}

template <class Source>
std::string read_text(const Source& row, const std::string& name, const column_context& at) {
  soci::data_type type = data_type_of(row, name);
  if (type != soci::dt_string && type != soci::dt_blob) fail_type(at, type, "text");
  return row.template get<std::string>(name);
}

template <class Source>
std::string read_decimal_text(const Source& row, const std::string& name,
                              const column_context& at) {
  // SOCI reports DECIMAL/NUMERIC as double; the helpers select it as text to keep every digit.
  // SQLite prints a REAL it holds as "1.5e+19": that one goes through the double.
  if (data_type_of(row, name) == soci::dt_string) {
    std::string text = row.template get<std::string>(name);
    if (text.find_first_of("eE") == std::string::npos) return pad_to_scale(text, at.scale);
  }
  return decimal_text(read_double(row, name, at), at.scale);
}

template <class Source>
std::string read_bytes(const Source& row, const std::string& name, const column_context& at) {
  soci::data_type type = data_type_of(row, name);
  if (type == soci::dt_blob) return row.template get<std::string>(name);  // SQLite
  if (type != soci::dt_string) fail_type(at, type, "bytes");
  std::string text = row.template get<std::string>(name);
  if (at.db == backend::postgresql) return bytes_from_postgresql_hex(text, at);
  return text;
}

template <class Source>
sys_micros read_timestamp(const Source& row, const std::string& name, const column_context& at) {
  soci::data_type type = data_type_of(row, name);
  // dt_date: SOCI's std::tm, whole seconds (docs/runtime.md); the helpers select text.
  if (type == soci::dt_date) return from_utc_tm(row.template get<std::tm>(name));
  if (type != soci::dt_string) fail_type(at, type, "a timestamp");
  return parse_timestamp(row.template get<std::string>(name), at);
}

template <class Source>
std::chrono::year_month_day read_date(const Source& row, const std::string& name,
                                      const column_context& at) {
  soci::data_type type = data_type_of(row, name);
  if (type == soci::dt_date) {
    std::tm day = row.template get<std::tm>(name);
    return std::chrono::year_month_day{std::chrono::year{day.tm_year + 1900},
                                       std::chrono::month(unsigned(day.tm_mon + 1)),
                                       std::chrono::day(unsigned(day.tm_mday))};
  }
  if (type != soci::dt_string) fail_type(at, type, "a date");
  std::string text = row.template get<std::string>(name);
  std::size_t pos = 0;
  return parse_date(text, pos, at);
}

template <class M, class Source>
M read_member(const Source& row, const std::string& name, const column_context& at) {
  if constexpr (std::is_same_v<M, bool>) {
    return read_integer<long long>(row, name, at) != 0;
  } else if constexpr (std::is_enum_v<M>) {
    return static_cast<M>(read_integer<typename integer_of<M>::type>(row, name, at));
  } else if constexpr (is_integer_v<M>) {
    return read_integer<M>(row, name, at);
  } else if constexpr (std::is_floating_point_v<M>) {
    return static_cast<M>(read_double(row, name, at));
  } else if constexpr (std::is_same_v<M, std::string>) {
    if (at.type == sql_type::decimal) return read_decimal_text(row, name, at);
    return read_text(row, name, at);
  } else if constexpr (is_byte_vector<M>::value) {
    std::string raw = read_bytes(row, name, at);
    using E = typename M::value_type;
    const auto* first = reinterpret_cast<const E*>(raw.data());
    return M(first, first + raw.size());
  } else if constexpr (is_time_point<M>::value) {
    return time_point_of<typename M::duration>(read_timestamp(row, name, at), at);
  } else if constexpr (std::is_same_v<M, std::tm>) {
    return to_utc_tm(read_timestamp(row, name, at));
  } else if constexpr (std::is_same_v<M, std::chrono::year_month_day>) {
    return read_date(row, name, at);
  } else {
    static_assert(sizeof(M) == 0, "dbmig::rows: a member type docs/models.md does not allow");
  }
}

template <class M, class Source>
void read_field(const Source& row, const column_context& at, M& out) {
  std::string name(at.column);
  bool null = row.get_indicator(name) == soci::i_null;
  if constexpr (is_optional<M>::value) {
    if (null)
      out.reset();
    else
      out = read_member<typename M::value_type>(row, name, at);
  } else {
    if (null) fail(at, "is NULL, but the member is not a std::optional");
    out = read_member<M>(row, name, at);
  }
}

// ---- the model's fields -------------------------------------------------------------------

template <class T>
using fields_t = std::remove_cvref_t<decltype(model<T>::fields)>;

template <class T, class Visit>
void for_each_field(Visit&& visit) {
  std::apply([&](const auto&... each) { (visit(each), ...); }, model<T>::fields);
}

template <class T, class Field>
column_context context_of(const Field& f, backend db) {
  return {model<T>::table, f.column, f.type, f.scale, db};
}

inline constexpr std::size_t no_key = static_cast<std::size_t>(-1);

template <class T>
constexpr std::size_t key_index() {
  return []<std::size_t... I>(std::index_sequence<I...>) {
    std::size_t found = no_key;
    ((std::get<I>(model<T>::fields).key != key::none && found == no_key ? (found = I) : 0), ...);
    return found;
  }
  (std::make_index_sequence<std::tuple_size_v<fields_t<T>>>{});
}

template <class T>
constexpr const auto& key_field() {
  static_assert(key_index<T>() != no_key, "dbmig::rows: the model has no primary key field");
  return std::get<key_index<T>()>(model<T>::fields);
}

template <class T>
using key_type_t = typename std::remove_cvref_t<decltype(key_field<T>())>::member_type;

// Reads every field of `out` from a query's row (soci::values or soci::row).
template <class Source, class T>
void read_row(const Source& row, backend db, T& out) {
  for_each_field<T>(
      [&](const auto& f) { read_field(row, context_of<T>(f, db), out.*(f.pointer)); });
}

}  // namespace dbmig::rows::detail

namespace dbmig::rows {

// SOCI's type_conversion of a model (the generated header derives soci::type_conversion<T>
// from it): to_base sets every field by column name, from_base reads every field by column
// name from the row of a query (SELECT * works).
template <class T>
struct conversion {
  using base_type = soci::values;

  static void from_base(const soci::values& row, soci::indicator ind, T& out) {
    // After a statement with soci::use(model) SOCI calls from_base on the values to_base
    // made; they have no row, and the model already holds them.
    if (row.get_number_of_columns() == 0) return;
    if (ind == soci::i_null) throw soci::soci_error("dbmig::rows: a NULL row for a model");
    detail::read_row(row, detail::current_backend(), out);
  }

  static void to_base(const T& in, soci::values& row, soci::indicator& ind) {
    backend db = detail::current_backend();
    detail::for_each_field<T>([&](const auto& f) {
      detail::write_field(row, detail::context_of<T>(f, db), in.*(f.pointer));
    });
    ind = soci::i_ok;
  }
};

namespace detail {

inline std::string quote(std::string_view name, backend db) {
  char mark = db == backend::mysql ? '`' : '"';
  std::string quoted(1, mark);
  for (char c : name) {
    quoted.push_back(c);
    if (c == mark) quoted.push_back(c);
  }
  quoted.push_back(mark);
  return quoted;
}

// The placeholder that takes a field's value in INSERT and UPDATE. SOCI binds a std::string
// to SQLite as text; CAST makes a byte vector a real BLOB (typeof = 'blob').
template <class Field>
std::string placeholder(const Field& f, backend db) {
  std::string name = ":" + std::string(f.column);
  if (f.type == sql_type::bytes && db == backend::sqlite3) return "CAST(" + name + " AS BLOB)";
  return name;
}

// The expression that selects a column in get() and select(), for the columns SOCI would
// otherwise read with a loss (docs/runtime.md).
template <class Field>
std::string select_expression(const Field& f, backend db) {
  std::string column = quote(f.column, db);
  bool integer = f.type >= sql_type::int8 && f.type <= sql_type::uint64;
  switch (db) {
    case backend::sqlite3:
      // SOCI reads a column declared INTEGER through a 32-bit int, and DATETIME through
      // std::tm; an expression has no declared type, so SOCI reads its text.
      if (integer || f.type == sql_type::timestamp)
        return "CAST(" + column + " AS TEXT) AS " + column;
      return column;
    case backend::postgresql:
      if (f.type == sql_type::timestamp)
        return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS " +
               column;
      if (f.type == sql_type::decimal) return "CAST(" + column + " AS TEXT) AS " + column;
      return column;
    case backend::mysql:
      if (f.type == sql_type::timestamp)
        return "DATE_FORMAT(" + column + ", '%Y-%m-%d %H:%i:%s.%f') AS " + column;
      if (f.type == sql_type::decimal) return "CAST(" + column + " AS CHAR) AS " + column;
      // MariaDB prints a FLOAT with 6 significant digits; as a DOUBLE it prints all of them.
      if (f.type == sql_type::float32) return "CAST(" + column + " AS DOUBLE) AS " + column;
      return column;
  }
  return column;
}

template <class T>
std::string select_list(backend db) {
  std::string list;
  for_each_field<T>([&](const auto& f) {
    if (!list.empty()) list += ", ";
    list += select_expression(f, db);
  });
  return list;
}

template <class T>
std::string table_name(backend db) {
  return quote(model<T>::table, db);
}

template <class T>
std::string key_condition(backend db) {
  const auto& k = key_field<T>();
  return quote(k.column, db) + " = " + placeholder(k, db);
}

template <class T>
soci::values key_values(const key_type_t<T>& value, backend db) {
  soci::values row;
  write_field(row, context_of<T>(key_field<T>(), db), value);
  return row;
}

template <class T>
std::string insert_sql(backend db) {
  std::string columns, values;
  for_each_field<T>([&](const auto& f) {
    if (f.key == key::auto_increment) return;
    if (!columns.empty()) columns += ", ", values += ", ";
    columns += quote(f.column, db);
    values += placeholder(f, db);
  });
  std::string sql = "INSERT INTO " + table_name<T>(db);
  if (columns.empty())
    sql += db == backend::mysql ? " () VALUES ()" : " DEFAULT VALUES";
  else
    sql += " (" + columns + ") VALUES (" + values + ")";
  return sql;
}

// MySQL counts only the rows an UPDATE changed: a row updated to its own values counts 0.
template <class T>
bool key_exists(soci::session& sql, const key_type_t<T>& value, backend db) {
  soci::values key = key_values<T>(value, db);
  int found = 0;
  sql << "SELECT 1 FROM " + table_name<T>(db) + " WHERE " + key_condition<T>(db), soci::use(key),
      soci::into(found);
  return sql.got_data();
}

}  // namespace detail

// Inserts `row` and returns its primary key: the one the database assigned to an
// auto-increment key (which is not written), else the one written.
template <class T>
detail::key_type_t<T> insert(soci::session& sql, const T& row) {
  detail::backend_scope scope(sql);
  backend db = backend_of(sql);
  const auto& k = detail::key_field<T>();
  soci::values written;
  soci::indicator ind = soci::i_ok;
  conversion<T>::to_base(row, written, ind);
  std::string statement = detail::insert_sql<T>(db);
  if (k.key != key::auto_increment) {
    sql << statement, soci::use(written);
    return row.*(k.pointer);
  }
  detail::column_context at = detail::context_of<T>(k, db);
  if (db == backend::mysql) {
    sql << statement, soci::use(written);
    soci::row id;
    sql << "SELECT LAST_INSERT_ID() AS id", soci::into(id);
    return detail::read_member<detail::key_type_t<T>>(id, "id", at);
  }
  // SQLite 3.35+ and PostgreSQL: the new key comes back from the INSERT itself.
  soci::row id;
  sql << statement + " RETURNING " + detail::select_expression(k, db), soci::use(written),
      soci::into(id);
  return detail::read_member<detail::key_type_t<T>>(id, std::string(k.column), at);
}

// The row whose primary key is `key`, or nullopt.
template <class T>
std::optional<T> get(soci::session& sql, const detail::key_type_t<T>& key) {
  detail::backend_scope scope(sql);
  backend db = backend_of(sql);
  soci::values bound = detail::key_values<T>(key, db);
  soci::row found;  // a soci::values would lose its row with the statement
  sql << "SELECT " + detail::select_list<T>(db) + " FROM " + detail::table_name<T>(db) + " WHERE " +
             detail::key_condition<T>(db),
      soci::use(bound), soci::into(found);
  if (!sql.got_data()) return std::nullopt;
  T row{};
  detail::read_row(found, db, row);
  return row;
}

// Writes every column of the row whose primary key is row's; false when there is none.
template <class T>
bool update(soci::session& sql, const T& row) {
  detail::backend_scope scope(sql);
  backend db = backend_of(sql);
  const auto& k = detail::key_field<T>();
  std::string assignments;
  detail::for_each_field<T>([&](const auto& f) {
    if (f.key != key::none) return;
    if (!assignments.empty()) assignments += ", ";
    assignments += detail::quote(f.column, db) + " = " + detail::placeholder(f, db);
  });
  if (assignments.empty()) return detail::key_exists<T>(sql, row.*(k.pointer), db);
  soci::values written;
  soci::indicator ind = soci::i_ok;
  conversion<T>::to_base(row, written, ind);
  soci::statement update =
      (sql.prepare << "UPDATE " + detail::table_name<T>(db) + " SET " + assignments + " WHERE " +
                          detail::key_condition<T>(db),
       soci::use(written));
  update.execute(true);
  if (update.get_affected_rows() > 0) return true;
  return db == backend::mysql && detail::key_exists<T>(sql, row.*(k.pointer), db);
}

// Deletes the row whose primary key is `key`; false when there is none.
template <class T>
bool remove(soci::session& sql, const detail::key_type_t<T>& key) {
  detail::backend_scope scope(sql);
  backend db = backend_of(sql);
  soci::values bound = detail::key_values<T>(key, db);
  soci::statement remove = (sql.prepare << "DELETE FROM " + detail::table_name<T>(db) + " WHERE " +
                                               detail::key_condition<T>(db),
                            soci::use(bound));
  remove.execute(true);
  return remove.get_affected_rows() > 0;
}

// The rows matching `where`: the caller's text after WHERE (it may end with ORDER BY), its
// placeholders bound by the caller's soci::use(value, "name") elements.
template <class T, class... Uses>
std::vector<T> select(soci::session& sql, const std::string& where, Uses&&... uses) {
  detail::backend_scope scope(sql);
  backend db = backend_of(sql);
  soci::row found;
  auto query = (sql.prepare << "SELECT " + detail::select_list<T>(db) + " FROM " +
                                   detail::table_name<T>(db) + " WHERE " + where,
                soci::into(found));
  ((void)(query, std::forward<Uses>(uses)), ...);
  soci::statement statement = query;
  std::vector<T> rows;
  if (!statement.execute(true)) return rows;
  do {
    T row{};
    detail::read_row(found, db, row);
    rows.push_back(std::move(row));
  } while (statement.fetch());
  return rows;
}

}  // namespace dbmig::rows
