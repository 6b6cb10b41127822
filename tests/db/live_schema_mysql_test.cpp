// read_live_schema on MariaDB (MysqlBackend::read_schema, docs/inspectdb.md "MySQL and
// MariaDB"): a database dbmig made reads back exactly as the table view of its models, and a
// legacy one gets a note for each thing the models cannot say.
#include <cstdint>
#include <limits>

#include "catalog_queries.hpp"
#include "dbmig/live_schema.hpp"
#include "dbmig/state_json.hpp"
#include "live_schema_fixtures.hpp"
#include "sql_execution.hpp"

namespace dbmig::test {

namespace {

// Every table of the database is the table view of its model of `state`, with no notes.
void expect_reads_as_state(Connection& connection, const ProjectState& state) {
  LiveSchema schema = read_live_schema(connection);
  EXPECT_EQ(schema.notes, std::vector<SchemaNote>{});
  std::vector<std::string> tables, expected_tables;
  for (const Model& table : schema.tables) tables.push_back(table.table);
  for (const auto& [key, model] : state.models) expected_tables.push_back(model.table);
  std::sort(expected_tables.begin(), expected_tables.end());
  ASSERT_EQ(tables, expected_tables);
  for (const auto& [key, model] : state.models)
    expect_same_table(*schema.find(model.table), table_view(model, state, Dialect::mysql));
}

Model model_named(const std::string& name, const std::string& table) {
  Model model{"shop", name, table, {}, {}, {}, ""};
  return model;
}

Field with(Field field, const std::function<void(Field&)>& change) {
  change(field);
  return field;
}

const std::vector<FieldType> integral_types{
    FieldType::int8,  FieldType::int16,  FieldType::int32,  FieldType::int64,
    FieldType::uint8, FieldType::uint16, FieldType::uint32, FieldType::uint64,
};

std::string type_name(FieldType type) {
  return std::string(to_string(type));
}

// `whole`.`fraction` padded with zeros to `scale` decimals (at least as many as `fraction`'s),
// or `whole` for a scale of 0.
Literal decimal_text(const std::string& whole, const std::string& fraction, int scale) {
  if (scale == 0) return whole;
  return whole + "." + fraction + std::string(scale - fraction.size(), '0');
}

// Two defaults a field of `type` can take (dbmig writes none for bytes, timestamps, dates).
std::vector<Literal> defaults_for(const Field& field) {
  switch (field.type) {
    case FieldType::boolean:
      return {true, false};
    case FieldType::int8:
      return {std::int64_t{-128}, std::int64_t{127}};
    case FieldType::int16:
      return {std::int64_t{-32768}, std::int64_t{0}};
    case FieldType::int32:
      return {std::int64_t{std::numeric_limits<std::int32_t>::min()}, std::int64_t{42}};
    case FieldType::int64:
      return {std::int64_t{std::numeric_limits<std::int64_t>::min()}, std::int64_t{-1}};
    case FieldType::uint8:
      return {std::uint64_t{255}, std::uint64_t{0}};
    case FieldType::uint16:
      return {std::uint64_t{65535}, std::uint64_t{1}};
    case FieldType::uint32:
      return {std::uint64_t{4294967295}, std::uint64_t{7}};
    case FieldType::uint64:
      return {std::uint64_t{std::numeric_limits<std::int64_t>::max()}, std::uint64_t{0}};
    case FieldType::float32:
      return {3.25, -0.5};
    case FieldType::float64:
      return {-1e+20, 0.1};
    case FieldType::string:
      if (field.max_length) return {std::string("it's \\ a\nb\tc"), std::string("")};
      return {std::string("NULL"), std::string("x'y")};
    case FieldType::decimal:  // as MariaDB prints them back: with `scale` decimals
      return {decimal_text("12", "5", field.scale), decimal_text("-3", "25", field.scale)};
    default:
      return {};
  }
}

bool indexable(const Field& field) {
  return field.type != FieldType::bytes && (field.type != FieldType::string || field.max_length);
}

// A table of fields of one type: plain, NULL, with defaults, unique, indexed, commented, in a
// column of another name.
Model columns_model(const std::string& suffix, const Field& type) {
  Model model = model_named("Columns" + suffix, "columns_" + suffix);
  model.fields.push_back(auto_key());
  auto field = [&](const std::string& name) {
    Field made = type;
    made.name = name;
    return made;
  };
  model.fields.push_back(field("plain"));
  model.fields.push_back(with(field("nullable"), [](Field& f) { f.null = true; }));
  std::vector<Literal> defaults = defaults_for(type);
  if (!defaults.empty()) {
    model.fields.push_back(
        with(field("with_default"), [&](Field& f) { f.default_value = defaults[0]; }));
    model.fields.push_back(with(field("null_default"), [&](Field& f) {
      f.null = true;
      f.default_value = defaults[1];
    }));
  }
  if (indexable(type)) {
    model.fields.push_back(with(field("uniq"), [](Field& f) { f.unique = true; }));
    model.fields.push_back(with(field("null_uniq"), [](Field& f) {
      f.null = true;
      f.unique = true;
    }));
    model.fields.push_back(with(field("indexed"), [](Field& f) { f.index = true; }));
  }
  model.fields.push_back(with(field("commented"), [](Field& f) { f.comment = "it's a \\ note"; }));
  model.fields.push_back(with(field("alias"), [](Field& f) { f.column = "stored_as"; }));
  model.comment = "columns of type " + suffix;
  return model;
}

std::vector<Model> columns_models() {
  std::vector<std::pair<std::string, Field>> types;
  for (FieldType type : {FieldType::boolean, FieldType::int8, FieldType::int16, FieldType::int32,
                         FieldType::int64, FieldType::uint8, FieldType::uint16, FieldType::uint32,
                         FieldType::uint64, FieldType::float32, FieldType::float64,
                         FieldType::bytes, FieldType::timestamp, FieldType::date})
    types.push_back({type_name(type), make_field("", type)});
  types.push_back({"varchar", string_field("", 40)});
  types.push_back({"longtext", string_field("")});
  for (auto [precision, scale] : std::vector<std::pair<int, int>>{{12, 2}, {65, 30}, {5, 0}}) {
    Field decimal = make_field("", FieldType::decimal);
    decimal.precision = precision;
    decimal.scale = scale;
    types.push_back(
        {"decimal_" + std::to_string(precision) + "_" + std::to_string(scale), decimal});
  }
  std::vector<Model> models;
  for (const auto& [suffix, type] : types) models.push_back(columns_model(suffix, type));
  return models;
}

// The target of references: one per integral primary key type, auto-incremented.
Model key_model(FieldType type) {
  Model model = model_named("Key" + type_name(type), "key_" + type_name(type));
  Field key = auto_key();
  key.type = type;
  model.fields.push_back(key);
  return model;
}

// References to key_<type>: one for each ON DELETE MySQL takes, without an index of their own
// (InnoDB's implicit one), indexed, unique.
Model references_model(FieldType type) {
  Model model = model_named("Refs" + type_name(type), "refs_" + type_name(type));
  model.fields.push_back(auto_key());
  auto reference = [&](const std::string& name, OnDelete on_delete) {
    Field field = make_field(name, type);
    field.references = Reference{{"shop", "Key" + type_name(type)}, on_delete};
    field.null = on_delete == OnDelete::set_null;
    return field;
  };
  for (OnDelete on_delete :
       {OnDelete::cascade, OnDelete::restrict, OnDelete::set_null, OnDelete::no_action})
    model.fields.push_back(reference(std::string(to_string(on_delete)), on_delete));
  model.fields.push_back(
      with(reference("indexed", OnDelete::cascade), [](Field& f) { f.index = true; }));
  model.fields.push_back(
      with(reference("uniq", OnDelete::restrict), [](Field& f) { f.unique = true; }));
  model.fields.push_back(
      with(reference("renamed", OnDelete::set_null), [](Field& f) { f.column = "renamed_ref"; }));
  return model;
}

// A primary key that is not auto-incremented, a string, referenced by itself.
Model code_model() {
  Model model = model_named("Code", "codes");
  Field code = string_field("code", 20);
  code.primary_key = true;
  model.fields.push_back(code);
  Field parent = string_field("parent", 20);
  parent.null = true;
  parent.references = Reference{{"shop", "Code"}, OnDelete::set_null};
  model.fields.push_back(parent);
  Field rank = make_field("rank", FieldType::int32);
  rank.default_value = std::int64_t{3};
  model.fields.push_back(rank);
  return model;
}

// Model-level indexes and unique_together, named as dbmig names them and otherwise, and checks.
Model together_model() {
  Model model = model_named("Together", "together");
  model.fields.push_back(auto_key());
  model.fields.push_back(make_field("a", FieldType::int32));
  model.fields.push_back(string_field("b", 20));
  model.fields.push_back(with(make_field("c", FieldType::int64), [](Field& f) { f.null = true; }));
  model.fields.push_back(
      with(make_field("d", FieldType::uint16), [](Field& f) { f.column = "dd"; }));
  model.indexes = {{"together_a_idx", {"a"}},
                   {"together_a_b_idx", {"a", "b"}},
                   {"by_b", {"b"}},
                   {"by_c_a", {"c", "a"}},
                   {"by_d", {"d"}}};
  model.constraints = {
      {"together_b_c_uniq", ConstraintKind::unique, {"b", "c"}, ""},
      {"together_c_uniq", ConstraintKind::unique, {"c"}, ""},
      {"one_d", ConstraintKind::unique, {"d", "a"}, ""},
      {"together_a_positive", ConstraintKind::check, {}, "a > 0"},
      {"together_b_c", ConstraintKind::check, {}, "b <> 'x' AND (c IS NULL OR c < 100)"}};
  model.comment = "it's a \\ table";
  return model;
}

}  // namespace

TEST(LiveSchemaMysql, EveryFieldTypeAndOptionReadsBackAsTheTableView) {
  MigratedDatabase db(Dialect::mysql);
  if (!db.available()) GTEST_SKIP() << "no MariaDB test server";
  Operations created;
  for (Model& model : columns_models()) created.push_back(std::make_shared<CreateModel>(model));
  for (FieldType type : integral_types) {
    created.push_back(std::make_shared<CreateModel>(key_model(type)));
    created.push_back(std::make_shared<CreateModel>(references_model(type)));
  }
  created.push_back(std::make_shared<CreateModel>(code_model()));
  created.push_back(std::make_shared<CreateModel>(together_model()));
  db.apply("shop", std::move(created));
  expect_reads_as_state(db.connection(), db.state());
}

// Objects added to an existing table (ALTER TABLE) read back as those created with it.
TEST(LiveSchemaMysql, FieldsIndexesAndConstraintsAddedLaterReadBackAsTheTableView) {
  MigratedDatabase db(Dialect::mysql);
  if (!db.available()) GTEST_SKIP() << "no MariaDB test server";
  db.apply("shop", Operations{std::make_shared<CreateModel>(key_model(FieldType::int64)),
                              std::make_shared<CreateModel>(together_model())});
  Field reference = make_field("key", FieldType::int64);
  reference.null = true;
  reference.references = Reference{{"shop", "Keyint64"}, OnDelete::cascade};
  Field unique = string_field("label", 30);
  unique.unique = true;
  unique.null = true;
  unique.comment = "added";
  db.apply(
      "shop",
      Operations{
          std::make_shared<AddField>("Together", reference),
          std::make_shared<AddField>("Together", unique),
          std::make_shared<AddIndex>("Together", Index{"later_idx", {"key", "a"}}),
          std::make_shared<AddConstraint>(
              "Together", Constraint{"later_check", ConstraintKind::check, {}, "c <> 5"}),
          std::make_shared<AddConstraint>(
              "Together", Constraint{"later_uniq", ConstraintKind::unique, {"label", "a"}, ""})});
  expect_reads_as_state(db.connection(), db.state());
}

namespace {

// A schema dbmig did not make, with one of each thing its models cannot say.
const std::vector<std::string> legacy_schema{
    "CREATE TABLE owners (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL "
    "DEFAULT 'n/a', mood ENUM('happy','sad') NOT NULL DEFAULT 'happy', doubled INT AS (id * 2) "
    "VIRTUAL, created DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), remark TEXT, "
    "INDEX owners_name_prefix (name(10)), INDEX owners_mood_idx (mood), "
    "CONSTRAINT owners_mood_check CHECK (mood <> 'sad' OR name <> ''), "
    "CONSTRAINT owners_name_check CHECK (name <> '')) ENGINE=InnoDB",
    "CREATE TABLE memberships (owner_id INT NOT NULL, group_id INT NOT NULL, PRIMARY KEY "
    "(owner_id, group_id), CONSTRAINT memberships_owner_fk FOREIGN KEY (owner_id) REFERENCES "
    "owners (id))",
    "CREATE TABLE events (happened DATETIME(6) NOT NULL, what VARCHAR(100))",
    "CREATE TABLE archive (id BIGINT NOT NULL PRIMARY KEY, body LONGTEXT, meta JSON, "
    "FULLTEXT INDEX archive_body_ft (body)) ENGINE=MyISAM COMMENT='old rows'",
    "CREATE TABLE pets (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, owner_id INT NULL, name "
    "VARCHAR(30) NOT NULL COMMENT 'called' CHECK (name <> ''), CONSTRAINT pets_owner_id_fk "
    "FOREIGN KEY (owner_id) REFERENCES owners (id) ON DELETE SET NULL, INDEX pets_name_idx "
    "(name))",
    "CREATE TABLE toys (id BIGINT NOT NULL PRIMARY KEY, pet_name VARCHAR(30), owner_id INT, "
    "group_id INT, code CHAR(3), small INT(5), CONSTRAINT toys_pet_fk FOREIGN KEY (pet_name) "
    "REFERENCES pets (name), CONSTRAINT toys_membership_fk FOREIGN KEY (owner_id, group_id) "
    "REFERENCES memberships (owner_id, group_id))",
    "CREATE TABLE gadgets (id INT NOT NULL PRIMARY KEY, seq BIGINT NOT NULL AUTO_INCREMENT, "
    "flag TINYINT(1) NOT NULL DEFAULT 5, hidden INT INVISIBLE, touched DATETIME(6) NULL ON "
    "UPDATE CURRENT_TIMESTAMP(6), member INT, owner INT, KEY gadgets_seq_key (seq), INDEX "
    "gadgets_desc (owner DESC), CONSTRAINT gadgets_member_fk FOREIGN KEY (member) REFERENCES "
    "memberships (owner_id), CONSTRAINT gadgets_owner_fk FOREIGN KEY (owner) REFERENCES owners "
    "(id), CONSTRAINT gadgets_owner_again_fk FOREIGN KEY (owner) REFERENCES owners (id) ON "
    "DELETE CASCADE)",
    "CREATE VIEW owner_names AS SELECT name FROM owners",
    "CREATE TRIGGER pets_trim BEFORE INSERT ON pets FOR EACH ROW SET NEW.name = TRIM(NEW.name)",
};

Model table_named(const std::string& name) {
  Model table;
  table.name = table.table = name;
  return table;
}

}  // namespace

TEST(LiveSchemaMysql, ALegacySchemaReadsWhatTheModelsCanSayAndNotesTheRest) {
  MigratedDatabase db(Dialect::mysql);
  if (!db.available()) GTEST_SKIP() << "no MariaDB test server";
  for (const std::string& statement : legacy_schema) db.connection().execute(statement);
  LiveSchema schema = read_live_schema(db.connection());

  auto left_out = [](const std::string& why) { return why + "; left out"; };
  std::vector<SchemaNote> expected_notes{
      {"archive", "column meta", "type json: no dbmig field type; left out"},
      {"archive", "index archive_body_ft",
       left_out("a FULLTEXT index: dbmig writes BTREE indexes")},
      {"archive", "table archive",
       "engine MyISAM: dbmig creates InnoDB tables (foreign keys, transactions); read as if "
       "InnoDB"},
      {"events", "table events", left_out("no primary key: every dbmig model has exactly one")},
      {"gadgets", "column flag",
       "default 5: not a literal dbmig writes for a bool column; read without the default"},
      {"gadgets", "column hidden",
       "INVISIBLE: dbmig writes no such column attribute; read without it"},
      {"gadgets", "column seq",
       "AUTO_INCREMENT on a column that is not the primary key: dbmig writes it only on the "
       "primary key; read without it"},
      {"gadgets", "column touched",
       "on update current_timestamp(6): dbmig writes no such column attribute; read without it"},
      {"gadgets", "foreign key gadgets_member_fk",
       "to table memberships, which is left out; left out"},
      {"gadgets", "foreign key gadgets_owner_fk",
       "a second foreign key over owner: a dbmig field has one reference; left out"},
      {"gadgets", "index gadgets_desc", left_out("descending on owner: dbmig indexes ascending")},
      {"memberships", "table memberships",
       left_out("composite primary key (owner_id, group_id): a dbmig model has a single-column "
                "one")},
      {"owner_names", "view owner_names", "a view: no dbmig model; left out"},
      {"owners", "check owners_mood_check", "over column mood, which is left out; left out"},
      {"owners", "column created",
       "default current_timestamp(6): not a literal dbmig writes for a timestamp column; read "
       "without the default"},
      {"owners", "column doubled",
       "a generated column (VIRTUAL GENERATED): dbmig has no computed fields; left out"},
      {"owners", "column mood", "type enum('happy','sad'): no dbmig field type; left out"},
      {"owners", "column remark", "type text: no dbmig field type; left out"},
      {"owners", "index owners_mood_idx", "over column mood, which is left out; left out"},
      {"owners", "index owners_name_prefix",
       left_out("a prefix index (name(10)): dbmig indexes whole columns")},
      {"pets_trim", "trigger pets_trim", "a trigger on table pets: no dbmig model; left out"},
      {"toys", "column code", "type char(3): no dbmig field type; left out"},
      {"toys", "column small", "type int(5): no dbmig field type; left out"},
      {"toys", "foreign key toys_membership_fk",
       "over (owner_id, group_id): a dbmig reference is one column to a primary key; left out"},
      {"toys", "foreign key toys_pet_fk",
       "to pets.name, not the primary key: a dbmig reference is to a primary key; left out"},
  };
  EXPECT_EQ(schema.notes, expected_notes);

  Model archive = table_named("archive");
  archive.comment = "old rows";
  archive.fields = {
      with(make_field("id", FieldType::int64), [](Field& f) { f.primary_key = true; }),
      with(make_field("body", FieldType::string), [](Field& f) { f.null = true; })};
  Model owners = table_named("owners");
  owners.fields = {with(make_field("id", FieldType::int32),
                        [](Field& f) {
                          f.primary_key = true;
                          f.auto_increment = true;
                        }),
                   with(make_field("name", FieldType::string),
                        [](Field& f) {
                          f.max_length = 50;
                          f.default_value = std::string("n/a");
                        }),
                   make_field("created", FieldType::timestamp)};
  owners.constraints = {{"owners_name_check", ConstraintKind::check, {}, "`name` <> ''"}};
  Model pets = table_named("pets");
  pets.fields = {with(make_field("id", FieldType::int64),
                      [](Field& f) {
                        f.primary_key = true;
                        f.auto_increment = true;
                      }),
                 with(make_field("owner_id", FieldType::int32),
                      [](Field& f) {
                        f.null = true;
                        f.references = Reference{{"", "owners"}, OnDelete::set_null};
                      }),
                 with(make_field("name", FieldType::string), [](Field& f) {
                   f.max_length = 30;
                   f.index = true;
                   f.comment = "called";
                 })};
  // A column-level check is a check like any other, named by its column.
  pets.constraints = {{"name", ConstraintKind::check, {}, "`name` <> ''"}};
  Model toys = table_named("toys");
  auto nullable = [](Field& f) { f.null = true; };
  toys.fields = {with(make_field("id", FieldType::int64), [](Field& f) { f.primary_key = true; }),
                 with(make_field("pet_name", FieldType::string),
                      [](Field& f) {
                        f.null = true;
                        f.max_length = 30;
                      }),
                 with(make_field("owner_id", FieldType::int32), nullable),
                 with(make_field("group_id", FieldType::int32), nullable)};
  // The indexes InnoDB made for the keys left out are indexes of the table like any other.
  toys.indexes = {{"toys_membership_fk", {"owner_id", "group_id"}}, {"toys_pet_fk", {"pet_name"}}};
  Model gadgets = table_named("gadgets");
  gadgets.fields = {
      with(make_field("id", FieldType::int32), [](Field& f) { f.primary_key = true; }),
      make_field("seq", FieldType::int64),
      make_field("flag", FieldType::boolean),
      with(make_field("hidden", FieldType::int32), nullable),
      with(make_field("touched", FieldType::timestamp), nullable),
      with(make_field("member", FieldType::int32), nullable),
      with(make_field("owner", FieldType::int32), [](Field& f) {
        f.null = true;
        f.references = Reference{{"", "owners"}, OnDelete::cascade};
      })};
  gadgets.indexes = {{"gadgets_member_fk", {"member"}}, {"gadgets_seq_key", {"seq"}}};
  std::vector<std::string> tables;
  for (const Model& table : schema.tables) tables.push_back(table.table);
  ASSERT_EQ(tables, (std::vector<std::string>{"archive", "gadgets", "owners", "pets", "toys"}));
  for (const Model& expected : {archive, gadgets, owners, pets, toys})
    expect_same_table(*schema.find(expected.table), expected);
}

// A few bulk queries whatever the number of tables, never one per table.
TEST(LiveSchemaMysql, TheQueriesDoNotGrowWithTheTables) {
  MigratedDatabase db(Dialect::mysql);
  if (!db.available()) GTEST_SKIP() << "no MariaDB test server";
  db.apply("shop", std::make_shared<CreateModel>(key_model(FieldType::int64)));
  int for_one_table = catalog_queries(db.connection());
  Operations created;
  for (int i = 0; i < 40; ++i) {
    Model model = model_named("Many" + std::to_string(i), "many_" + std::to_string(i));
    model.fields = {auto_key(), string_field("name", 20), make_field("key", FieldType::int64)};
    model.fields[1].index = true;
    model.fields[2].references = Reference{{"shop", "Keyint64"}, OnDelete::cascade};
    model.constraints = {{model.table + "_check", ConstraintKind::check, {}, "name <> ''"}};
    created.push_back(std::make_shared<CreateModel>(model));
  }
  db.apply("shop", std::move(created));
  EXPECT_EQ(catalog_queries(db.connection()), for_one_table);
  EXPECT_LE(for_one_table, 8);
}

}  // namespace dbmig::test
