// dbmig::rows (<dbmig/soci_rows.hpp>, docs/runtime.md) on real SQLite, PostgreSQL and MariaDB:
// the fixture project tests/fixtures/bindings is migrated by the built dbmig (so the columns are
// exactly dbmig's DDL), then every type and option goes in and out through the helpers and
// through the application's own INSERT + soci::use(model) and SELECT * + soci::into(model).
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <alltypes/models_soci.hpp>  // generated at build time (tests/CMakeLists.txt)

#include "dbmig/database_url.hpp"
#include "test_support.hpp"

namespace dbmig::test {
namespace {

namespace fs = std::filesystem;
using alltypes::AllTypes;
using alltypes::Note;
using alltypes::Tag;
using namespace std::chrono;

// The fixture copied into one folder for the whole suite, with makemigrations run once.
const fs::path& migrated_project() {
  static TempDir folder;
  static bool made = [] {
    fs::path fixture = fs::path(DBMIG_FIXTURES_DIR) / "bindings";
    fs::copy_file(fixture / "dbmig.json", folder.path() / "dbmig.json");
    fs::copy(fixture / "apps", folder.path() / "apps", fs::copy_options::recursive);
    RunResult made = run_dbmig({"makemigrations"}, folder.path());
    EXPECT_EQ(made.exit_code, 0) << made.out << made.err;
    return made.exit_code == 0;
  }();
  (void)made;
  return folder.path();
}

class SociRows : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    auto url = fresh_database_url(GetParam(), dir_.path());
    if (!url) GTEST_SKIP() << "no " << to_string(GetParam()) << " server";
    RunResult migrate = run_dbmig({"migrate"}, migrated_project(), {{"DATABASE_URL", *url}});
    ASSERT_EQ(migrate.exit_code, 0) << migrate.out << migrate.err;
    DatabaseUrl parsed = parse_database_url(*url);
    std::string connection = parsed.soci_connection_string();
    if (GetParam() == Dialect::mysql) connection += " charset=utf8mb4";
    sql_.open(parsed.soci_backend(), connection);
    dbmig::rows::use_backend(sql_);  // for the application's own statements below
  }

  bool is(Dialect dialect) const { return GetParam() == dialect; }
  std::string q(std::string_view name) const {
    std::string mark = is(Dialect::mysql) ? "`" : "\"";
    return mark + std::string(name) + mark;
  }
  long long count(std::string_view table) {
    long long rows = 0;
    sql_ << "SELECT COUNT(*) FROM " + q(table), soci::into(rows);
    return rows;
  }

  TempDir dir_;
  soci::session sql_;
};

// ---- values --------------------------------------------------------------------------------

std::vector<std::uint8_t> every_byte() {
  std::vector<std::uint8_t> bytes;
  for (int b = 0; b <= 255; ++b) bytes.push_back(static_cast<std::uint8_t>(b));
  return bytes;
}

template <class E>
std::vector<E> bytes_as(const std::vector<std::uint8_t>& bytes) {
  std::vector<E> out;
  for (auto b : bytes) out.push_back(static_cast<E>(b));
  return out;
}

system_clock::time_point at(int y, unsigned m, unsigned d, int hh, int mm, int ss, long us) {
  return sys_days{year{y} / month{m} / day{d}} + hours{hh} + minutes{mm} + seconds{ss} +
         microseconds{us};
}

std::tm tm_of(int y, int m, int d, int hh, int mm, int ss) {
  std::tm t{};
  t.tm_year = y - 1900, t.tm_mon = m - 1, t.tm_mday = d, t.tm_hour = hh, t.tm_min = mm,
  t.tm_sec = ss;
  return t;
}

