// render_model_header and select_tables (inspectdb --table): live schemas made from models by
// table_view, rendered, compiled by g++ and clang++, scanned back by the real scanner: the scanned
// models' table views must equal the tables rendered.
#include <gtest/gtest.h>

#include <array>
#include <limits>

#include "core/cpp_names.hpp"
#include "core/table_selection.hpp"
#include "core/text.hpp"
#include "dbmig/live_schema.hpp"
#include "dbmig/model_header.hpp"
#include "dbmig/state_json.hpp"
#include "scanner_fixture.hpp"
#include "shell_command.hpp"

namespace dbmig {

namespace {

Field field(std::string name, FieldType type) {
  Field result;
  result.name = std::move(name);
  result.type = type;
  if (type == FieldType::decimal) {
    result.precision = 12;
    result.scale = 2;
  }
  return result;
}

Field primary_key(std::string name = "id", FieldType type = FieldType::int64) {
  Field key = field(std::move(name), type);
  key.primary_key = true;
  key.auto_increment = is_integral(type);
  if (type == FieldType::string) key.max_length = 20;
  return key;
}

// The default in the form the scanner and the readers give it (unsigned columns: uint64).
Field with_default(Field base, const Literal& value) {
  base.default_value = canonical_literal(value, base.type, base.name);
  return base;
}

Field nullable(Field base) {
  base.null = true;
  return base;
}

Field referencing(std::string name, const std::string& target, OnDelete on_delete,
                  FieldType type = FieldType::int64) {
  Field result = field(std::move(name), type);
  result.references = Reference{{"shop", target}, on_delete};
  result.index = true;
  return result;
}

Model model(std::string name, std::string table, std::vector<Field> fields) {
  Model result;
  result.app = "shop";
  result.name = std::move(name);
  result.table = std::move(table);
  result.fields = std::move(fields);
  return result;
}

// Default values that reach each type's edges, in the form the scanner gives them.
std::vector<Literal> defaults_of(FieldType type) {
  using limits64 = std::numeric_limits<std::int64_t>;
  switch (type) {
    case FieldType::boolean:
      return {true, false};
    case FieldType::int8:
      return {std::int64_t{-128}, std::int64_t{127}};
    case FieldType::int16:
      return {std::int64_t{-32768}, std::int64_t{32767}};
    case FieldType::int32:
      return {std::int64_t{-2147483648LL}, std::int64_t{2147483647}};
    case FieldType::int64:
      return {limits64::min(), limits64::max(), std::int64_t{0}};
    case FieldType::uint8:
      return {std::int64_t{255}};
    case FieldType::uint16:
      return {std::int64_t{65535}};
    case FieldType::uint32:
      return {std::int64_t{4294967295LL}};
    case FieldType::uint64:
      return {limits64::max(), std::int64_t{0}};
    case FieldType::float32:
      return {0.1, -2.5, 3.0e38};
    case FieldType::float64:
      return {0.1, 2.0, -0.0, 1e300, 5e-324, 1.0 / 3.0, -123456789.125};
    case FieldType::string:
      return {std::string("plain"), std::string(""), std::string("say \"hi\" \\ back"),
              std::string("tab\tline\nreturn\r\0017 bell\a"), std::string("ünïcødé ✓ ?\?=")};
    case FieldType::decimal:
      return {std::string("12.50"), std::string("-0.01"), 2.5, -1234567890.25};
    default:
      return {};  // bytes, timestamp, date take none
  }
}

constexpr std::array kTypes = {
    FieldType::boolean, FieldType::int8,      FieldType::int16,   FieldType::int32,
    FieldType::int64,   FieldType::uint8,     FieldType::uint16,  FieldType::uint32,
    FieldType::uint64,  FieldType::float32,   FieldType::float64, FieldType::string,
    FieldType::bytes,   FieldType::timestamp, FieldType::date,    FieldType::decimal};

// Every field type plain, NULL, with each default (NULL too), unique and indexed.
Model every_type() {
  std::vector<Field> fields = {primary_key()};
  for (FieldType type : kTypes) {
    std::string name(to_string(type));
    fields.push_back(field(name + "_plain", type));
    fields.push_back(nullable(field(name + "_null", type)));
    int number = 0;
    for (const Literal& value : defaults_of(type)) {
      std::string suffix = std::to_string(number++);
      fields.push_back(with_default(field(name + "_default" + suffix, type), value));
      fields.push_back(nullable(with_default(field(name + "_null_default" + suffix, type), value)));
    }
    if (type == FieldType::bytes) continue;  // MySQL indexes no BLOB
    Field unique = field(name + "_unique", type);
    unique.unique = true;
    Field indexed = field(name + "_index", type);
    indexed.index = true;
    for (Field* keyed : {&unique, &indexed})
      if (type == FieldType::string) keyed->max_length = 100;
    fields.push_back(unique);
    fields.push_back(indexed);
  }
  Field sized = field("string_sized", FieldType::string);
  sized.max_length = 255;
  fields.push_back(sized);
  Field wide = field("decimal_wide", FieldType::decimal);
  wide.precision = 65;
  wide.scale = 30;
  fields.push_back(wide);
  return model("EveryType", "shop_every_type", std::move(fields));
}

// References of every kind: each on_delete, not indexed, unique, NULL, a string key, a self
// reference, a cycle of two tables.
std::vector<Model> references() {
  Model author = model("Author", "shop_author", {primary_key()});
  Model country = model("Country", "shop_country", {primary_key("code", FieldType::string)});
  Field not_indexed = referencing("editor_id", "Author", OnDelete::no_action);
  not_indexed.index = false;
  Field unique = referencing("ghost_id", "Author", OnDelete::restrict);
  unique.index = false;
  unique.unique = true;
  Field country_code = referencing("country", "Country", OnDelete::cascade, FieldType::string);
  country_code.max_length = 20;
  Model book = model(
      "Book", "shop_book",
      {primary_key(), referencing("author_id", "Author", OnDelete::cascade), not_indexed, unique,
       nullable(referencing("translator_id", "Author", OnDelete::set_null)),
       with_default(referencing("publisher_id", "Author", OnDelete::set_default), std::int64_t{1}),
       country_code});
  Model node =
      model("Node", "shop_node",
            {primary_key(), nullable(referencing("parent_id", "Node", OnDelete::cascade))});
  Model egg = model("Egg", "shop_egg",
                    {primary_key(), nullable(referencing("hen_id", "Hen", OnDelete::set_null))});
  Model hen = model("Hen", "shop_hen",
                    {primary_key(), nullable(referencing("egg_id", "Egg", OnDelete::set_null))});
  return {author, country, book, node, egg, hen};
}

// Columns that are no plain C++ names, a table not named by default, clashing struct names,
// model-level indexes, unique constraints, checks and comments.
std::vector<Model> names_and_model_options() {
  std::vector<Field> fields = {primary_key("ID")};
  for (std::string column : {"user name", "class", "1st", "errno", "std", "LegacyUsers", "a__b",
                             "_Upper", "DBMIG_FIELD", "INT64_MAX", "a_b", "a-b", "ünï", "x"})
    fields.push_back(field(column, FieldType::int32));
  fields.back().comment = "a \"quoted\"\ncomment \\";
  Model legacy = model("LegacyUsers", "legacy users", fields);
  legacy.comment = "the users of the old system";
  legacy.indexes = {{"legacy_by_name", {"user name", "class"}}, {"legacy_one", {"x"}}};
  legacy.constraints = {
      {"legacy_pair", ConstraintKind::unique, {"1st", "errno"}, ""},
      {"legacy_single", ConstraintKind::unique, {"a_b"}, ""},
      {"legacy_positive", ConstraintKind::check, {}, "\"x\" > 0 AND \"a_b\" < 10"}};
  Model tag = model("Tag", "shop_tag", {primary_key()});
  Model other_tag = model("Tag2", "tag", {primary_key()});
  Model upper = model("Httpserver", "shop_HTTPServer", {primary_key("key", FieldType::uint16)});
  Model digits = model("Table2fa", "2fa", {primary_key()});
  return {legacy, tag, other_tag, upper, digits};
}

ProjectState state_of(const std::vector<Model>& models) {
  ProjectState state;
  for (const Model& each : models) state.models[each.key()] = each;
  return state;
}

LiveSchema live_schema_of(const std::vector<Model>& models, Dialect dialect) {
  ProjectState state = state_of(models);
  LiveSchema schema;
  for (const Model& each : models) schema.tables.push_back(table_view(each, state, dialect));
  std::sort(schema.tables.begin(), schema.tables.end(),
            [](const Model& a, const Model& b) { return a.table < b.table; });
  return schema;
}

std::vector<Model> all_models() {
  std::vector<Model> models = {every_type()};
  for (auto* family : {&references, &names_and_model_options})
    for (Model& each : family()) models.push_back(each);
  return models;
}

// The table without its checks, which compare by condition (same_check_expression).
Model without_checks(Model table, std::vector<Constraint>& checks) {
  std::erase_if(table.constraints, [&](const Constraint& constraint) {
    if (constraint.kind != ConstraintKind::check) return false;
    checks.push_back(constraint);
    return true;
  });
  return table;
}

void expect_same_table(const Model& scanned, const Model& expected) {
  std::vector<Constraint> scanned_checks, expected_checks;
  EXPECT_EQ(without_checks(scanned, scanned_checks), without_checks(expected, expected_checks))
      << expected.table;
  ASSERT_EQ(scanned_checks.size(), expected_checks.size()) << expected.table;
  for (std::size_t i = 0; i < scanned_checks.size(); ++i) {
    EXPECT_EQ(scanned_checks[i].name, expected_checks[i].name);
    EXPECT_TRUE(same_check_expression(scanned_checks[i].check, expected_checks[i].check))
        << scanned_checks[i].check << " vs " << expected_checks[i].check;
  }
}

// Renders `schema` as app `app`, checks it compiles and scans back to the same tables.
void expect_round_trip(const LiveSchema& schema, const std::string& app, Dialect dialect) {
  ModelHeader header = render_model_header(schema, app);
  EXPECT_EQ(render_model_header(schema, app).text, header.text) << "deterministic";
  EXPECT_EQ(header.models, schema.tables.size());
  test::ScannerProject project;
  project.write("apps/" + app + "/models.hpp", header.text, false);
  project.write("check.cpp", "#include \"apps/" + app + "/models.hpp\"\n", false);
  for (std::string compiler : {"g++", "clang++"}) {
    test::ShellResult compiled =
        test::shell(compiler + " -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I " +
                        DBMIG_INCLUDE_DIR + " check.cpp",
                    project.root());
    EXPECT_EQ(compiled.exit_code, 0) << compiler << ":\n" << compiled.output << header.text;
  }
  ScanResult scanned;
  try {
    scanned = project.scan();
  } catch (const ScanError& e) {
    FAIL() << join(e.problems(), "\n") << "\n" << header.text;
  }
  ASSERT_EQ(scanned.state.models.size(), schema.tables.size()) << header.text;
  for (const Model& table : schema.tables) {
    const Model* model = scanned.state.find_by_table(table.table);
    ASSERT_NE(model, nullptr) << table.table << "\n" << header.text;
    expect_same_table(table_view(*model, scanned.state, dialect), table);
  }
}

}  // namespace

TEST(ModelHeader, EveryTableScansBackToItsTableView) {
  for (Dialect dialect : {Dialect::sqlite, Dialect::postgresql}) {
    SCOPED_TRACE(std::string(to_string(dialect)));
    expect_round_trip(live_schema_of(all_models(), dialect), "shop", dialect);
  }
}

TEST(ModelHeader, AnotherAppNamesEveryTable) {
  // In app `store` no table has its default name: each gets `table = "..."`.
  expect_round_trip(live_schema_of(all_models(), Dialect::postgresql), "store",
                    Dialect::postgresql);
}

TEST(ModelHeader, ReferencedStructsComeFirstAndCyclesUseTheQuotedForm) {
  ModelHeader header = render_model_header(live_schema_of(references(), Dialect::sqlite), "shop");
  const std::string& text = header.text;
  EXPECT_LT(text.find("struct DBMIG_MODEL() Author"), text.find("struct DBMIG_MODEL() Book"));
  EXPECT_LT(text.find("struct DBMIG_MODEL() Country"), text.find("struct DBMIG_MODEL() Book"));
  EXPECT_NE(text.find("references = Author, on_delete = cascade"), std::string::npos) << text;
  EXPECT_NE(text.find("references = \"shop.Node\""), std::string::npos) << text;
  EXPECT_NE(text.find("references = \"shop.Hen\""), std::string::npos) << text;
  EXPECT_NE(text.find("references = Egg"), std::string::npos) << text;
  EXPECT_NE(text.find("DBMIG_FIELD(index = false, references = Author) std::int64_t editor_id;"),
            std::string::npos)
      << text;
}

TEST(ModelHeader, NamesThatAreNoPlainCppNamesGetAColumnOption) {
  ModelHeader header =
      render_model_header(live_schema_of(names_and_model_options(), Dialect::sqlite), "shop");
  for (std::string expected :
       {"DBMIG_FIELD(column = \"user name\") std::int32_t user_name;",
        "DBMIG_FIELD(column = \"class\") std::int32_t class_;",
        "DBMIG_FIELD(column = \"1st\") std::int32_t field_1st;",
        "DBMIG_FIELD(column = \"errno\") std::int32_t errno_;",
        "DBMIG_FIELD(column = \"std\") std::int32_t std_;",
        "DBMIG_FIELD(column = \"LegacyUsers\") std::int32_t LegacyUsers_2;",
        "DBMIG_FIELD(column = \"a__b\") std::int32_t a_b_2;",
        "DBMIG_FIELD(column = \"a-b\") std::int32_t a_b_3;", "  std::int32_t a_b;",
        "struct DBMIG_MODEL(table = \"tag\") Tag2 {", "struct DBMIG_MODEL() Tag {",
        "struct DBMIG_MODEL(table = \"2fa\") Table2fa {"})
    EXPECT_NE(header.text.find(expected), std::string::npos) << expected << "\n" << header.text;
}

TEST(ModelHeader, NotesBecomeCommentsWhereTheyBelong) {
  LiveSchema schema = live_schema_of(references(), Dialect::sqlite);
  schema.notes = {{"active_books", "view active_books", "a view; left out"},
                  {"shop_book", "column author_id", "declared type INT: read as int64"},
                  {"shop_book", "column tags", "type integer[]: no dbmig field type; left out\\"},
                  {"shop_book", "index shop_book_lower_idx", "an expression index; left out"}};
  ModelHeader header = render_model_header(schema, "shop");
  const std::string& text = header.text;
  auto at = [&](const std::string& line) {
    auto position = text.find(line);
    EXPECT_NE(position, std::string::npos) << line << "\n" << text;
    return position;
  };
  EXPECT_LT(at("// note: table active_books: view active_books: a view; left out\n"),
            at("namespace shop {"));
  auto book = at("struct DBMIG_MODEL() Book {");
  EXPECT_LT(at("// note: column tags: type integer[]: no dbmig field type; left out\\.\n"), book);
  EXPECT_LT(at("// note: index shop_book_lower_idx: an expression index; left out\n"), book);
  EXPECT_LT(book, at("  // note: column author_id: declared type INT: read as int64\n"
                     "  DBMIG_FIELD(references = Author, on_delete = cascade) std::int64_t "
                     "author_id;\n"));
  EXPECT_EQ(header.notes, schema.notes);
}

TEST(ModelHeader, WhatAModelCannotSayIsANote) {
  Model keyless = model("Log", "shop_log", {field("line", FieldType::string)});
  Field manual = primary_key();
  manual.auto_increment = false;
  Model manual_key = model("Code", "shop_code", {manual});
  LiveSchema schema = live_schema_of({keyless, manual_key}, Dialect::sqlite);
  ModelHeader header = render_model_header(schema, "shop");
  std::vector<SchemaNote> expected = {
      {"shop_code", "column id",
       "not auto-increment in the database, but an integral primary key of a dbmig model is"},
      {"shop_log", "primary key",
       "none: a dbmig model needs one; mark one column "
       "DBMIG_FIELD(primary_key)"}};
  EXPECT_EQ(header.notes, expected);
  for (const SchemaNote& note : expected)
    EXPECT_NE(header.text.find("// note: " + note.object + ": " + note.note), std::string::npos)
        << header.text;
}

TEST(ModelHeader, AChecksClauseKeywordIsLeftOut) {
  Model table = model("Priced", "shop_priced", {primary_key(), field("price", FieldType::int32)});
  table.constraints = {{"a", ConstraintKind::check, {}, "CHECK ((price >= 0))"},
                       {"b", ConstraintKind::check, {}, "check(price < 10)"},
                       {"c", ConstraintKind::check, {}, "checked_at IS NULL OR price > 1"}};
  LiveSchema schema;
  schema.tables = {table_view(table, state_of({table}), Dialect::postgresql)};
  std::string text = render_model_header(schema, "shop").text;
  for (std::string expected :
       {"check(\"((price >= 0))\", name = \"a\")", "check(\"(price < 10)\", name = \"b\")",
        "check(\"checked_at IS NULL OR price > 1\", name = \"c\")"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
}

TEST(ModelHeader, PlainCppNames) {
  for (std::string plain : {"id", "user_name", "Class", "x1", "_lower", "errno2", "INT64_MAXIMUM"})
    EXPECT_TRUE(is_plain_cpp_name(plain)) << plain;
  for (std::string other :
       {"", "1st", "class", "and", "co_await", "std", "errno", "NULL", "INT64_MAX",
        "UINT_LEAST8_MAX", "a__b", "_Upper", "DBMIG_FIELD", "user name", "ünï"})
    EXPECT_FALSE(is_plain_cpp_name(other)) << other;
}

}  // namespace dbmig

namespace dbmig {

TEST(TableSelection, ATableBringsWhatItReferencesDirectlyOrNot) {
  LiveSchema schema = live_schema_of(references(), Dialect::sqlite);
  schema.notes = {{"shop_book", "column tags", "left out"},
                  {"shop_node", "column x", "left out"},
                  {"active_books", "view active_books", "left out"}};
  TableSelection book = select_tables(schema, {"shop_book"});
  std::vector<std::string> tables;
  for (const Model& table : book.schema.tables) tables.push_back(table.table);
  EXPECT_EQ(tables, (std::vector<std::string>{"shop_author", "shop_book", "shop_country"}));
  EXPECT_EQ(book.schema.notes, (std::vector<SchemaNote>{schema.notes[0]}));
  EXPECT_EQ(book.included, (std::vector<SchemaNote>{
                               {"shop_author", "included", "table shop_book references it"},
                               {"shop_country", "included", "table shop_book references it"}}));

  TableSelection egg = select_tables(schema, {"shop_egg", "shop_node"});
  EXPECT_EQ(egg.schema.tables.size(), 3u) << "shop_egg, shop_hen (a cycle), shop_node (itself)";
  EXPECT_EQ(egg.included,
            (std::vector<SchemaNote>{{"shop_hen", "included", "table shop_egg references it"}}));

  TableSelection all = select_tables(schema, {});
  EXPECT_EQ(all.schema.tables, schema.tables);
  EXPECT_EQ(all.schema.notes, schema.notes);
  EXPECT_TRUE(all.included.empty());
}

}  // namespace dbmig
