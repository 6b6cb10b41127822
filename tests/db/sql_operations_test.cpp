// Every schema change of sql_fixtures.hpp, migrated as `dbmig migrate` runs it on real SQLite,
// PostgreSQL and MariaDB, on tables holding rows with a value in every column: forwards, the
// catalog equals the new state and every row holds the values the change gives it (kept,
// converted to the new type, renamed, a new column's default, NULLs filled); backwards, the
// catalog equals the old state again and so do the values, but for a column the change had
// dropped. A change the database cannot run is refused before anything changes. The online
// forms the same (run outside a transaction: CREATE INDEX CONCURRENTLY cannot run inside one),
// but for the changes MariaDB refuses to make without blocking, which it refuses by itself.
#include <functional>
#include <map>
#include <set>

#include "dbmig/error.hpp"
#include "row_values.hpp"
#include "sql_execution.hpp"

namespace dbmig::test {

namespace {

// Field name -> the value as canonical() reads it, for each row in primary key order.
using Rows = std::vector<std::map<std::string, std::string>>;

// Field name -> SQL literal, per row to insert.
using Inserts = std::vector<std::map<std::string, std::string>>;

// Values for every column of the blog models that survive each change of the cases
// (decimals of one place, floats exact in 32 bits, distinct titles), with NULLs and edges.
Inserts users_rows(Dialect dialect) {
  return {{{"email", "'a@example.com'"},
           {"name", "'it''s'"},
           {"age", "255"},
           {"balance", "12.3"},
           {"joined_at", "'2024-01-02 03:04:05'"},
           {"born", "'2024-02-29'"},
           {"avatar", bytes_literal(dialect, "00ff10")},
           {"score", "1.5"},
           {"rank", "0.25"},
           {"level", "-3"},
           {"visits", "9007199254740993"}},
          {{"email", "'b@example.com'"},
           {"name", "'Émile'"},
           {"age", "NULL"},
           {"balance", "-7"},
           {"joined_at", "NULL"},
           {"born", "NULL"},
           {"avatar", "NULL"},
           {"score", "-2.5"},
           {"rank", "NULL"},
           {"level", "100"},
           {"visits", "0"}},
          {{"email", "'c@example.com'"}, {"age", "0"}}};
}

Inserts blogs_rows() {
  return {{{"title", "'t1'"},
           {"body", "'first'"},
           {"active", "TRUE"},
           {"user_id", "1"},
           {"subtitle", "'sub'"},
           {"created_at", "'2024-01-02 03:04:05'"}},
          {{"title", "'t2'"},
           {"body", "''"},
           {"active", "FALSE"},
           {"user_id", "1"},
           {"created_at", "'2023-12-31 23:59:59'"}},
          {{"title", "'t3'"}, {"body", "'x'"}, {"user_id", "2"}, {"created_at", "'2024-06-01'"}}};
}

void insert(soci::session& session, const SchemaEditor& editor, const Model& model,
            const Inserts& rows) {
  for (const auto& row : rows) {
    std::string columns, values;
    for (const auto& [name, value] : row) {
      columns += (columns.empty() ? "" : ", ") + editor.quote_name(name);
      values += (values.empty() ? "" : ", ") + value;
    }
    session << "INSERT INTO " + editor.quote_name(model.table) + " (" + columns + ") VALUES (" +
                   values + ")";
  }
}

Rows read_rows(soci::session& session, const SchemaEditor& editor, const Model& model) {
  std::string columns;
  for (const auto& field : model.fields)
    columns += (columns.empty() ? "" : ", ") + stored_value(editor, field);
  const Field* key = model.primary_key();
  soci::rowset<soci::row> result =
      session.prepare << "SELECT " + columns + " FROM " + editor.quote_name(model.table) +
                             " ORDER BY " + editor.quote_name(key->column_name());
  Rows rows;
  for (const auto& row : result) {
    auto& values = rows.emplace_back();
    for (std::size_t i = 0; i < model.fields.size(); ++i)
      values[model.fields[i].name] = canonical(row, i);
  }
  return rows;
}

std::map<ModelKey, Rows> read_all(soci::session& session, const SchemaEditor& editor,
                                  const ProjectState& state) {
  std::map<ModelKey, Rows> all;
  for (const auto& [key, model] : state.models) all[key] = read_rows(session, editor, model);
  return all;
}

// What one side of a change calls what the other side calls otherwise: the renames the
// operation makes, seen from the side the values go to.
struct Renames {
  std::map<ModelKey, ModelKey> models;                             // to -> from
  std::map<std::pair<ModelKey, std::string>, std::string> fields;  // (to model, to field) -> from
};

Renames renames_of(const SchemaChangeCase& change, bool forwards) {
  Renames renames;
  auto add_model = [&](ModelKey old_key, ModelKey new_key) {
    if (forwards)
      renames.models[new_key] = old_key;
    else
      renames.models[old_key] = new_key;
  };
  if (auto* rename = dynamic_cast<const RenameModel*>(change.operation.get()))
    add_model({change.app, rename->old_name}, {change.app, rename->new_name});
  if (auto* rename = dynamic_cast<const RenameField*>(change.operation.get())) {
    ModelKey key{change.app, rename->model};
    if (forwards)
      renames.fields[{key, rename->new_name}] = rename->old_name;
    else
      renames.fields[{key, rename->old_name}] = rename->new_name;
  }
  return renames;
}

std::optional<Literal> fill_value_of(const SchemaChangeCase& change, bool forwards) {
  auto* alter = dynamic_cast<const AlterField*>(change.operation.get());
  return forwards && alter ? alter->fill_value : std::nullopt;
}

// The values each table holds once `values` (of `from`) went through the change to `to`: a
// kept field keeps its value (its NULLs filled when it becomes NOT NULL), a new field holds its
// default or NULL, a dropped field is gone.
std::map<ModelKey, Rows> expected_values(const std::map<ModelKey, Rows>& values,
                                         const ProjectState& from, const ProjectState& to,
                                         const SchemaChangeCase& change, bool forwards) {
  Renames renames = renames_of(change, forwards);
  std::map<ModelKey, Rows> expected;
  for (const auto& [key, model] : to.models) {
    ModelKey source_key = renames.models.count(key) ? renames.models.at(key) : key;
    const Model& source = from.get(source_key);
    for (const auto& source_row : values.at(source_key)) {
      auto& row = expected[key].emplace_back();
      for (const auto& field : model.fields) {
        auto renamed = renames.fields.find({key, field.name});
        const Field* old_field =
            source.find_field(renamed != renames.fields.end() ? renamed->second : field.name);
        std::string value = old_field ? source_row.at(old_field->name) : "NULL";
        std::optional<Literal> replacement =
            old_field ? null_replacement(*old_field, field, fill_value_of(change, forwards))
                      : field.default_value;
        row[field.name] = value == "NULL" && replacement ? canonical(*replacement) : value;
      }
    }
  }
  return expected;
}

void expect_catalog(soci::session& session, Dialect dialect, const ProjectState& state) {
  for (const auto& [key, model] : state.models)
    EXPECT_EQ(catalog_differences(session, dialect, state, key), std::vector<std::string>{})
        << model.table;
}

// Table by table, so a difference names its table.
void expect_values(const std::map<ModelKey, Rows>& actual, const std::map<ModelKey, Rows>& expected,
                   const std::string& when) {
  EXPECT_EQ(actual.size(), expected.size()) << when;
  for (const auto& [key, rows] : expected) {
    auto found = actual.find(key);
    ASSERT_NE(found, actual.end()) << when << ": no rows read for " << key.str();
    EXPECT_EQ(found->second, rows) << when << ": " << key.str();
  }
}

// The online cases MariaDB refuses to run without copying the table or blocking writes: a
// type change InnoDB cannot make in place (docs/online-schema-changes.md "MySQL / MariaDB"),
// forwards, or backwards only (narrowing the VARCHAR back).
const std::set<std::string> kMariadbRefusesOnline{
    "OnlineAlterFieldUnsignedWidth",   "OnlineAlterFieldIntegerNarrower",
    "OnlineAlterFieldDateToTimestamp", "OnlineAlterFieldDecimalScale",
    "OnlineAlterFieldIntegerToFloat",  "OnlineAlterFieldBooleanToBigint",
    "OnlineAlterReferencedTable"};
const std::set<std::string> kMariadbRefusesOnlineBackwards{"OnlineAlterFieldTypeNullAndDefault"};

bool refused_online(const SchemaChangeCase& change, Dialect dialect,
                    const std::set<std::string>& cases) {
  return dialect == Dialect::mysql && cases.count(change.name) > 0;
}

// The refusal of an online form: the statement with its clause, and the server's reason.
void expect_refused_online(const std::function<void()>& migrate) {
  try {
    migrate();
    ADD_FAILURE() << "MariaDB ran the online form";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find(", ALGORITHM=INPLACE, LOCK=NONE\n  database: "
                                         "ALGORITHM=INPLACE is not supported"),
              std::string::npos)
        << e.what();
  }
}

bool renders(const SchemaChangeCase& change, const SchemaEditor& editor) {
  try {
    change.forwards(editor);
    return true;
  } catch (const InputError&) {
    return false;
  }
}

}  // namespace

