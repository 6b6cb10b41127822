// PostgreSQL's catalog reader (postgres_introspection.cpp) on a real server: a database dbmig
// made reads back exactly as the table view of its models, and a hand-written legacy schema
// reads what dbmig can express, with a note for everything else.
#include <iostream>

#include <nlohmann/json.hpp>

#include "catalog_queries.hpp"
#include "dbmig/live_schema.hpp"
#include "dbmig/naming.hpp"
#include "dbmig/state_json.hpp"
#include "live_schema_fixtures.hpp"
#include "sql_execution.hpp"

namespace dbmig::test {

namespace {

std::string type_name(FieldType type) {
  return std::string(to_string(type));
}

std::vector<FieldType> every_field_type() {
  std::vector<FieldType> types;
  for (std::string_view name : field_type_names()) types.push_back(*field_type_from_string(name));
  return types;
}

// A field of `type` with the length, precision and scale its column type needs.
Field typed_field(std::string name, FieldType type) {
  Field field = make_field(std::move(name), type);
  if (type == FieldType::decimal) {
    field.precision = 12;
    field.scale = 2;
  }
  return field;
}

// Whether every database can index a column of `type` (MySQL cannot index TEXT or BLOB); a
// string indexed is given a length.
bool indexable(FieldType type) {
  return type != FieldType::bytes;
}

Field indexed_field(std::string name, FieldType type) {
  Field field = typed_field(std::move(name), type);
  if (type == FieldType::string) field.max_length = 50;
  return field;
}

// A default of each type, in the alternative a migration file gives it (dbmig/state_json.hpp).
Literal default_of(FieldType type) {
  switch (type) {
    case FieldType::boolean:
      return true;
    case FieldType::int8:
      return std::int64_t{-128};
    case FieldType::int16:
      return std::int64_t{-3};
    case FieldType::int32:
      return std::int64_t{-2147483648LL};
    case FieldType::int64:
      return std::int64_t{-9223372036854775807LL};
    case FieldType::uint8:
      return std::uint64_t{255};
    case FieldType::uint16:
      return std::uint64_t{65535};
    case FieldType::uint32:
      return std::uint64_t{4294967295ULL};
    case FieldType::uint64:
      return std::uint64_t{9223372036854775807ULL};
    case FieldType::float32:
      return 1.5;
    case FieldType::float64:
      return -2.25e-7;
    case FieldType::string:
      return std::string("it's \\ \"quoted\"\nand more");
    case FieldType::bytes:
      return std::string("abc");
    case FieldType::timestamp:
      return std::string("2024-01-02 03:04:05+00");  // as PostgreSQL prints it in UTC
    case FieldType::date:
      return std::string("2024-01-02");
    case FieldType::decimal:
      break;
  }
  return 0.5;
}

// Every field type, each plain, nullable, with a default, unique and indexed; strings and
// decimals in more shapes, and decimal defaults written as numbers and as strings.
Model every_type_model() {
  Model model{"shop", "Everything", "everything", {}, {}, {}, "every type, \"quoted\" 'too'"};
  model.fields.push_back(auto_key());
  for (FieldType type : every_field_type()) {
    std::string name = type_name(type);
    model.fields.push_back(typed_field(name + "_plain", type));
    Field nullable = typed_field(name + "_null", type);
    nullable.null = true;
    nullable.comment = "nullable " + name;
    model.fields.push_back(nullable);
    Field with_default = typed_field(name + "_default", type);
    with_default.default_value = default_of(type);
    model.fields.push_back(with_default);
    if (!indexable(type)) continue;
    Field unique = indexed_field(name + "_unique", type);
    unique.unique = true;
    unique.null = true;
    model.fields.push_back(unique);
    Field indexed = indexed_field(name + "_index", type);
    indexed.index = true;
    indexed.null = true;
    model.fields.push_back(indexed);
  }
  Field varchar = string_field("varchar_200", 200);
  varchar.default_value = std::string("");
  model.fields.push_back(varchar);
  Field renamed = string_field("renamed", 1);
  renamed.column = "renamed_column";
  renamed.unique = true;
  renamed.index = true;
  model.fields.push_back(renamed);
  Field wide = typed_field("decimal_wide", FieldType::decimal);
  wide.precision = 30;
  wide.scale = 0;
  wide.default_value = 1e+20;
  model.fields.push_back(wide);
  // A decimal default written as a string reads back as one when it is not a number's shortest
  // spelling (docs/inspectdb.md): "0.50" does, "0.5" would read as the number.
  Field text = typed_field("decimal_text", FieldType::decimal);
  text.default_value = std::string("0.50");
  model.fields.push_back(text);
  Field tiny = make_field("float_tiny", FieldType::float32);
  tiny.default_value = 1e-07;
  model.fields.push_back(tiny);
  Field zero = make_field("uint64_zero", FieldType::uint64);
  zero.default_value = std::uint64_t{0};
  model.fields.push_back(zero);
  return model;
}

// Model indexes (named freely, and named as dbmig names a field's own), unique_together and
// checks, beside the range checks of the fields they name.
void add_model_level_objects(Model& model) {
  const std::string& table = model.table;
  model.indexes.push_back({"everything_pair_custom", {"int32_plain", "varchar_200"}});
  model.indexes.push_back({constraint_name(table, {"int16_plain", "date_plain"}, "idx"),
                           {"int16_plain", "date_plain"}});
  model.indexes.push_back({constraint_name(table, {"bool_plain"}, "idx"), {"bool_plain"}});
  model.indexes.push_back({"everything_renamed_extra", {"renamed", "bool_null"}});
  model.constraints.push_back(
      {"everything_together", ConstraintKind::unique, {"int64_plain", "float_plain"}, ""});
  model.constraints.push_back({constraint_name(table, {"uint8_plain", "renamed"}, "uniq"),
                               ConstraintKind::unique,
                               {"uint8_plain", "renamed"},
                               ""});
  model.constraints.push_back(
      {constraint_name(table, {"int8_plain"}, "uniq"), ConstraintKind::unique, {"int8_plain"}, ""});
  model.constraints.push_back({"everything_level_small",
                               ConstraintKind::check,
                               {},
                               "\"uint8_plain\" < 10 AND \"int16_plain\" <> 3"});
  model.constraints.push_back(
      {distinct_constraint_name(table, {"uint16_plain"}, "check", "uint16_plain >= 5"),
       ConstraintKind::check,
       {},
       "\"uint16_plain\" >= 5"});
}

// A table keyed by `type`, auto-incremented or not.
Model keyed_model(FieldType type, bool auto_increment) {
  std::string name = type_name(type) + (auto_increment ? "_auto" : "_key");
  Model model{"shop", name, "keyed_" + name, {}, {}, {}, ""};
  Field key = make_field("id", type);
  key.primary_key = true;
  key.auto_increment = auto_increment;
  key.comment = "the key";
  model.fields.push_back(key);
  model.fields.push_back(string_field("label", 20));
  return model;
}

// The integral primary keys. An auto-increment key of a type PostgreSQL stores in a wider
// column (int8, uint8, uint16, uint32, uint64) carries no range check yet, so it reads as the
// column's own type (an int8 key as int16): those are added once the schema editor gives
// auto-increment keys their range check too.
std::vector<Model> keyed_models() {
  std::vector<Model> models;
  for (FieldType type : every_field_type())
    if (is_integral(type)) models.push_back(keyed_model(type, false));
  for (FieldType type : {FieldType::int16, FieldType::int32, FieldType::int64})
    models.push_back(keyed_model(type, true));
  return models;
}

const std::vector<OnDelete> every_on_delete{OnDelete::cascade, OnDelete::restrict,
                                            OnDelete::set_null, OnDelete::set_default,
                                            OnDelete::no_action};

// A reference to every keyed table, with every ON DELETE in turn, each field also indexed,
// unique or neither.
Model references_model(const std::vector<Model>& keyed) {
  Model model{"shop", "Reference", "refs", {}, {}, {}, ""};
  model.fields.push_back(auto_key());
  std::size_t turn = 0;
  for (const Model& target : keyed) {
    for (OnDelete action : every_on_delete) {
      Field field = make_field(target.table + "_" + std::string(to_string(action)),
                               target.fields.front().type);
      field.null = true;
      if (action == OnDelete::set_default)
        field.default_value = canonical_literal(std::int64_t{1}, field.type, field.name);
      field.references = Reference{target.key(), action};
      field.index = turn % 3 == 1;
      field.unique = turn % 3 == 2;
      ++turn;
      model.fields.push_back(field);
    }
  }
  return model;
}

// Notes as readable lines, for comparing lists.
std::vector<std::string> note_lines(const std::vector<SchemaNote>& notes) {
  std::vector<std::string> lines;
  for (const SchemaNote& note : notes)
    lines.push_back(note.table + " | " + note.object + " | " + note.note);
  return lines;
}

LiveSchema read_in_utc(Connection& connection) {
  // Timestamp defaults print in the session's time zone; the model's are UTC.
  connection.execute("SET TIME ZONE 'UTC'");
  return read_live_schema(connection);
}

}  // namespace

TEST(LiveSchemaPostgresql, ADatabaseDbmigMadeReadsBackAsTheTableViewOfItsModels) {
  MigratedDatabase db(Dialect::postgresql);
  if (!db.available()) GTEST_SKIP() << "no PostgreSQL test server";
  std::vector<Model> keyed = keyed_models();
  Operations creates;
  for (const Model& model : keyed) creates.push_back(std::make_shared<CreateModel>(model));
  creates.push_back(std::make_shared<CreateModel>(references_model(keyed)));
  Model everything = every_type_model();
  add_model_level_objects(everything);
  creates.push_back(std::make_shared<CreateModel>(everything));
  db.apply("shop", std::move(creates));

  LiveSchema schema = read_in_utc(db.connection());
  EXPECT_EQ(note_lines(schema.notes), std::vector<std::string>{});
  ASSERT_EQ(schema.tables.size(), db.state().models.size());
  for (const auto& [key, model] : db.state().models) {
    const Model* table = schema.find(model.table);
    ASSERT_NE(table, nullptr) << model.table;
    expect_same_table(*table, table_view(model, db.state(), Dialect::postgresql));
  }
}

// The same objects made by the operations that add them to an existing table: AddField (every
// type, with its index, unique, reference and default), AddIndex, AddConstraint and
// AlterModelComment write what CreateModel writes.
TEST(LiveSchemaPostgresql, ObjectsAddedToAnExistingTableReadBackAsTheTableView) {
  MigratedDatabase db(Dialect::postgresql);
  if (!db.available()) GTEST_SKIP() << "no PostgreSQL test server";
  Model target = keyed_model(FieldType::uint32, false);
  Model grown{"shop", "Grown", "grown", {}, {}, {}, ""};
  grown.fields.push_back(auto_key());
  db.apply("shop",
           Operations{std::make_shared<CreateModel>(target), std::make_shared<CreateModel>(grown)});
  Operations additions;
  for (FieldType type : every_field_type()) {
    Field field = indexed_field(type_name(type), type);
    field.null = true;
    field.default_value = default_of(type);
    field.index = indexable(type) && is_integral(type);
    field.unique = indexable(type) && !is_integral(type);
    field.comment = "added";
    additions.push_back(std::make_shared<AddField>("Grown", field));
  }
  Field reference = make_field("target", FieldType::uint32);
  reference.null = true;
  reference.references = Reference{target.key(), OnDelete::set_null};
  additions.push_back(std::make_shared<AddField>("Grown", reference));
  additions.push_back(std::make_shared<AddIndex>("Grown", Index{"grown_pair", {"int8", "string"}}));
  additions.push_back(std::make_shared<AddConstraint>(
      "Grown", Constraint{"grown_unique_pair", ConstraintKind::unique, {"uint8", "date"}, ""}));
  additions.push_back(std::make_shared<AddConstraint>(
      "Grown", Constraint{"grown_small", ConstraintKind::check, {}, "\"int32\" < 100"}));
  additions.push_back(std::make_shared<AlterModelComment>("Grown", "grown by operations"));
  db.apply("shop", std::move(additions));

  LiveSchema schema = read_in_utc(db.connection());
  EXPECT_EQ(note_lines(schema.notes), std::vector<std::string>{});
  for (const auto& [key, model] : db.state().models) {
    const Model* table = schema.find(model.table);
    ASSERT_NE(table, nullptr) << model.table;
    expect_same_table(*table, table_view(model, db.state(), Dialect::postgresql));
  }
}

// What a schema not written by dbmig holds beyond the models: each left out with a note, the
// rest read exactly.
TEST(LiveSchemaPostgresql, ALegacySchemaReadsWhatDbmigCanExpressAndNotesTheRest) {
  MigratedDatabase db(Dialect::postgresql);
  if (!db.available()) GTEST_SKIP() << "no PostgreSQL test server";
  Connection& connection = db.connection();
  for (const char* sql : {
           "CREATE TYPE mood AS ENUM ('happy', 'sad')",
           "CREATE TABLE pairs (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b))",
           "CREATE TABLE loose (x INTEGER)",
           "CREATE TABLE tagged (id UUID PRIMARY KEY, n INTEGER)",
           "CREATE TABLE people (id SERIAL PRIMARY KEY, name TEXT NOT NULL, "
           "shout TEXT GENERATED ALWAYS AS (upper(name)) STORED, feeling mood, tags INTEGER[], "
           "seen TIMESTAMP, created TIMESTAMPTZ NOT NULL DEFAULT now(), "
           "email VARCHAR(200) CONSTRAINT people_email_uniq UNIQUE, code CHAR(3), "
           "age SMALLINT CONSTRAINT people_age_check CHECK (age > 0), "
           "small SMALLINT CONSTRAINT people_small_check CHECK (small BETWEEN 0 AND 255), "
           "score NUMERIC, nick VARCHAR, pair_a INTEGER, pair_b INTEGER, "
           "FOREIGN KEY (pair_a, pair_b) REFERENCES pairs)",
           "CREATE INDEX people_adults ON people (age) WHERE age >= 18",
           "CREATE INDEX people_lower_name ON people (lower(name))",
           "CREATE INDEX people_tags_idx ON people (tags)",
           "CREATE INDEX people_name_hash ON people USING hash (name)",
           "CREATE INDEX people_age_desc ON people (age DESC)",
           "CREATE INDEX people_name_idx ON people (name)",
           "CREATE VIEW adults AS SELECT id, name FROM people WHERE age >= 18",
           "CREATE MATERIALIZED VIEW names AS SELECT name FROM people",
           "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
           "$$ BEGIN RETURN NEW; END $$",
           "CREATE TRIGGER people_touch BEFORE UPDATE ON people FOR EACH ROW EXECUTE FUNCTION "
           "touch()",
           "CREATE TABLE notes (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
           "person_id INTEGER CONSTRAINT notes_person_fk REFERENCES people ON DELETE CASCADE "
           "ON UPDATE CASCADE, tagged_id UUID REFERENCES tagged, "
           "loose_x INTEGER, body TEXT COLLATE \"C\" DEFAULT 'none', "
           "stamp BIGINT GENERATED BY DEFAULT AS IDENTITY)",
           "CREATE TABLE measures (id INTEGER PRIMARY KEY, m INTEGER) PARTITION BY RANGE (id)",
           "CREATE TABLE measures_low PARTITION OF measures FOR VALUES FROM (0) TO (100)",
           "COMMENT ON TABLE notes IS 'free text'",
           "CREATE SCHEMA other",
           "CREATE TABLE other.outside (id INTEGER PRIMARY KEY)",
           "CREATE TABLE codes (id INTEGER PRIMARY KEY, code VARCHAR(10) NOT NULL "
           "CONSTRAINT codes_code_key UNIQUE, label VARCHAR(10) CONSTRAINT codes_label_key "
           "UNIQUE DEFERRABLE, span INTEGER, CONSTRAINT codes_span_excl EXCLUDE USING btree "
           "(span WITH =), ref_code VARCHAR(10) CONSTRAINT codes_ref_code_fk REFERENCES codes "
           "(code), outside_id INTEGER CONSTRAINT codes_outside_fk REFERENCES other.outside)",
           "ALTER TABLE codes ADD CONSTRAINT codes_span_positive CHECK (span > 0) NOT VALID",
           "CREATE UNIQUE INDEX codes_span_incl ON codes (span) INCLUDE (code)",
           "CREATE UNIQUE INDEX codes_span_code ON codes (span, code)",
           "CREATE INDEX codes_pair ON codes (code, span)",
           // What the schema editor writes for an auto-increment int8 key once such keys carry
           // their range check too.
           "CREATE TABLE tiny (\"id\" SMALLINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY "
           "CONSTRAINT \"tiny_id_check\" CHECK (\"id\" BETWEEN -128 AND 127))",
       })
    connection.execute(sql);

  LiveSchema schema = read_in_utc(connection);
  std::vector<SchemaNote> expected_notes{
      {"adults", "view adults", "a view: dbmig manages tables only; left out"},
      {"codes", "constraint codes_label_key",
       "UNIQUE (label) DEFERRABLE: dbmig writes plain UNIQUE (columns) only; left out"},
      {"codes", "constraint codes_outside_fk",
       "FOREIGN KEY (outside_id) REFERENCES other.outside(id): it references a table outside the "
       "current schema; left out"},
      {"codes", "constraint codes_ref_code_fk",
       "FOREIGN KEY (ref_code) REFERENCES codes(code): it references a column other than the "
       "primary key; left out"},
      {"codes", "constraint codes_span_excl",
       "an exclusion constraint: dbmig writes none; left out"},
      {"codes", "constraint codes_span_positive", "NOT VALID (rows may break it): read as a check"},
      {"codes", "index codes_span_incl",
       "CREATE UNIQUE INDEX codes_span_incl ON public.codes USING btree (span) INCLUDE (code): "
       "dbmig writes plain column indexes only; left out"},
      {"loose", "table loose", "no primary key: a model has one primary key field; left out"},
      {"measures", "table measures",
       "partitioned: read as one table (dbmig writes no PARTITION BY)"},
      {"measures_low", "table measures_low",
       "a partition of measures: read as part of it; left out"},
      {"names", "materialized view names",
       "a materialized view: dbmig manages tables only; left out"},
      {"notes", "column body", "collation C: read without it"},
      {"notes", "column id",
       "GENERATED ALWAYS AS IDENTITY: read as auto_increment (dbmig writes GENERATED BY "
       "DEFAULT)"},
      {"notes", "column stamp", "an identity column that is not the primary key: read without it"},
      {"notes", "column tagged_id", "type uuid: no dbmig field type; left out"},
      {"notes", "constraint notes_person_fk",
       "FOREIGN KEY (person_id) REFERENCES people(id) ON UPDATE CASCADE ON DELETE CASCADE: read "
       "without ON UPDATE and DEFERRABLE, which dbmig does not write"},
      {"notes", "constraint notes_tagged_id_fkey",
       "over column tagged_id, which is left out; left out"},
      {"pairs", "table pairs",
       "composite primary key (a, b): a model has one primary key field; left out"},
      {"people", "column code", "type character(3): no dbmig field type; left out"},
      {"people", "column created", "default now(): not a constant dbmig writes; left out"},
      {"people", "column feeling", "type mood: no dbmig field type; left out"},
      {"people", "column id",
       "default nextval('people_id_seq'::regclass): not a constant dbmig writes; left out"},
      {"people", "column nick", "type character varying: no dbmig field type; left out"},
      {"people", "column score", "type numeric: no dbmig field type; left out"},
      {"people", "column seen", "type timestamp without time zone: no dbmig field type; left out"},
      {"people", "column shout",
       "generated (upper(name)): dbmig writes no generated columns; left out"},
      {"people", "column tags", "type integer[]: no dbmig field type; left out"},
      {"people", "constraint people_pair_a_pair_b_fkey",
       "FOREIGN KEY (pair_a, pair_b) REFERENCES pairs(a, b): a foreign key of several columns; "
       "left out"},
      {"people", "index people_adults", "a partial index (WHERE (age >= 18)): left out"},
      {"people", "index people_age_desc",
       "CREATE INDEX people_age_desc ON public.people USING btree (age DESC): dbmig writes plain "
       "column indexes only; left out"},
      {"people", "index people_lower_name",
       "an expression index: dbmig indexes columns only; left out"},
      {"people", "index people_name_hash",
       "a hash index: dbmig writes btree indexes only; left out"},
      {"people", "index people_tags_idx", "over column tags, which is left out; left out"},
      {"people_touch", "trigger people_touch", "on people: dbmig manages no triggers; left out"},
      {"tagged", "column id", "type uuid: no dbmig field type; left out"},
      {"tagged", "table tagged", "its primary key column id is left out; left out"},
  };
  EXPECT_EQ(note_lines(schema.notes), note_lines(expected_notes));

  // people: the serial key without its nextval default, the unique and index dbmig would name
  // so as field flags, the range check of 0..255 as uint8, the other check kept.
  Model people{"", "people", "people", {}, {}, {}, ""};
  Field id = make_field("id", FieldType::int32);
  id.primary_key = true;
  people.fields.push_back(id);
  Field name = string_field("name");
  name.index = true;
  people.fields.push_back(name);
  people.fields.push_back(make_field("created", FieldType::timestamp));
  Field email = string_field("email", 200);
  email.null = email.unique = true;
  people.fields.push_back(email);
  Field age = make_field("age", FieldType::int16);
  age.null = true;
  people.fields.push_back(age);
  Field small = make_field("small", FieldType::uint8);
  small.null = true;
  people.fields.push_back(small);
  for (const char* column : {"pair_a", "pair_b"}) {
    Field pair = make_field(column, FieldType::int32);
    pair.null = true;
    people.fields.push_back(pair);
  }
  people.constraints.push_back({"people_age_check", ConstraintKind::check, {}, "(age > 0)"});

  Model notes{"", "notes", "notes", {}, {}, {}, "free text"};
  Field note_id = make_field("id", FieldType::int64);
  note_id.primary_key = note_id.auto_increment = true;
  notes.fields.push_back(note_id);
  Field person = make_field("person_id", FieldType::int32);
  person.null = true;
  person.references = Reference{{"", "people"}, OnDelete::cascade};
  notes.fields.push_back(person);
  Field loose = make_field("loose_x", FieldType::int32);
  loose.null = true;
  notes.fields.push_back(loose);
  Field body = string_field("body");
  body.null = true;
  body.default_value = std::string("none");
  notes.fields.push_back(body);
  notes.fields.push_back(make_field("stamp", FieldType::int64));

  Model measures{"", "measures", "measures", {}, {}, {}, ""};
  Field measure_id = make_field("id", FieldType::int32);
  measure_id.primary_key = true;
  measures.fields.push_back(measure_id);
  Field m = make_field("m", FieldType::int32);
  m.null = true;
  measures.fields.push_back(m);

  // codes: plain uniques and indexes as model-level ones by their names, the NOT VALID check.
  Model codes{"", "codes", "codes", {}, {}, {}, ""};
  Field code_id = make_field("id", FieldType::int32);
  code_id.primary_key = true;
  codes.fields.push_back(code_id);
  codes.fields.push_back(string_field("code", 10));
  for (const char* column : {"label", "span", "ref_code", "outside_id"}) {
    Field field = std::string(column) == "span" || std::string(column) == "outside_id"
                      ? make_field(column, FieldType::int32)
                      : string_field(column, 10);
    field.null = true;
    codes.fields.push_back(field);
  }
  codes.indexes.push_back({"codes_pair", {"code", "span"}});
  codes.constraints.push_back({"codes_code_key", ConstraintKind::unique, {"code"}, ""});
  codes.constraints.push_back({"codes_span_code", ConstraintKind::unique, {"span", "code"}, ""});
  codes.constraints.push_back({"codes_span_positive", ConstraintKind::check, {}, "(span > 0)"});

  Model tiny{"", "tiny", "tiny", {}, {}, {}, ""};
  Field tiny_id = make_field("id", FieldType::int8);
  tiny_id.primary_key = tiny_id.auto_increment = true;
  tiny.fields.push_back(tiny_id);

  std::vector<std::string> tables;
  for (const Model& table : schema.tables) tables.push_back(table.table);
  EXPECT_EQ(tables, (std::vector<std::string>{"codes", "measures", "notes", "people", "tiny"}));
  for (const Model* expected : {&codes, &measures, &notes, &people, &tiny})
    if (const Model* table = schema.find(expected->table)) expect_same_table(*table, *expected);
}

// The reader runs a fixed number of bulk queries over the whole schema, never one per table: a
// thousand tables, each with a reference, a range check, a unique, an index and comments, are
// read whole with as many queries as one table.
TEST(LiveSchemaPostgresql, TheQueriesDoNotGrowWithTheTables) {
  MigratedDatabase db(Dialect::postgresql);
  if (!db.available()) GTEST_SKIP() << "no PostgreSQL test server";
  auto create_tables = [&](int from, int to) {
    db.connection().execute(
        "DO $$ BEGIN FOR i IN " + std::to_string(from) + ".." + std::to_string(to) +
        " LOOP EXECUTE format('CREATE TABLE t%s (id BIGINT GENERATED BY DEFAULT AS IDENTITY "
        "PRIMARY KEY, parent BIGINT CONSTRAINT t%s_parent_fk REFERENCES t%s (id) ON DELETE "
        "CASCADE, n SMALLINT NOT NULL DEFAULT 0 CONSTRAINT t%s_n_check CHECK (n BETWEEN 0 AND "
        "255), label VARCHAR(40) CONSTRAINT t%s_label_uniq UNIQUE, at TIMESTAMPTZ); CREATE "
        "INDEX t%s_at_idx ON t%s (at); COMMENT ON TABLE t%s IS ''table''; COMMENT ON COLUMN "
        "t%s.n IS ''count''', i, i, i, i, i, i, i, i, i); END LOOP; END $$");
  };
  create_tables(1, 1);
  int for_one_table = catalog_queries(db.connection());
  create_tables(2, 1000);
  EXPECT_EQ(catalog_queries(db.connection()), for_one_table);
  EXPECT_LE(for_one_table, 5);
  LiveSchema schema = read_live_schema(db.connection());
  EXPECT_EQ(schema.tables.size(), 1000u);
  EXPECT_EQ(note_lines(schema.notes), std::vector<std::string>{});
  const Model* table = schema.find("t500");
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->fields.size(), 5u);
  EXPECT_EQ(table->fields[2].type, FieldType::uint8);
  EXPECT_TRUE(table->fields[3].unique);
  EXPECT_TRUE(table->fields[4].index);
  EXPECT_EQ(table->fields[1].references, (Reference{{"", "t500"}, OnDelete::cascade}));
}

}  // namespace dbmig::test