// Ordinary values of every type (SOCI's own SELECT * reads them too, see below), every optional
// set.
AllTypes ordinary() {
  AllTypes row{};
  row.flag = true;
  row.i8 = -100, row.i16 = -30000, row.i32 = -2000000000, row.i64 = -1234567;
  row.u8 = 200, row.u16 = 60000, row.u32 = 2000000000, row.u64 = 1234567;
  row.color = alltypes::Color::blue, row.size = alltypes::large;
  row.f32 = 0.1f, row.f64 = 0.1;
  row.name = "Zoë Ωmega 東京 🙂";
  row.text = "line one\nline 'two' \"three\" \\ back";
  row.bytes_u8 = every_byte();
  row.bytes_uc = {};
  row.bytes_c = bytes_as<char>({0x00, 0x5c, 0x78, 0x27, 0xff});
  row.bytes_b = bytes_as<std::byte>({0x00});
  row.at = at(2024, 2, 29, 23, 59, 58, 123456);
  row.tm_at = tm_of(1999, 12, 31, 1, 2, 3);
  row.day = year{2024} / February / 29;
  row.price = 1234567890.25;
  row.amount = "-12345.6789012345";
  row.count = 42;
  row.opt_flag = false;
  row.opt_i8 = 5, row.opt_i16 = -5, row.opt_i32 = 7, row.opt_i64 = -7;
  row.opt_u8 = 1, row.opt_u16 = 2, row.opt_u32 = 3, row.opt_u64 = 4;
  row.opt_color = alltypes::Color::red, row.opt_size = alltypes::small;
  row.opt_f32 = -2.5f, row.opt_f64 = 1e-300;
  row.opt_name = "", row.opt_text = "ünïcode";
  row.opt_bytes_u8 = std::vector<std::uint8_t>{}, row.opt_bytes_c = bytes_as<char>({0x41});
  row.opt_bytes_b = bytes_as<std::byte>({0xfe, 0x00, 0x01});
  row.opt_at = at(1970, 1, 1, 0, 0, 0, 1);
  row.opt_tm_at = tm_of(2038, 1, 19, 3, 14, 8);
  row.opt_day = year{1000} / January / 1;
  row.opt_price = -0.01;
  row.opt_amount = "0.0000000001";
  return row;
}

// The extremes of every type, optionals unset (NULL).
AllTypes lowest() {
  AllTypes row{};
  row.flag = false;
  row.i8 = INT8_MIN, row.i16 = INT16_MIN, row.i32 = INT32_MIN, row.i64 = INT64_MIN;
  row.u8 = 0, row.u16 = 0, row.u32 = 0, row.u64 = 0;
  row.color = alltypes::Color::red, row.size = alltypes::small;
  row.f32 = std::numeric_limits<float>::denorm_min(), row.f64 = -DBL_MAX;
  // A nanosecond system_clock::time_point holds 1677-09-21 00:12:44 to 2262-04-11 23:47:16.
  row.at = at(1677, 9, 21, 0, 12, 44, 0);
  row.tm_at = tm_of(1000, 1, 1, 0, 0, 0);
  row.day = year{1000} / January / 1;
  row.price = -9999999999.99;
  row.amount = "-99999.9999999999";  // 15 digits: SQLite keeps no more
  return row;
}

AllTypes highest(Dialect dialect) {
  AllTypes row{};
  row.flag = true;
  row.i8 = INT8_MAX, row.i16 = INT16_MAX, row.i32 = INT32_MAX, row.i64 = INT64_MAX;
  row.u8 = UINT8_MAX, row.u16 = UINT16_MAX, row.u32 = UINT32_MAX;
  // BIGINT UNSIGNED on MySQL; a signed BIGINT with CHECK >= 0 elsewhere (docs/sql.md).
  row.u64 = dialect == Dialect::mysql ? UINT64_MAX : static_cast<std::uint64_t>(INT64_MAX);
  row.color = alltypes::Color::blue, row.size = alltypes::large;
  row.f32 = FLT_MAX, row.f64 = DBL_MAX;
  row.name = std::string(40, 'x');
  row.at = at(2262, 4, 11, 23, 47, 16, 854775);
  row.tm_at = tm_of(9999, 12, 31, 23, 59, 59);
  row.day = year{9999} / December / 31;
  row.price = 9999999999.99;
  row.amount = "99999.9999999999";
  return row;
}

// ---- comparing field by field, through the model's own field list --------------------------

bool same(const std::tm& a, const std::tm& b) {
  return a.tm_year == b.tm_year && a.tm_mon == b.tm_mon && a.tm_mday == b.tm_mday &&
         a.tm_hour == b.tm_hour && a.tm_min == b.tm_min && a.tm_sec == b.tm_sec;
}
template <class V>
bool same(const V& a, const V& b) {
  return a == b;
}
template <class V>
bool same(const std::optional<V>& a, const std::optional<V>& b) {
  return a.has_value() == b.has_value() && (!a || same(*a, *b));
}