// Named in gtest's messages rather than dumped as bytes.
void PrintTo(const SchemaChangeCase& change, std::ostream* out) {
  *out << change.name;
}

class SqlOperationExecution : public ::testing::TestWithParam<SchemaChangeCase> {};

TEST_P(SqlOperationExecution, ForwardsAndBackwardsKeepEveryValueAndMatchTheState) {
  const SchemaChangeCase& change = GetParam();
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    MigratedDatabase db(dialect);
    if (!db.available()) continue;
    auto editor = make_schema_editor(dialect);
    soci::session& session = db.session();
    for (const auto& [key, model] : change.before.models)  // accounts (users) before blog
      db.apply(key.app, std::make_shared<CreateModel>(model));
    const Model& users = change.before.models.begin()->second;
    insert(session, *editor, users, users_rows(dialect));
    insert(session, *editor, change.before.get(blogs_key), blogs_rows());
    auto before = read_all(session, *editor, change.before);

    if (!renders(change, *editor)) {
      EXPECT_THROW(db.apply(change.app, change.operation), InputError);
      expect_catalog(session, dialect, change.before);
      expect_values(read_all(session, *editor, change.before), before, "refused");
      continue;
    }
    if (refused_online(change, dialect, kMariadbRefusesOnline)) {
      expect_refused_online([&] { db.apply(change.app, change.operation); });
      continue;
    }
    db.apply(change.app, change.operation);
    expect_catalog(session, dialect, change.after);
    auto after = read_all(session, *editor, change.after);
    expect_values(after, expected_values(before, change.before, change.after, change, true),
                  "forwards");

    if (refused_online(change, dialect, kMariadbRefusesOnlineBackwards)) {
      expect_refused_online([&] { db.unapply_last(); });
      continue;
    }
    db.unapply_last();
    expect_catalog(session, dialect, change.before);
    expect_values(read_all(session, *editor, change.before),
                  expected_values(after, change.after, change.before, change, false), "backwards");
  }
}

INSTANTIATE_TEST_SUITE_P(AllOperations, SqlOperationExecution,
                         ::testing::ValuesIn(schema_change_cases()),
                         [](const auto& info) { return info.param.name; });

}  // namespace dbmig::test
