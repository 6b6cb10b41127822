// Every model error names file:line:col, the model and field, what was found and what is
// accepted; all errors of a run are reported together.
#include <gtest/gtest.h>

#include "scanner_fixture.hpp"

namespace dbmig {

namespace {

// "apps/bad/models.hpp:<line after the prelude>:<col>: error: "
std::string at(unsigned line, unsigned column) {
  return "apps/bad/models.hpp:" + std::to_string(test::kPreludeLines + line) + ":" +
         std::to_string(column) + ": error: ";
}

}  // namespace

// A model without a member (all DBMIG_IGNORE, or an inspectdb table whose every column was
// left out) would make a migration its own loader refuses.
TEST(ScannerErrors, AModelWithoutFieldsIsRefused) {
  test::ScannerProject project;
  project.write("apps/bad/models.hpp", R"(namespace bad {
struct DBMIG_MODEL() Empty {
};
struct DBMIG_MODEL() Ignored {
  DBMIG_IGNORE int cached = 0;
};
})");
  EXPECT_EQ(
      project.scan_errors(),
      (std::vector<std::string>{
          at(2, 22) + "model bad::Empty: a model needs at least one field (its primary key)",
          at(4, 22) + "model bad::Ignored: a model needs at least one field (its primary key)"}));
}

TEST(ScannerErrors, CppErrorsAreClangsOwnDiagnosticsAllOfThem) {
  test::ScannerProject project;
  project.write("apps/bad/models.hpp", R"(namespace bad {
struct DBMIG_MODEL() A {
  DBMIG_FIELD(primary_key) std::int64_t id;
  Unknown first;
  std::strin second;
};
})");
  EXPECT_EQ(project.scan_errors(),
            (std::vector<std::string>{at(4, 3) + "unknown type name 'Unknown'",
                                      at(5, 8) + "no type named 'strin' in namespace 'std'"}));
}