template <class T>
void expect_same(const T& expected, const T& actual, const std::string& how) {
  auto compare = [&](const auto& f) {
    EXPECT_TRUE(same(expected.*(f.pointer), actual.*(f.pointer))) << how << ": column " << f.column;
  };
  std::apply([&](const auto&... f) { (compare(f), ...); }, dbmig::rows::model<T>::fields);
}

// What SOCI's own SELECT * carries (docs/runtime.md): timestamps in whole seconds.
AllTypes whole_seconds(AllTypes row) {
  row.at = floor<seconds>(row.at);
  if (row.opt_at) row.opt_at = floor<seconds>(*row.opt_at);
  return row;
}

// The application's INSERT of every column but the key, each bound by its column name.
template <class T>
std::string user_insert(const std::string& table, Dialect dialect) {
  std::string columns, values;
  auto add = [&](const auto& f) {
    if (f.key == dbmig::rows::key::auto_increment) return;
    std::string column(f.column);
    if (!columns.empty()) columns += ", ", values += ", ";
    columns += column;
    // SOCI binds a std::string to SQLite as text; docs/runtime.md: CAST makes it a BLOB.
    bool blob = f.type == dbmig::rows::sql_type::bytes && dialect == Dialect::sqlite;
    values += blob ? "CAST(:" + column + " AS BLOB)" : ":" + column;
  };
  std::apply([&](const auto&... f) { (add(f), ...); }, dbmig::rows::model<T>::fields);
  return "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")";
}

// ---- tests -----------------------------------------------------------------------------------

TEST_P(SociRows, HelpersRoundTripEveryTypeAndOption) {
  AllTypes row = ordinary();
  std::int64_t id = dbmig::rows::insert(sql_, row);
  row.id = id;
  auto read = dbmig::rows::get<AllTypes>(sql_, id);
  ASSERT_TRUE(read);
  expect_same(row, *read, "get");
  EXPECT_EQ(read->cached, 0) << "DBMIG_IGNORE members are not read";

  auto selected = dbmig::rows::select<AllTypes>(sql_, q("id") + " = :id", soci::use(id, "id"));
  ASSERT_EQ(selected.size(), 1u);
  expect_same(row, selected[0], "select");
}

TEST_P(SociRows, ExtremesAndNullsRoundTrip) {
  for (AllTypes row : {lowest(), highest(GetParam())}) {
    row.id = dbmig::rows::insert(sql_, row);
    auto read = dbmig::rows::get<AllTypes>(sql_, row.id);
    ASSERT_TRUE(read);
    expect_same(row, *read, "get");
    EXPECT_FALSE(read->opt_i64.has_value()) << "NULL reads back as nullopt";
    EXPECT_FALSE(read->opt_bytes_b.has_value());
  }
  long long nulls = 0;
  sql_ << "SELECT COUNT(*) FROM " + q("all_types") + " WHERE " + q("opt_exact_amount") +
              " IS NULL AND " + q("opt_at") + " IS NULL AND " + q("opt_bytes_u8") + " IS NULL",
      soci::into(nulls);
  EXPECT_EQ(nulls, 2) << "nullopt is written as NULL";
}

TEST_P(SociRows, Uint64AboveInt64MaxIsRefusedWhereTheColumnIsSigned) {
  AllTypes row = ordinary();
  row.u64 = static_cast<std::uint64_t>(INT64_MAX) + 1;
  if (is(Dialect::mysql)) {
    row.id = dbmig::rows::insert(sql_, row);
    EXPECT_EQ(dbmig::rows::get<AllTypes>(sql_, row.id)->u64, row.u64);
    return;
  }
  try {
    dbmig::rows::insert(sql_, row);
    ADD_FAILURE() << "9223372036854775808 was written";
  } catch (const dbmig::rows::value_error& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("\"all_types\""), std::string::npos) << what;
    EXPECT_NE(what.find("\"u64\""), std::string::npos) << what;
    EXPECT_NE(what.find("9223372036854775808"), std::string::npos) << what;
  }
  row.u64 = 1;
  row.opt_u64 = UINT64_MAX;
  EXPECT_THROW(dbmig::rows::insert(sql_, row), dbmig::rows::value_error) << "optional too";
  EXPECT_EQ(count("all_types"), 0) << "nothing written";
}

