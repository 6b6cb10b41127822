// SQLite's catalog reader (lib/src/db/backends/sqlite/sqlite_introspection.cpp) on real
// databases: a schema dbmig made reads back exactly as the table view of its models, and a
// hand-written legacy schema reads as the tables dbmig can express plus one note for each thing
// it cannot. The three-dialect matrix is tests/db/live_schema_test.cpp; this is the SQLite proof.
#include <algorithm>
#include <ostream>
#include <variant>

#include "catalog_queries.hpp"
#include "dbmig/live_schema.hpp"
#include "live_schema_fixtures.hpp"
#include "sql_execution.hpp"

namespace dbmig::test {

namespace {

const std::vector<FieldType> every_type{
    FieldType::boolean, FieldType::int8,      FieldType::int16,   FieldType::int32,
    FieldType::int64,   FieldType::uint8,     FieldType::uint16,  FieldType::uint32,
    FieldType::uint64,  FieldType::float32,   FieldType::float64, FieldType::string,
    FieldType::bytes,   FieldType::timestamp, FieldType::date,    FieldType::decimal};

const std::vector<FieldType> integral_types{FieldType::int8,   FieldType::int16, FieldType::int32,
                                            FieldType::int64,  FieldType::uint8, FieldType::uint16,
                                            FieldType::uint32, FieldType::uint64};

const std::vector<OnDelete> every_on_delete{OnDelete::cascade, OnDelete::restrict,
                                            OnDelete::set_null, OnDelete::set_default,
                                            OnDelete::no_action};

// A value of `type` as the migrations keep it (unsigned integers as uint64), near the edge of
// the type's range where it has one.
Literal sample_value(FieldType type) {
  switch (type) {
    case FieldType::boolean:
      return true;
    case FieldType::int8:
      return std::int64_t{-128};
    case FieldType::int16:
      return std::int64_t{32767};
    case FieldType::int32:
      return std::int64_t{-2147483648LL};
    case FieldType::int64:
      return std::int64_t{-9000000000000000000LL};
    case FieldType::uint8:
      return std::uint64_t{255};
    case FieldType::uint16:
      return std::uint64_t{65535};
    case FieldType::uint32:
      return std::uint64_t{4294967295ULL};
    case FieldType::uint64:
      return std::uint64_t{9000000000000000000ULL};
    case FieldType::float32:
      return 1.5;
    case FieldType::float64:
      return -2.25e-10;
    case FieldType::timestamp:
      return std::string("2024-01-02 03:04:05");
    case FieldType::date:
      return std::string("2024-01-02");
    case FieldType::decimal:
      return std::string("12.50");
    default:
      return std::string("it's \"quoted\"");
  }
}

// A field of `type`; strings of 100 characters (MySQL indexes no TEXT, so dbmig no unbounded
// string; TEXT is `sized` below).
Field typed_field(const std::string& name, FieldType type) {
  Field field = make_field(name, type);
  if (type == FieldType::string) field.max_length = 100;
  if (type == FieldType::decimal) {
    field.precision = 12;
    field.scale = 2;
  }
  return field;
}

Model model_named(const std::string& name, std::vector<Field> fields) {
  return Model{"shop", name, name, std::move(fields), {}, {}, "a comment SQLite does not keep"};
}

Field key_of(FieldType type) {
  Field key = auto_key();
  key.type = type;
  return key;
}

// One model per integral key type, for the references below.
std::vector<Model> key_models() {
  std::vector<Model> models;
  for (FieldType type : integral_types)
    models.push_back(model_named("key_" + std::string(to_string(type)), {key_of(type)}));
  return models;
}

// Every field type plain, nullable, with a default, unique and indexed.
Model types_model() {
  std::vector<Field> fields{auto_key()};
  for (FieldType type : every_type) {
    std::string name(to_string(type));
    fields.push_back(typed_field(name + "_plain", type));
    Field nullable = typed_field(name + "_null", type);
    nullable.null = true;
    nullable.comment = "dropped on SQLite";
    fields.push_back(nullable);
    Field with_default = typed_field(name + "_default", type);
    with_default.default_value = sample_value(type);
    fields.push_back(with_default);
    if (type == FieldType::bytes) continue;  // MySQL indexes no BLOB, so dbmig no bytes
    Field unique = typed_field(name + "_unique", type);
    unique.unique = true;
    unique.index = true;  // a unique column needs no index of its own: read as unique only
    fields.push_back(unique);
    Field indexed = typed_field(name + "_index", type);
    indexed.index = true;
    fields.push_back(indexed);
  }
  Field text = string_field("text");
  text.default_value = std::string("it''s");
  fields.push_back(text);
  Field text_null = string_field("text_null");
  text_null.null = true;
  fields.push_back(text_null);
  Field decimal_number = typed_field("decimal_number", FieldType::decimal);
  decimal_number.precision = 30;
  decimal_number.scale = 1;
  decimal_number.default_value = 0.5;
  fields.push_back(decimal_number);
  Field renamed = typed_field("renamed", FieldType::int32);
  renamed.column = "renamed_column";
  renamed.index = true;
  fields.push_back(renamed);
  return model_named("types", std::move(fields));
}

// References to every key type, with every on_delete, indexed or not.
Model references_model() {
  std::vector<Field> fields{key_of(FieldType::int32)};
  for (FieldType type : integral_types) {
    Field reference = typed_field("to_" + std::string(to_string(type)), type);
    reference.references =
        Reference{{"shop", "key_" + std::string(to_string(type))}, OnDelete::cascade};
    reference.index = type == FieldType::int64;
    fields.push_back(reference);
  }
  for (OnDelete action : every_on_delete) {
    Field reference = typed_field("on_" + std::string(to_string(action)), FieldType::int64);
    reference.references = Reference{{"shop", "key_int64"}, action};
    reference.null = action == OnDelete::set_null;
    if (action == OnDelete::set_default) reference.default_value = std::int64_t{1};
    reference.unique = action == OnDelete::restrict;
    fields.push_back(reference);
  }
  return model_named("references", std::move(fields));
}

// Model-level indexes and constraints, named as dbmig names a field's own and otherwise.
Model constraints_model() {
  Field price = typed_field("price", FieldType::decimal);
  Field amount = typed_field("amount", FieldType::uint16);
  Field code = string_field("code", 20);
  Field shelf = typed_field("shelf", FieldType::int8);
  Model model = model_named("constraints", {auto_key(), price, amount, code, shelf});
  model.indexes = {{"constraints_amount_code_idx", {"amount", "code"}},
                   {"by_shelf", {"shelf"}},
                   {"constraints_code_idx", {"code"}}};
  model.constraints = {
      {"constraints_code_shelf_uniq", ConstraintKind::unique, {"code", "shelf"}, ""},
      {"one_code", ConstraintKind::unique, {"code"}, ""},
      {"positive_price", ConstraintKind::check, {}, "price > 0"},
      {"small_shelf", ConstraintKind::check, {}, "\"shelf\" < 10 AND amount <> 3"}};
  return model;
}

std::vector<std::string> table_names(const LiveSchema& schema) {
  std::vector<std::string> names;
  for (const auto& table : schema.tables) names.push_back(table.table);
  return names;
}

}  // namespace

TEST(LiveSchemaSqlite, ADatabaseDbmigMadeReadsBackAsTheTableViewOfItsModels) {
  MigratedDatabase db(Dialect::sqlite);
  ASSERT_TRUE(db.available());
  Operations operations;
  for (Model& model : key_models()) operations.push_back(std::make_shared<CreateModel>(model));
  operations.push_back(std::make_shared<CreateModel>(types_model()));
  operations.push_back(std::make_shared<CreateModel>(references_model()));
  operations.push_back(std::make_shared<CreateModel>(constraints_model()));
  db.apply("shop", std::move(operations));

  LiveSchema schema = read_live_schema(db.connection());
  EXPECT_EQ(schema.notes, std::vector<SchemaNote>{});
  std::vector<std::string> expected_tables;
  for (const auto& [key, model] : db.state().models) {
    expected_tables.push_back(model.table);
    SCOPED_TRACE(model.table);
    const Model* table = schema.find(model.table);
    ASSERT_NE(table, nullptr);
    Model expected = table_view(model, db.state(), Dialect::sqlite);
    expect_identical_table(*table, expected);
  }
  std::sort(expected_tables.begin(), expected_tables.end());
  EXPECT_EQ(table_names(schema), expected_tables);
}

// Migrations that change a table (a rebuild, a rename, an added field) leave it reading as the
// table view of the new state.
TEST(LiveSchemaSqlite, ChangedTablesReadBackAsTheNewState) {
  MigratedDatabase db(Dialect::sqlite);
  ASSERT_TRUE(db.available());
  db.apply("shop", std::make_shared<CreateModel>(constraints_model()));
  Field wider = typed_field("shelf", FieldType::int32);
  db.apply("shop", std::make_shared<AlterField>("constraints", wider));
  Field narrower = typed_field("amount", FieldType::uint8);
  db.apply("shop", std::make_shared<AlterField>("constraints", narrower));
  Field added = typed_field("added", FieldType::int16);
  added.null = true;
  db.apply("shop", std::make_shared<AddField>("constraints", added));
  db.apply("shop", std::make_shared<RenameField>("constraints", "added", "renamed"));
  db.apply("shop", std::make_shared<RenameModel>("constraints", "renamed"));
  db.apply("shop", std::make_shared<AlterModelTable>("renamed", "renamed_table"));

  LiveSchema schema = read_live_schema(db.connection());
  EXPECT_EQ(schema.notes, std::vector<SchemaNote>{});
  const Model& model = db.state().get({"shop", "renamed"});
  ASSERT_EQ(schema.tables.size(), 1u);
  Model expected = table_view(model, db.state(), Dialect::sqlite);
  expect_identical_table(schema.tables[0], expected);
}

TEST(LiveSchemaSqlite, ALegacySchemaReadsAsWhatDbmigCanSayWithANoteForEverythingElse) {
  MigratedDatabase db(Dialect::sqlite);
  ASSERT_TRUE(db.available());
  for (const char* sql : {
           "CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL UNIQUE, "
           "nick NVARCHAR(20), born TIMESTAMP DEFAULT CURRENT_TIMESTAMP, tags JSON, anything, "
           "score DOUBLE DEFAULT 1.5, active BOOLEAN DEFAULT TRUE, code INT DEFAULT '7', "
           "full_name TEXT GENERATED ALWAYS AS (name || nick) VIRTUAL, "
           "-- a CHECK in a comment is none\n"
           "note TEXT DEFAULT 'CHECK (x)', CHECK (score >= 0), "
           "CONSTRAINT [authors score] CHECK (score < 100))",
           "CREATE TABLE memberships (author_id INTEGER, group_id INTEGER, "
           "PRIMARY KEY (author_id, group_id))",
           "CREATE TABLE log_lines (line TEXT)",
           "CREATE TABLE codes (code TEXT PRIMARY KEY, flag BOOLEAN NOT NULL DEFAULT 'maybe', "
           "tiny INTEGER CONSTRAINT codes_tiny_check CHECK (tiny BETWEEN 0 AND 255))",
           "CREATE TABLE counters (id INTEGER PRIMARY KEY, hits INTEGER NOT NULL DEFAULT 0) "
           "WITHOUT ROWID",
           "CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES authors "
           "(id) ON DELETE SET NULL ON UPDATE CASCADE, author_name VARCHAR(50) REFERENCES "
           "authors (name), title TEXT NOT NULL, isbn TEXT, pages INTEGER DEFAULT (1 + 1), "
           "FOREIGN KEY (author_id, title) REFERENCES memberships (author_id, group_id))",
           "CREATE INDEX books_title_lower ON books (lower(title))",
           "CREATE INDEX books_isbn_partial ON books (isbn) WHERE isbn IS NOT NULL",
           "CREATE INDEX books_author_id_idx ON books (author_id)",
           "CREATE UNIQUE INDEX books_title_isbn ON books (title, isbn)",
           "CREATE VIEW recent_books AS SELECT * FROM books",
           "CREATE TRIGGER books_touch AFTER UPDATE ON books BEGIN SELECT 1; END",
       })
    db.session() << sql;

  LiveSchema schema = read_live_schema(db.connection());

  std::vector<SchemaNote> expected_notes{
      {"authors", "check (score >= 0)", "a check without a name; left out"},
      {"authors", "column anything", "no declared type: no dbmig field type; left out"},
      {"authors", "column born", "declared TIMESTAMP, read as timestamp"},
      {"authors", "column born", "default CURRENT_TIMESTAMP is an expression; left out"},
      {"authors", "column code", "declared INT, read as int64"},
      {"authors", "column full_name", "a generated column (VIRTUAL); left out"},
      {"authors", "column nick", "declared NVARCHAR(20), read as string(20)"},
      {"authors", "column score", "declared DOUBLE, read as double"},
      {"authors", "column tags", "type JSON: no dbmig field type; left out"},
      {"authors", "index sqlite_autoindex_authors_1",
       "UNIQUE inside CREATE TABLE, read as the unique index authors_name_uniq (SQLite cannot "
       "drop it without rebuilding the table)"},
      {"books", "column pages", "default 1 + 1 is an expression; left out"},
      {"books", "foreign key (author_id)",
       "ON UPDATE CASCADE: dbmig has no on_update; read without it"},
      {"books", "foreign key (author_id, title)", "a composite foreign key; left out"},
      {"books", "foreign key (author_name)",
       "references authors.name, not its primary key (dbmig references a primary key); left out"},
      {"books", "index books_isbn_partial", "a partial index (WHERE); left out"},
      {"books", "index books_title_lower", "an index on an expression; left out"},
      {"books_touch", "trigger books_touch", "on table books: dbmig has no triggers; left out"},
      {"codes", "column flag", "default 'maybe' does not fit bool; left out"},
      {"codes", "primary key (code)",
       "declared without NOT NULL, so SQLite lets it hold NULL; read as NOT NULL"},
      {"log_lines", "table log_lines", "no primary key (a dbmig model has one); left out"},
      {"memberships", "primary key (author_id, group_id)",
       "a composite primary key (a dbmig model has one key column); left out"},
      {"recent_books", "view recent_books", "dbmig models are tables; left out"},
  };
  EXPECT_EQ(schema.notes, expected_notes);

  Field author_key = auto_key();
  Field name = string_field("name", 50);
  name.unique = true;
  Field nick = string_field("nick", 20);
  nick.null = true;
  Field born = make_field("born", FieldType::timestamp);
  born.null = true;
  Field score = make_field("score", FieldType::float64);
  score.null = true;
  score.default_value = 1.5;
  Field active = make_field("active", FieldType::boolean);
  active.null = true;
  active.default_value = true;
  Field code = make_field("code", FieldType::int64);
  code.null = true;
  code.default_value = std::int64_t{7};
  Field note = string_field("note");
  note.null = true;
  note.default_value = std::string("CHECK (x)");
  Model authors{"",        "authors",
                "authors", {author_key, name, nick, born, score, active, code, note},
                {},        {{"authors score", ConstraintKind::check, {}, "score < 100"}},
                ""};

  Field counter_key = make_field("id", FieldType::int64);
  counter_key.primary_key = true;  // WITHOUT ROWID: no rowid alias, so no auto-increment
  Field hits = make_field("hits", FieldType::int64);
  hits.default_value = std::int64_t{0};
  Model counters{"", "counters", "counters", {counter_key, hits}, {}, {}, ""};

  Field author_id = make_field("author_id", FieldType::int64);
  author_id.null = true;
  author_id.index = true;
  author_id.references = Reference{{"", "authors"}, OnDelete::set_null};
  Field author_name = string_field("author_name", 50);
  author_name.null = true;
  Field isbn = string_field("isbn");
  isbn.null = true;
  Field pages = make_field("pages", FieldType::int64);
  pages.null = true;
  Model books{"",      "books",
              "books", {auto_key(), author_id, author_name, string_field("title"), isbn, pages},
              {},      {{"books_title_isbn", ConstraintKind::unique, {"title", "isbn"}, ""}},
              ""};

  // A range check as dbmig writes it (here unquoted) makes the INTEGER column that type.
  Field code_key = string_field("code");
  code_key.primary_key = true;
  Model codes{
      "",
      "codes",
      "codes",
      {code_key, make_field("flag", FieldType::boolean), make_field("tiny", FieldType::uint8)},
      {},
      {},
      ""};
  codes.fields[2].null = true;

  ASSERT_EQ(table_names(schema),
            (std::vector<std::string>{"authors", "books", "codes", "counters"}));
  expect_identical_table(schema.tables[0], authors);
  expect_identical_table(schema.tables[1], books);
  expect_identical_table(schema.tables[2], codes);
  expect_identical_table(schema.tables[3], counters);
  EXPECT_EQ(schema.tables, (std::vector<Model>{authors, books, codes, counters}));
}

// Four queries whatever the number of tables: a thousand tables with indexes, foreign keys and
// checks are read with as many queries as one.
TEST(LiveSchemaSqlite, TheQueriesDoNotGrowWithTheTables) {
  MigratedDatabase db(Dialect::sqlite);
  ASSERT_TRUE(db.available());
  constexpr int tables = 1000;
  auto create_table = [&](int i) {
    std::string table = "t" + std::to_string(i);
    db.session() << "CREATE TABLE " + table +
                        " (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER REFERENCES t0 (id), "
                        "name VARCHAR(50) NOT NULL DEFAULT 'x', CONSTRAINT " +
                        table + "_small CHECK (parent_id < 10))";
    db.session() << "CREATE INDEX " + table + "_parent_id_idx ON " + table + " (parent_id)";
  };
  create_table(0);
  int for_one_table = catalog_queries(db.connection());
  db.session() << "BEGIN";
  for (int i = 1; i < tables; ++i) create_table(i);
  db.session() << "COMMIT";
  EXPECT_EQ(catalog_queries(db.connection()), for_one_table);
  EXPECT_LE(for_one_table, 4);
  LiveSchema schema = read_live_schema(db.connection());
  EXPECT_EQ(schema.tables.size(), static_cast<std::size_t>(tables));
  EXPECT_EQ(schema.notes, std::vector<SchemaNote>{});
}

// SQLite stores every integer in 64 bits: the range check keeps a narrower type's values in its
// range, as the other databases' column types do, auto-increment keys included.
TEST(LiveSchemaSqlite, NarrowIntegerColumnsRefuseValuesOutsideTheirTypeOnEveryDatabase) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    MigratedDatabase db(dialect);
    if (!db.available()) continue;
    db.apply("shop", std::make_shared<CreateModel>(model_named(
                         "narrow", {key_of(FieldType::int8), typed_field("small", FieldType::int16),
                                    typed_field("medium", FieldType::int32)})));
    auto editor = make_schema_editor(dialect);
    auto insert = [&](const std::string& id, const std::string& small, const std::string& medium) {
      db.session() << "INSERT INTO " + editor->quote_name("narrow") + " (" +
                          editor->quote_name("id") + ", " + editor->quote_name("small") + ", " +
                          editor->quote_name("medium") + ") VALUES (" + id + ", " + small + ", " +
                          medium + ")";
    };
    EXPECT_NO_THROW(insert("127", "32767", "2147483647"));
    EXPECT_NO_THROW(insert("-128", "-32768", "-2147483648"));
    EXPECT_ANY_THROW(insert("128", "0", "0"));
    EXPECT_ANY_THROW(insert("1", "32768", "0"));
    EXPECT_ANY_THROW(insert("2", "0", "-2147483649"));
    EXPECT_EQ(count_rows(db.session(), editor->quote_name("narrow")), 2);
  }
}

}  // namespace dbmig::test
