// No change of a column alters data silently: every narrowing, widening, NULL/NOT NULL and type
// change, run through MigrationExecutor (the path of `dbmig migrate`) on a table of a few
// thousand rows with edge values and a child table pointing at it, either keeps every value or
// is refused before anything changes (schema as it was, migration not recorded). MariaDB runs
// with an empty GLOBAL sql_mode: dbmig's session sets its own strict mode.
#include <functional>

#include <gtest/gtest.h>

#include "catalog.hpp"
#include "dbmig/error.hpp"
#include "migrate_fixtures.hpp"
#include "row_values.hpp"
#include "sql_execution.hpp"

namespace dbmig::test {

namespace {

constexpr int parent_rows = 2000;
constexpr int child_rows = 1000;

Field value_field(FieldType type, bool null = true) {
  Field field;
  field.name = "value";
  field.type = type;
  field.null = null;
  return field;
}

Field string_field(std::optional<int> max_length, bool null = true) {
  Field field = value_field(FieldType::string, null);
  field.max_length = max_length;
  return field;
}

Field decimal_field(int precision, int scale) {
  Field field = value_field(FieldType::decimal);
  field.precision = precision;
  field.scale = scale;
  return field;
}

Field not_null(Field field, std::optional<Literal> default_value = std::nullopt) {
  field.null = false;
  field.default_value = std::move(default_value);
  return field;
}

// Where a change is refused: PostgreSQL, MariaDB, SQLite (which enforces no length or
// precision, so it keeps what the others refuse, except integers that REAL would round and
// integers outside a narrower type, which its range check refuses).
struct Refused {
  bool postgresql, mysql, sqlite;
  bool on(Dialect dialect) const {
    return dialect == Dialect::postgresql ? postgresql : dialect == Dialect::mysql ? mysql : sqlite;
  }
};
constexpr Refused nowhere{false, false, false};
constexpr Refused everywhere{true, true, true};
constexpr Refused except_sqlite{true, true, false};

struct Case {
  std::string name;
  Field from, to;
  std::vector<std::string> values;  // SQL literals of `from`'s type, repeated over the rows
  Refused refused;
  std::optional<Literal> fill_value = std::nullopt;  // AlterField's, for NULLs
};

// Each narrowing once with values that fit (kept, and the way back too) and once with one that
// does not (refused); widenings; NULL and NOT NULL; type changes both ways.
std::vector<Case> cases() {
  const Field int64 = value_field(FieldType::int64);
  const Field float64 = value_field(FieldType::float64);
  const Field timestamp = value_field(FieldType::timestamp);
  const Field date = value_field(FieldType::date);
  const Field boolean = value_field(FieldType::boolean);
  return {
      {"varchar shrink, values fit",
       string_field(100),
       string_field(5),
       {"'abcde'", "''", "NULL", "'x'", "'ab''c'"},
       nowhere},
      {"varchar shrink, one value too long",
       string_field(100),
       string_field(5),
       {"'abcde'", "'abcdef'", "NULL"},
       except_sqlite},
      {"text to varchar, values fit",
       string_field(std::nullopt),
       string_field(11),
       {"'hello world'", "NULL"},
       nowhere},
      {"text to varchar, one value too long",
       string_field(std::nullopt),
       string_field(10),
       {"'hello'", "'hello world'"},
       except_sqlite},
      {"decimal widened",
       decimal_field(10, 4),
       decimal_field(14, 6),
       {"123456.1234", "-999999.9999", "0", "NULL"},
       nowhere},
      {"decimal precision shrink, values fit",
       decimal_field(10, 4),
       decimal_field(6, 4),
       {"12.3456", "-99.9999", "NULL"},
       nowhere},
      {"decimal precision shrink, one value too big",
       decimal_field(10, 4),
       decimal_field(6, 4),
       {"12.3456", "123456.1234"},
       except_sqlite},
      {"decimal scale shrink, values fit",
       decimal_field(10, 4),
       decimal_field(8, 2),
       {"123456.12", "-0.5", "NULL"},
       nowhere},
      {"decimal scale shrink, one value would round",
       decimal_field(10, 4),
       decimal_field(10, 2),
       {"1.25", "1.2345"},
       except_sqlite},
      {"integer width shrink, values fit",
       int64,
       value_field(FieldType::int16),
       {"32767", "-32768", "0", "NULL"},
       nowhere},
      {"integer width shrink, one value too big",
       int64,
       value_field(FieldType::int16),
       {"1", "32768"},
       everywhere},
      {"signed to unsigned, one negative value",
       int64,
       value_field(FieldType::uint8),
       {"255", "-1"},
       everywhere},
      {"double to float, values fit",
       float64,
       value_field(FieldType::float32),
       {"1.5", "-2.25", "NULL"},
       nowhere},
      {"double to float, one value would round",
       float64,
       value_field(FieldType::float32),
       {"1.5", "0.1"},
       except_sqlite},
      {"double to integer, whole values", float64, int64, {"2", "-7", "NULL"}, nowhere},
      {"double to integer, one fraction", float64, int64, {"2", "1.5"}, except_sqlite},
      {"integer to double, one beyond 2^53", int64, float64, {"5", "9007199254740993"}, everywhere},
      {"decimal to integer, one fraction",
       decimal_field(10, 4),
       int64,
       {"3", "3.5"},
       except_sqlite},
      {"integer to varchar, values fit", int64, string_field(3), {"123", "-12", "NULL"}, nowhere},
      {"integer to varchar, one value too long",
       int64,
       string_field(3),
       {"123", "1234"},
       except_sqlite},
      {"varchar to integer, numbers", string_field(20), int64, {"'42'", "'-7'", "NULL"}, nowhere},
      {"varchar to integer, one word", string_field(20), int64, {"'42'", "'abc'"}, except_sqlite},
      {"timestamp to date, midnights", timestamp, date, {"'2024-01-02 00:00:00'", "NULL"}, nowhere},
      {"timestamp to date, one time of day",
       timestamp,
       date,
       {"'2024-01-02 00:00:00'", "'2024-01-02 10:11:12'"},
       except_sqlite},
      {"boolean to integer", boolean, int64, {"TRUE", "FALSE", "NULL"}, nowhere},
      // MariaDB's BOOLEAN is a TINYINT and keeps 5; SQLite keeps any value.
      {"integer to boolean, one neither 0 nor 1", int64, boolean, {"1", "5"}, {true, false, false}},
      {"NOT NULL, no NULLs", string_field(10), string_field(10, false), {"'a'", "''"}, nowhere},
      {"NOT NULL, one NULL",
       string_field(10),
       string_field(10, false),
       {"'a'", "NULL"},
       everywhere},
      {"integer NOT NULL, one NULL",
       int64,
       value_field(FieldType::int64, false),
       {"0", "NULL"},
       everywhere},
      {"varchar to decimal, values fit",
       string_field(20),
       decimal_field(5, 2),
       {"'1.50'", "'-2.25'", "NULL"},
       nowhere},
      {"varchar to decimal, one value would round",
       string_field(20),
       decimal_field(5, 2),
       {"'1.50'", "'1.234'"},
       except_sqlite},
      // The NULLs stay NULL when the change is refused: nothing is filled before the refusal.
      {"NOT NULL with a fill value, one value would round",
       int64,
       not_null(float64),
       {"5", "9007199254740993", "NULL"},
       everywhere,
       Literal{0.0}},
      // MySQL commits each statement: the new type is taken before any NULL is filled.
      {"NOT NULL with a fill value, values fit",
       string_field(100),
       string_field(5, false),
       {"'abc'", "NULL"},
       nowhere,
       Literal{std::string("x")}},
      {"NOT NULL with a fill value, one value too long",
       string_field(100),
       string_field(5, false),
       {"'abc'", "'abcdef'", "NULL"},
       except_sqlite,
       Literal{std::string("x")}},
      {"NOT NULL with a fill value, one value out of range",
       int64,
       not_null(value_field(FieldType::int16)),
       {"1", "40000", "NULL"},
       everywhere,
       Literal{std::int64_t{0}}},
      {"NOT NULL with a new default, one negative value",
       int64,
       not_null(value_field(FieldType::uint8), Literal{std::int64_t{7}}),
       {"255", "-1", "NULL"},
       everywhere},
  };
}

std::string app_of(std::size_t index) {
  return "c" + std::to_string(index);
}

std::shared_ptr<AlterField> altered(const Case& c) {
  auto operation = std::make_shared<AlterField>("Item", c.to);
  operation->fill_value = c.fill_value;
  return operation;
}

// Per case, an app whose 0001 creates Item (the case's column) and Part (a foreign key to
// Item), and whose 0002 alters the column.
std::vector<Migration> history(const std::vector<Case>& all) {
  std::vector<Migration> migrations;
  for (std::size_t i = 0; i < all.size(); ++i) {
    Field item_id = int64_field("item_id");
    item_id.references = Reference{{app_of(i), "Item"}, OnDelete::cascade};
    migrations.push_back(make_migration(app_of(i), "0001_initial", {},
                                        {create_model("Item", {primary_key(), all[i].from}),
                                         create_model("Part", {primary_key(), item_id})}));
    migrations.push_back(
        make_migration(app_of(i), "0002_change", {{app_of(i), "0001_initial"}}, {altered(all[i])}));
  }
  return migrations;
}

// Multi-row INSERTs of `rows` rows, row n (from 1) made by `row(n)`.
void insert_rows(Connection& connection, const std::string& table, const std::string& columns,
                 int rows, const std::function<std::string(int)>& row) {
  constexpr int batch = 500;
  for (int first = 1; first <= rows; first += batch) {
    std::string sql = "INSERT INTO " + table + " (" + columns + ") VALUES ";
    for (int n = first; n < first + batch && n <= rows; ++n)
      sql += (n == first ? "(" : ", (") + row(n) + ")";
    connection.execute(sql);
  }
}

void fill(Connection& connection, const std::string& app, const Case& c) {
  insert_rows(connection, app + "_item", "id, value", parent_rows, [&](int n) {
    return std::to_string(n) + ", " + c.values[static_cast<std::size_t>(n) % c.values.size()];
  });
  insert_rows(connection, app + "_part", "id, item_id", child_rows,
              [](int n) { return std::to_string(n) + ", " + std::to_string(n * 2); });
}

// Every value of the column, by id, and the table's row counts.
struct Snapshot {
  std::vector<std::string> values;
  long long parts = 0, joined_parts = 0;
  std::string column_type;
  bool nullable = false;
};

Snapshot snapshot(Connection& connection, const std::string& app) {
  Snapshot snap;
  soci::session& session = connection.session();
  // SQLite's driver reads a value as the column's declared type (1.5 in an INTEGER column as
  // 1): read what is stored.
  std::string value = connection.dialect() == Dialect::sqlite ? "CAST(value AS TEXT)" : "value";
  soci::rowset<soci::row> rows = session.prepare
                                 << "SELECT " + value + " FROM " + app + "_item ORDER BY id";
  for (const auto& row : rows) snap.values.push_back(canonical(row, 0));
  snap.parts = count_rows(session, app + "_part");
  session << "SELECT COUNT(*) FROM " + app + "_part p JOIN " + app + "_item i ON i.id = p.item_id",
      soci::into(snap.joined_parts);
  auto table = read_table(session, connection.dialect(), app + "_item");
  if (const CatalogColumn* column = table ? table->column("value") : nullptr) {
    snap.column_type = column->type;
    snap.nullable = column->nullable;
  }
  return snap;
}

// The snapshot after a kept change: the NULLs of a column becoming NOT NULL filled.
Snapshot with_nulls_filled(Snapshot snap, const Case& c) {
  auto value = null_replacement(c.from, c.to, c.fill_value);
  if (!value) return snap;
  for (auto& stored : snap.values)
    if (stored == "NULL") stored = canonical(*value);
  return snap;
}

void expect_same_data(const Snapshot& before, const Snapshot& after, const std::string& where) {
  EXPECT_EQ(after.values.size(), static_cast<std::size_t>(parent_rows)) << where;
  EXPECT_EQ(after.values, before.values) << where;
  EXPECT_EQ(after.parts, child_rows) << where;
  EXPECT_EQ(after.joined_parts, child_rows) << where;
}

// Applies the case's change: refused (an error naming migration and operation, data, column
// and records as before) or kept (every value as before but NULLs filled, and again after
// unapplying it).
void expect_kept_or_refused(ExecutorHarness& db, const MigrationGraph& graph, Dialect dialect,
                            const Case& c, const std::string& app) {
  Connection& connection = *db.connection;
  std::string where = std::string(to_string(dialect)) + ": " + c.name;
  bool refused = c.refused.on(dialect);
  Snapshot before = snapshot(connection, app);
  ASSERT_EQ(before.values.size(), static_cast<std::size_t>(parent_rows)) << where;
  try {
    auto forwards = db.executor(graph);
    forwards.run(forwards.plan_to({app, "0002_change"}), {}, 2);
    EXPECT_FALSE(refused) << where << ": not refused";
  } catch (const DatabaseError& e) {
    std::string message = e.what();
    EXPECT_TRUE(refused) << where << ": refused: " << message;
    for (std::string part :
         {"migration " + app + ".0002_change", std::string("operation: Alter field value on Item"),
          std::string("is not recorded")})
      EXPECT_NE(message.find(part), std::string::npos) << where << ": " << message;
  }
  Snapshot after = snapshot(connection, app);
  Snapshot expected = refused ? before : with_nulls_filled(before, c);
  expect_same_data(expected, after, where);
  if (refused) {
    EXPECT_EQ(after.column_type, before.column_type) << where;
    EXPECT_EQ(after.nullable, before.nullable) << where;
    EXPECT_FALSE(db.executor(graph).plan_to({app, "0002_change"}).empty()) << where;
    return;
  }
  // The way back: the opposite change, on values that came from the old column.
  auto backwards = db.executor(graph);
  backwards.run(backwards.plan_to({app, "0001_initial"}), {}, 3);
  Snapshot restored = snapshot(connection, app);
  expect_same_data(expected, restored, where + " (unapplied)");
  EXPECT_EQ(restored.column_type, before.column_type) << where;
}

}  // namespace

TEST(DataSafety, EveryColumnChangeKeepsEveryValueOrIsRefusedBeforeChangingAnything) {
  const auto all = cases();
  MigrationGraph graph(history(all));
  for (Dialect dialect : test_dialects()) {
    auto db = with_empty_global_sql_mode(
        dialect, [&] { return std::make_unique<ExecutorHarness>(dialect); });
    ASSERT_TRUE(db->connection);
    auto creating = db->executor(graph);
    for (std::size_t i = 0; i < all.size(); ++i)
      creating.run(creating.plan_to({app_of(i), "0001_initial"}), {}, 1);
    db->connection->session().begin();  // one commit for all the rows
    for (std::size_t i = 0; i < all.size(); ++i) fill(*db->connection, app_of(i), all[i]);
    db->connection->session().commit();
    for (std::size_t i = 0; i < all.size(); ++i)
      expect_kept_or_refused(*db, graph, dialect, all[i], app_of(i));
  }
}

}  // namespace dbmig::test