TEST_P(SociRows, ApplicationInsertWithUseReadsBackEqual) {
  AllTypes row = ordinary();
  sql_ << user_insert<AllTypes>(q("all_types"), GetParam()), soci::use(row);
  std::int64_t id = 0;
  sql_ << "SELECT MAX(" + q("id") + ") FROM " + q("all_types"), soci::into(id);
  row.id = id;
  auto read = dbmig::rows::get<AllTypes>(sql_, id);
  ASSERT_TRUE(read);
  expect_same(row, *read, "user INSERT, get");

  row.opt_bytes_b = bytes_as<std::byte>({0xde, 0xad});
  row.opt_at.reset();
  sql_ << "UPDATE all_types SET opt_bytes_b = " +
              std::string(is(Dialect::sqlite) ? "CAST(:opt_bytes_b AS BLOB)" : ":opt_bytes_b") +
              ", opt_at = :opt_at WHERE id = :id",
      soci::use(row);
  read = dbmig::rows::get<AllTypes>(sql_, id);
  ASSERT_TRUE(read);
  expect_same(row, *read, "user UPDATE, get");

  Tag tag{"k", "label", std::nullopt};
  sql_ << "INSERT INTO tags (code, label, uses) VALUES (:code, :label, :uses)", soci::use(tag);
  auto tag_read = dbmig::rows::get<Tag>(sql_, std::string("k"));
  ASSERT_TRUE(tag_read);
  EXPECT_EQ(tag_read->label, "label");
  EXPECT_FALSE(tag_read->uses);
}

TEST_P(SociRows, ApplicationSelectStarWithIntoReadsWhatSociCarries) {
  AllTypes row = ordinary();
  row.id = dbmig::rows::insert(sql_, row);
  AllTypes read{};
  sql_ << "SELECT * FROM " + q("all_types") + " WHERE " + q("id") + " = :id",
      soci::use(row.id, "id"), soci::into(read);
  ASSERT_TRUE(sql_.got_data());
  expect_same(whole_seconds(row), read, "SELECT * into");

  // The same through a statement that fetches several rows.
  dbmig::rows::insert(sql_, row);
  AllTypes each{};
  soci::statement all = (sql_.prepare << "SELECT * FROM " + q("all_types"), soci::into(each));
  all.execute();
  int rows = 0;
  while (all.fetch()) {
    row.id = each.id;
    expect_same(whole_seconds(row), each, "SELECT * fetch");
    ++rows;
  }
  EXPECT_EQ(rows, 2);
}

// What SOCI 4.0.3 itself loses in SELECT * (docs/runtime.md), and get() does not.
TEST_P(SociRows, SelectStarLosesWhatGetKeeps) {
  AllTypes row = ordinary();
  row.i64 = INT64_MAX;
  row.id = dbmig::rows::insert(sql_, row);
  AllTypes star{};
  sql_ << "SELECT * FROM " + q("all_types"), soci::into(star);
  EXPECT_NE(star.at, row.at) << "SOCI's std::tm has no microseconds";
  EXPECT_EQ(star.at, floor<seconds>(row.at));
  if (is(Dialect::sqlite))
    EXPECT_NE(star.i64, row.i64) << "SOCI reads an SQLite INTEGER column as a 32-bit int";
  else
    EXPECT_EQ(star.i64, row.i64);
  auto got = dbmig::rows::get<AllTypes>(sql_, row.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->at, row.at);
  EXPECT_EQ(got->i64, row.i64);

  // docs/runtime.md's way around it on SQLite: integer columns selected as text.
  if (!is(Dialect::sqlite)) return;
  std::string list;
  auto add = [&](const auto& f) {
    std::string column = q(f.column);
    bool integer = f.type >= dbmig::rows::sql_type::int8 && f.type <= dbmig::rows::sql_type::uint64;
    list += (list.empty() ? "" : ", ") +
            (integer ? "CAST(" + column + " AS TEXT) AS " + column : column);
  };
  std::apply([&](const auto&... f) { (add(f), ...); }, dbmig::rows::model<AllTypes>::fields);
  AllTypes cast{};
  sql_ << "SELECT " + list + " FROM " + q("all_types"), soci::into(cast);
  EXPECT_EQ(cast.i64, row.i64);
  expect_same(whole_seconds(row), cast, "integers as text");
}

