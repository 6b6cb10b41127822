// Every supported C++ type and every kind of literal default, read from
// tests/fixtures/scanner/types.
#include <gtest/gtest.h>

#include "scanner_fixture.hpp"

namespace dbmig {

namespace {

class ScannerTypes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    test::ScannerProject project("types");
    result_ = new ScanResult(project.scan());
  }
  static void TearDownTestSuite() { delete result_; }

  static const Field& field(const std::string& name) {
    const Field* found = result_->state.get({"catalog", "Everything"}).find_field(name);
    if (!found) throw std::runtime_error("no field " + name);
    return *found;
  }

  static ScanResult* result_;
};

ScanResult* ScannerTypes::result_ = nullptr;

struct Expected {
  const char* field;
  FieldType type;
  bool null;
};

}  // namespace

TEST_F(ScannerTypes, MapsEveryTypeByCanonicalKindNotSpelling) {
  const Expected expected[] = {
      {"flag", FieldType::boolean, false},
      {"i8", FieldType::int8, false},
      {"i16", FieldType::int16, false},
      {"i32", FieldType::int32, false},
      {"i64", FieldType::int64, false},
      {"u8", FieldType::uint8, false},
      {"u16", FieldType::uint16, false},
      {"u32", FieldType::uint32, false},
      {"u64", FieldType::uint64, false},
      {"plain_short", FieldType::int16, false},
      {"plain_unsigned", FieldType::uint32, false},
      {"plain_long_long", FieldType::int64, false},
      {"f32", FieldType::float32, false},
      {"f64", FieldType::float64, false},
      {"text", FieldType::string, false},
      {"blob", FieldType::bytes, false},
      {"blob2", FieldType::bytes, false},
      {"tm_stamp", FieldType::timestamp, false},
      {"stamp", FieldType::timestamp, false},
      {"day", FieldType::date, false},
      {"price", FieldType::decimal, false},
      {"exact", FieldType::decimal, false},
      {"status", FieldType::uint8, false},
      {"plain", FieldType::uint32, false},
      {"alias_money", FieldType::int64, false},
      {"alias_label", FieldType::string, false},
      {"o_flag", FieldType::boolean, true},
      {"o_i16", FieldType::int16, true},
      {"o_u64", FieldType::uint64, true},
      {"o_f64", FieldType::float64, true},
      {"o_text", FieldType::string, true},
      {"o_blob", FieldType::bytes, true},
      {"o_stamp", FieldType::timestamp, true},
      {"o_day", FieldType::date, true},
      {"o_status", FieldType::uint8, true},
      {"o_price", FieldType::decimal, true},
      {"o_alias", FieldType::string, true},
  };
  for (const auto& e : expected) {
    SCOPED_TRACE(e.field);
    EXPECT_EQ(to_string(field(e.field).type), to_string(e.type));
    EXPECT_EQ(field(e.field).null, e.null);
  }
}

TEST_F(ScannerTypes, IgnoredAndStaticMembersAreNotFields) {
  const Model& model = result_->state.get({"catalog", "Everything"});
  EXPECT_EQ(model.fields.size(), 38u);
  EXPECT_EQ(model.find_field("cached"), nullptr);
  EXPECT_EQ(model.find_field("counter"), nullptr);
  EXPECT_EQ(model.table, "catalog_everything");
}

TEST_F(ScannerTypes, DecimalTakesPrecisionAndScale) {
  EXPECT_EQ(field("price").precision, 12);
  EXPECT_EQ(field("price").scale, 2);
  EXPECT_EQ(field("o_price").precision, 5);
  EXPECT_EQ(field("o_price").scale, 1);
}

TEST_F(ScannerTypes, LiteralInitializersBecomeDefaults) {
  EXPECT_EQ(field("flag").default_value, Literal(false));
  EXPECT_EQ(field("i8").default_value, Literal(std::int64_t{-8}));
  EXPECT_EQ(field("i64").default_value, Literal(std::int64_t{INT64_MIN}));
  // Unsigned columns keep their defaults unsigned, as replaying the migration gives them back.
  EXPECT_EQ(field("u8").default_value, Literal(std::uint64_t{8}));
  EXPECT_EQ(field("u64").default_value, Literal(std::uint64_t{INT64_MAX}));
  EXPECT_EQ(field("f32").default_value, Literal(1.5));
  EXPECT_EQ(field("f64").default_value, Literal(-2.25));
  EXPECT_EQ(field("text").default_value, Literal(std::string("hello \"world\"")));
  EXPECT_EQ(field("price").default_value, Literal(9.99));
  EXPECT_EQ(field("exact").default_value, Literal(std::string("12.3400")));
  // Enums with an unsigned underlying type (Plain's is unsigned int) are unsigned columns.
  EXPECT_EQ(field("status").default_value, Literal(std::uint64_t{7}));
  EXPECT_EQ(field("plain").default_value, Literal(std::uint64_t{1}));
  EXPECT_EQ(field("alias_money").default_value, Literal(std::int64_t{100}));
  EXPECT_EQ(field("alias_label").default_value, Literal(std::string("none")));
  EXPECT_EQ(field("o_i16").default_value, Literal(std::int64_t{-3}));
}

TEST_F(ScannerTypes, ValueInitializedAndNulloptMembersHaveNoDefault) {
  EXPECT_FALSE(field("stamp").default_value.has_value());
  EXPECT_FALSE(field("o_f64").default_value.has_value());
  EXPECT_FALSE(field("plain_short").default_value.has_value());
}

TEST_F(ScannerTypes, IntegralPrimaryKeyAutoIncrements) {
  EXPECT_TRUE(field("id").primary_key);
  EXPECT_TRUE(field("id").auto_increment);
  EXPECT_EQ(field("id").type, FieldType::uint32);
}

TEST_F(ScannerTypes, SourcesKeepTheTypeAsWritten) {
  const ModelSource& source = result_->sources.at({"catalog", "Everything"});
  EXPECT_EQ(source.fields.at("alias_money").cpp_type, "catalog::Money");
  EXPECT_EQ(source.fields.at("o_text").cpp_type, "std::optional<std::string>");
}

}  // namespace dbmig