TEST(ScannerErrors, ModelAndFieldProblemsAreAllReported) {
  test::ScannerProject project;
  project.write("apps/bad/models.hpp", R"(namespace bad {
struct Point { int x; };
enum class Kind { a };
struct DBMIG_MODEL() NoKey {
  std::int32_t value;
};
struct DBMIG_MODEL(tabel = "x") Typos {
  DBMIG_FIELD(primary_key, max_lenght = 3) std::int64_t id;
  Point where;
  int* pointer;
  DBMIG_FIELD(max_length = -1) std::string name;
  DBMIG_FIELD(max_length = 10) std::int32_t number;
  DBMIG_FIELD(on_delete = cascade) std::int64_t orphan;
  DBMIG_FIELD(references = Missing) std::int64_t missing;
  DBMIG_FIELD(references = NoKey, on_delete = set_null) std::int64_t strict;
  DBMIG_FIELD(references = Typos, on_delete = explode) std::int64_t self;
  DBMIG_FIELD(default = "yes") bool flag;
  std::uint8_t small = 300 - 100 + 100;
  DBMIG_FIELD(default = -1) std::uint16_t text;
  DBMIG_FIELD(decimal(3, 5)) double price;
  DBMIG_FIELD(decimal(10, 2)) std::int32_t count;
  std::chrono::system_clock::time_point stamp = std::chrono::system_clock::now();
  DBMIG_FIELD(unique = maybe) std::int32_t code;
  DBMIG_FIELD(max_length = 5,) std::string trailing;
};
struct DBMIG_MODEL(table = "bad_typos") Clash {
  DBMIG_FIELD(primary_key) std::int64_t id;
  DBMIG_FIELD(column = "id") std::int64_t other;
};
struct DBMIG_MODEL(index(nothing)) Indexed {
  DBMIG_FIELD(primary_key, primary_key) std::int64_t id;
  DBMIG_FIELD(primary_key) std::int64_t second;
  DBMIG_FIELD(primary_key) std::optional<std::int64_t> third;
};
})");
  std::vector<std::string> errors = project.scan_errors();
  const std::string kField =
      "primary_key, max_length, unique, index, column, references, on_delete, default, "
      "renamed_from, comment, decimal(precision, scale)";
  std::vector<std::string> expected = {
      at(4, 22) +
          "model bad::NoKey: no primary key; mark one field as the primary key "
          "(DBMIG_FIELD(primary_key) in C++, \"primary_key\": true in a migration file)",
      at(7, 8) +
          "model bad::Typos: unknown model option `tabel`; accepted: table, "
          "unique_together(...), index(...), check, renamed_from, comment",
      at(8, 3) +
          "model bad::Typos, field id: unknown field option `max_lenght`; accepted: " + kField,
      at(9, 9) +
          "model bad::Typos, field where: unsupported type 'bad::Point'; expected bool, a "
          "signed or unsigned integer type, float, double, std::string, "
          "std::vector<std::uint8_t> (bytes), std::tm or "
          "std::chrono::system_clock::time_point (timestamp), std::chrono::year_month_day "
          "(date), an enum, or std::optional of one of these; or mark the member "
          "DBMIG_IGNORE",
  };
  ASSERT_GE(errors.size(), expected.size()) << errors[0];
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(errors[i], expected[i]);
  std::string all;
  for (const auto& error : errors) all += error + "\n";
  for (const std::string& part : {
           at(10, 8) + "model bad::Typos, field pointer: unsupported type 'int *'",
           at(11, 3) + "model bad::Typos, field name: bad value for option `max_length = -1`: "
                       "expected max_length = <positive integer>",
           at(12, 3) + "model bad::Typos, field number: max_length applies to std::string "
                       "members only, and number is int32; remove max_length",
           at(13, 49) + "model bad::Typos, field orphan: on_delete needs references = <model>",
           at(14, 3) + "model bad::Typos, field missing: references = Missing: no such model; "
                       "write its C++ name (qualified as needed) or \"app.Model\"; models: "
                       "bad.Clash, bad.Indexed, bad.NoKey, bad.Typos",
           at(15, 70) + "model bad::Typos, field strict: on_delete = set_null needs a nullable "
                        "column; make strict nullable (std::optional<...>, or \"null\": true in "
                        "a migration file) or choose another on_delete",
           at(16, 3) + "model bad::Typos, field self: bad value for option `on_delete = "
                       "explode`: expected on_delete = one of cascade, restrict, set_null, "
                       "set_default, no_action",
           at(17, 3) + "model bad::Typos, field flag: default \"yes\" is a string, but the bool "
                       "column takes true or false",
           at(18, 16) + "model bad::Typos, field small: default 300 is out of range for the "
                        "uint8 column",
           at(20, 3) + "model bad::Typos, field price: bad value for option `decimal(...)`: "
                       "expected decimal(precision, scale) with 1 <= precision <= 65 and 0 <= "
                       "scale <= precision",
           at(21, 3) + "model bad::Typos, field count: decimal(...) applies to double or "
                       "std::string members, and count is int32",
           at(22, 41) + "model bad::Typos, field stamp: the initializer "
                        "`std :: chrono :: system_clock :: now ( )` is not a literal",
           at(23, 3) + "model bad::Typos, field code: bad value for option `unique = maybe`: "
                       "expected `unique` alone or `unique = true|false`",
           at(24, 3) + "model bad::Typos, field trailing: cannot read the DBMIG_FIELD(max_length "
                       "= 5,) options: expected an option name at the end",
           at(28, 43) + "model bad::Clash, field other: column id is already used by field id",
           at(30, 8) + "model bad::Indexed: index(...) names field nothing, which Indexed does "
                       "not have; its fields are id, second, third",
           at(33, 56) + "model bad::Indexed, field third: a primary key cannot be nullable",
           at(32, 41) + "model bad::Indexed, field second: more than one primary key (id, "
                        "second); keep one and use unique_together(...) for the others",
           at(26, 41) + "model bad::Clash: table bad_typos is also the table of bad::Typos (" +
               at(7, 33).substr(0, at(7, 33).size() - 9) + ")",
       })
    EXPECT_NE(all.find(part), std::string::npos) << "missing: " << part << "\nin:\n" << all;
}

TEST(ScannerErrors, StringFieldRejectsANumberDefault) {
  test::ScannerProject project;
  project.write("apps/bad/models.hpp", R"(namespace bad {
struct DBMIG_MODEL() A {
  DBMIG_FIELD(primary_key) std::int64_t id;
  DBMIG_FIELD(default = 5) std::string text;
  DBMIG_FIELD(default = 1.5) std::int32_t whole;
};
})");
  EXPECT_EQ(project.scan_errors(),
            (std::vector<std::string>{
                at(4, 3) + "model bad::A, field text: default 5 is an integer, but the string "
                           "column takes a string literal",
                at(5, 3) + "model bad::A, field whole: default 1.5 is a floating-point number, "
                           "but the int32 column takes an integer"}));
}

TEST(ScannerErrors, TwoModelsWithOneNameInOneApp) {
  test::ScannerProject project;
  project.write("apps/bad/models.hpp", R"(namespace bad::one {
struct DBMIG_MODEL() A { DBMIG_FIELD(primary_key) std::int64_t id; };
}
namespace bad::two {
struct DBMIG_MODEL() A { DBMIG_FIELD(primary_key) std::int64_t id; };
})");
  EXPECT_EQ(project.scan_errors(),
            (std::vector<std::string>{at(5, 22) +
                                      "model bad::two::A: app bad already has a model "
                                      "named A (" +
                                      at(2, 22).substr(0, at(2, 22).size() - 9) +
                                      "); rename one of them"}));
}

}  // namespace dbmig