TEST_P(SociRows, ByteVectorsAreStoredAsBinary) {
  AllTypes row = ordinary();
  row.id = dbmig::rows::insert(sql_, row);
  std::string kind;
  long long length = 0;
  if (is(Dialect::sqlite))
    sql_ << "SELECT typeof(bytes_u8), length(bytes_u8) FROM all_types", soci::into(kind),
        soci::into(length);
  else if (is(Dialect::postgresql))
    sql_ << "SELECT pg_typeof(bytes_u8)::text, octet_length(bytes_u8) FROM all_types",
        soci::into(kind), soci::into(length);
  else
    sql_ << "SELECT DATA_TYPE, (SELECT LENGTH(bytes_u8) FROM all_types) FROM "
            "information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = "
            "'all_types' AND COLUMN_NAME = 'bytes_u8'",
        soci::into(kind), soci::into(length);
  EXPECT_EQ(kind, is(Dialect::sqlite) ? "blob" : is(Dialect::postgresql) ? "bytea" : "longblob");
  EXPECT_EQ(length, 256);
  std::string hex;
  sql_ << (is(Dialect::postgresql) ? "SELECT encode(bytes_c, 'hex') FROM all_types"
                                   : "SELECT lower(hex(bytes_c)) FROM all_types"),
      soci::into(hex);
  EXPECT_EQ(hex, "005c7827ff");
}

TEST_P(SociRows, TimestampsAreUtcAndKeepMicrosecondsNotNanoseconds) {
  // The instants do not depend on the session's time zone.
  if (is(Dialect::postgresql)) sql_ << "SET TIME ZONE 'Asia/Kolkata'";
  if (is(Dialect::mysql)) sql_ << "SET time_zone = '+05:30'";
  AllTypes row = ordinary();
  row.at = at(2024, 7, 1, 12, 0, 0, 0) + nanoseconds{123456789};
  row.id = dbmig::rows::insert(sql_, row);
  EXPECT_EQ(dbmig::rows::get<AllTypes>(sql_, row.id)->at,
            at(2024, 7, 1, 12, 0, 0, 0) + microseconds{123456})
      << "nanoseconds are floored to microseconds";
  std::string text;
  if (is(Dialect::postgresql))
    sql_ << "SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM all_types",
        soci::into(text);
  else if (is(Dialect::mysql))
    sql_ << "SELECT CAST(at AS CHAR) FROM all_types", soci::into(text);
  else
    sql_ << "SELECT at FROM all_types WHERE typeof(at) = 'text'", soci::into(text);
  EXPECT_EQ(text, "2024-07-01 12:00:00.123456");

  // The column holds years a nanosecond time point does not: reading one is refused.
  sql_ << "UPDATE all_types SET at = '9999-12-31 23:59:59'";
  EXPECT_THROW(dbmig::rows::get<AllTypes>(sql_, row.id), dbmig::rows::value_error);
}

TEST_P(SociRows, DecimalsKeepEveryDigitSqliteKeepsFifteen) {
  AllTypes row = ordinary();
  row.amount = "12345678901234567890.1234567890";  // 30 digits
  row.opt_amount = "5.5000000000";
  row.price = 0.07;
  row.id = dbmig::rows::insert(sql_, row);
  auto read = dbmig::rows::get<AllTypes>(sql_, row.id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->opt_amount, "5.5000000000") << "formatted with the field's scale";
  EXPECT_EQ(read->price, 0.07);
  if (is(Dialect::sqlite))
    EXPECT_EQ(read->amount, "12345678901234567168.0000000000") << "NUMERIC affinity: a REAL";
  else
    EXPECT_EQ(read->amount, row.amount);

  // 15 significant digits and a scale beyond them: the same text back everywhere, through
  // the helpers and through SOCI's own SELECT *.
  row.amount = "1234567890123.4500000000";
  row.opt_amount = "-0.1000000000";
  EXPECT_TRUE(dbmig::rows::update(sql_, row));
  read = dbmig::rows::get<AllTypes>(sql_, row.id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->amount, row.amount);
  EXPECT_EQ(read->opt_amount, row.opt_amount);
  AllTypes star{};
  sql_ << "SELECT * FROM " + q("all_types"), soci::into(star);
  EXPECT_EQ(star.amount, row.amount);
  EXPECT_EQ(star.opt_amount, row.opt_amount);
}

TEST_P(SociRows, StringsKeepNulWhereTheDatabaseDoes) {
  AllTypes row = ordinary();
  row.text = std::string("a\0b", 3);
  if (is(Dialect::postgresql)) {
    EXPECT_THROW(dbmig::rows::insert(sql_, row), dbmig::rows::value_error);
    return;
  }
  row.id = dbmig::rows::insert(sql_, row);
  EXPECT_EQ(dbmig::rows::get<AllTypes>(sql_, row.id)->text, row.text);
}

TEST_P(SociRows, UpdateAndRemoveSayWhetherTheKeyExisted) {
  AllTypes row = ordinary();
  row.id = dbmig::rows::insert(sql_, row);
  EXPECT_TRUE(dbmig::rows::update(sql_, row)) << "unchanged values still find the row";
  row.name = "changed";
  row.opt_i64.reset();
  row.opt_bytes_u8 = every_byte();
  EXPECT_TRUE(dbmig::rows::update(sql_, row));
  auto read = dbmig::rows::get<AllTypes>(sql_, row.id);
  ASSERT_TRUE(read);
  expect_same(row, *read, "after update");

  AllTypes missing = row;
  missing.id = row.id + 100;
  EXPECT_FALSE(dbmig::rows::update(sql_, missing));
  EXPECT_FALSE(dbmig::rows::get<AllTypes>(sql_, missing.id)) << "a missing key is nullopt";
  EXPECT_TRUE(dbmig::rows::remove<AllTypes>(sql_, row.id));
  EXPECT_FALSE(dbmig::rows::remove<AllTypes>(sql_, row.id));
  EXPECT_FALSE(dbmig::rows::get<AllTypes>(sql_, row.id));
}

TEST_P(SociRows, SelectTakesTheCallersWhereOrderByAndUse) {
  for (int value : {10, 30, 20}) {
    AllTypes row = ordinary();
    row.i32 = value;
    dbmig::rows::insert(sql_, row);
  }
  int low = 15;
  std::string name = ordinary().name;
  auto rows = dbmig::rows::select<AllTypes>(
      sql_, q("i32") + " >= :low AND " + q("name") + " = :name ORDER BY " + q("i32") + " DESC",
      soci::use(low, "low"), soci::use(name, "name"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].i32, 30);
  EXPECT_EQ(rows[1].i32, 20);
  EXPECT_TRUE(dbmig::rows::select<AllTypes>(sql_, "1 = 0").empty());
}

TEST_P(SociRows, ChosenKeysAndInheritedFields) {
  Tag tag{"k-ü", "first", 7};
  EXPECT_EQ(dbmig::rows::insert(sql_, tag), "k-ü") << "a chosen key comes back as written";
  auto read = dbmig::rows::get<Tag>(sql_, std::string("k-ü"));
  ASSERT_TRUE(read);
  expect_same(tag, *read, "tag");
  tag.label = "second";
  EXPECT_TRUE(dbmig::rows::update(sql_, tag));
  EXPECT_EQ(dbmig::rows::get<Tag>(sql_, tag.code)->label, "second");
  EXPECT_THROW(dbmig::rows::insert(sql_, tag), soci::soci_error) << "the key is taken";

  Note first{}, second{};
  first.created_at = at(2020, 5, 6, 7, 8, 9, 10);
  first.body = "with inherited fields";
  first.attachment = std::vector<std::byte>{};
  second.body = "no attachment";
  first.id = dbmig::rows::insert(sql_, first);
  second.id = dbmig::rows::insert(sql_, second);
  EXPECT_GT(first.id, 0);
  EXPECT_GT(second.id, first.id) << "each insert returns its new key";
  expect_same(first, *dbmig::rows::get<Note>(sql_, first.id), "note");
  expect_same(second, *dbmig::rows::get<Note>(sql_, second.id), "note");
}

TEST_P(SociRows, ApplicationStatementsNeedTheThreadsBackend) {
  AllTypes row = ordinary();
  dbmig::rows::detail::thread_backend.reset();
  auto insert = [&] { sql_ << user_insert<AllTypes>(q("all_types"), GetParam()), soci::use(row); };
  EXPECT_THROW(insert(), std::logic_error);
  dbmig::rows::use_backend(sql_);
  EXPECT_NO_THROW(insert());
  EXPECT_EQ(count("all_types"), 1);
}

INSTANTIATE_TEST_SUITE_P(Dialects, SociRows,
                         ::testing::Values(Dialect::sqlite, Dialect::postgresql, Dialect::mysql),
                         [](const auto& info) { return std::string(to_string(info.param)); });

}  // namespace
}  // namespace dbmig::test
