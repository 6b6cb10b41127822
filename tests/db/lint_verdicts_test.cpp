// The lint's blocking verdicts proved on the real databases, case by case over a type x change
// matrix: each operation's SQL runs on a table with rows and the database says what it did.
//   PostgreSQL: pg_class.relfilenode changes exactly when the lint reports PG101 (rewrite).
//   MariaDB: each DDL statement is run with ALGORITHM=INSTANT, else ALGORITHM=INPLACE,
//     LOCK=NONE, else plainly; INSTANT is refused exactly when the lint reports MY101 or MY102,
//     both exactly when it reports MY101.
//   SQLite: the table's rootpage (a new b-tree) changes exactly when the lint reports LT101.
#include <functional>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "dbmig/connection.hpp"
#include "dbmig/error.hpp"
#include "dbmig/lint.hpp"
#include "migrate_fixtures.hpp"

namespace dbmig::test {
namespace {

const std::string kTable = "lint_item";

Field field_of_type(const std::string& name, FieldType type, bool null = true) {
  Field field;
  field.name = name;
  field.type = type;
  field.null = null;
  return field;
}

Field text(std::optional<int> max_length) {
  Field field = field_of_type("subject", FieldType::string);
  field.max_length = max_length;
  return field;
}

Field decimal(int precision, int scale) {
  Field field = field_of_type("subject", FieldType::decimal);
  field.precision = precision;
  field.scale = scale;
  return field;
}

Field typed(FieldType type) {
  return field_of_type("subject", type);
}

Model parent_model() {
  Model model;
  model.app = "shop";
  model.name = "Parent";
  model.table = "lint_parent";
  model.fields = {primary_key()};
  return model;
}

// lint_item: id, subject (the case's field), other (int64), label (VARCHAR(20)).
Model item_model(const Field& subject) {
  Model model;
  model.app = "shop";
  model.name = "Item";
  model.table = kTable;
  Field label = text(20);
  label.name = "label";
  model.fields = {primary_key(), subject, field_of_type("other", FieldType::int64), label};
  return model;
}

// The `row`th value (1 to 3) of `field`'s type: values every change of the matrix keeps (no
// rounding, fits), distinct but for booleans.
Literal sample_value(const Field& field, int row) {
  std::string digit = std::to_string(row);
  switch (field.type) {
    case FieldType::boolean:
      return true;
    case FieldType::float32:
    case FieldType::float64:
      return double(row);
    case FieldType::string:
      return digit;
    case FieldType::date:
      return "2024-01-0" + digit;
    case FieldType::timestamp:
      return "2024-01-0" + digit + " 00:00:00";
    default:
      return std::int64_t{row};
  }
}

struct VerdictCase {
  std::string name;
  Field subject;  // the subject field before the change
  std::function<OperationPtr()> operation;
  std::function<void(Model&)> prepare = [](Model&) {};  // more of the table before the change
};

Field with(Field field, const std::function<void(Field&)>& change) {
  change(field);
  return field;
}

OperationPtr alter_to(Field to) {
  to.name = "subject";
  return std::make_shared<AlterField>("Item", std::move(to));
}

std::vector<VerdictCase> verdict_cases() {
  using T = FieldType;
  std::vector<VerdictCase> cases;
  // Type changes.
  std::vector<std::pair<Field, Field>> types{
      {typed(T::int16), typed(T::int32)},
      {typed(T::int32), typed(T::int64)},
      {typed(T::int64), typed(T::int32)},
      {typed(T::int8), typed(T::int16)},
      {typed(T::uint16), typed(T::int32)},
      {typed(T::uint32), typed(T::int64)},
      {typed(T::int32), typed(T::uint32)},
      {typed(T::float32), typed(T::float64)},
      {typed(T::float64), typed(T::float32)},
      {typed(T::boolean), typed(T::int32)},
      {typed(T::int32), text(20)},
      {text(20), text(40)},
      {text(20), text(100)},
      {text(40), text(20)},
      {text(20), text(std::nullopt)},
      {text(std::nullopt), text(20)},
      {text(20), typed(T::int32)},
      {decimal(5, 2), decimal(7, 2)},
      {decimal(5, 2), decimal(7, 3)},
      {decimal(7, 2), decimal(5, 2)},
      {typed(T::int32), decimal(12, 0)},
      {typed(T::date), typed(T::timestamp)},
      {typed(T::timestamp), typed(T::date)},
  };
  for (const auto& [from, to] : types)
    cases.push_back(
        {"AlterField " + std::string(to_string(from.type)) +
             (from.max_length ? std::to_string(*from.max_length) : "") + " to " +
             std::string(to_string(to.type)) +
             (to.max_length ? std::to_string(*to.max_length) : "") +
             (to.type == T::decimal ? std::to_string(to.precision) + "," + std::to_string(to.scale)
                                    : ""),
         from, [to] { return alter_to(to); }});
  // Nullness, defaults, names.
  Field number = typed(T::int32);
  cases.push_back({"AlterField NULL to NOT NULL", number, [number] {
                     auto alter = std::make_shared<AlterField>(
                         "Item", with(number, [](Field& f) { f.null = false; }));
                     alter->fill_value = Literal{std::int64_t{0}};
                     return alter;
                   }});
  cases.push_back({"AlterField NOT NULL to NULL", with(number, [](Field& f) { f.null = false; }),
                   [number] { return alter_to(number); }});
  cases.push_back({"AlterField new default", number, [number] {
                     return alter_to(with(
                         number, [](Field& f) { f.default_value = Literal{std::int64_t{5}}; }));
                   }});
  cases.push_back({"AlterField index", number,
                   [number] { return alter_to(with(number, [](Field& f) { f.index = true; })); }});
  cases.push_back({"AlterField unique", number,
                   [number] { return alter_to(with(number, [](Field& f) { f.unique = true; })); }});
  cases.push_back({"AlterField column name", number, [number] {
                     return alter_to(with(number, [](Field& f) { f.column = "renamed"; }));
                   }});
  cases.push_back({"RenameField", number,
                   [] { return std::make_shared<RenameField>("Item", "subject", "renamed"); }});
  Field reference = with(typed(T::int64), [](Field& f) {
    f.references = Reference{{"shop", "Parent"}, OnDelete::cascade};
  });
  cases.push_back({"RenameField with a foreign key", reference,
                   [] { return std::make_shared<RenameField>("Item", "subject", "renamed"); }});
  cases.push_back({"AlterField adds a foreign key", typed(T::int64),
                   [reference] { return alter_to(reference); }});
  cases.push_back(
      {"AlterField drops a foreign key", reference, [] { return alter_to(typed(T::int64)); }});
  // Adding and removing fields.
  auto add = [](Field field, std::optional<Literal> fill = std::nullopt) {
    return [field, fill] {
      auto operation = std::make_shared<AddField>("Item", field);
      operation->fill_value = fill;
      return operation;
    };
  };
  Field added = field_of_type("added", T::int32);
  cases.push_back({"AddField nullable", number, add(added)});
  cases.push_back({"AddField NOT NULL with a default", number, add(with(added, [](Field& f) {
                     f.null = false;
                     f.default_value = Literal{std::int64_t{3}};
                   }))});
  cases.push_back({"AddField NOT NULL with a fill value", number,
                   add(with(added, [](Field& f) { f.null = false; }), Literal{std::int64_t{3}})});
  cases.push_back(
      {"AddField uint8", number, add(with(added, [](Field& f) { f.type = T::uint8; }))});
  cases.push_back({"AddField indexed", number, add(with(added, [](Field& f) { f.index = true; }))});
  cases.push_back({"AddField unique", number, add(with(added, [](Field& f) { f.unique = true; }))});
  cases.push_back({"AddField foreign key", number, add(with(added, [](Field& f) {
                     f.type = T::int64;
                     f.references = Reference{{"shop", "Parent"}, OnDelete::set_null};
                   }))});
  auto remove = [] { return std::make_shared<RemoveField>("Item", "subject"); };
  cases.push_back({"RemoveField", number, remove});
  cases.push_back({"RemoveField uint8", typed(T::uint8), remove});
  cases.push_back({"RemoveField indexed", with(number, [](Field& f) { f.index = true; }), remove});
  cases.push_back({"RemoveField foreign key", reference, remove});
  // Indexes and constraints.
  cases.push_back({"AddIndex", number, [] {
                     return std::make_shared<AddIndex>("Item", Index{"lint_item_ix", {"other"}});
                   }});
  auto with_index = [](Model& model) { model.indexes.push_back({"lint_item_ix", {"other"}}); };
  cases.push_back({"RemoveIndex", number,
                   [] { return std::make_shared<RemoveIndex>("Item", "lint_item_ix"); },
                   with_index});
  Constraint unique{"lint_item_uq", ConstraintKind::unique, {"label"}, ""};
  Constraint check{"lint_item_ck", ConstraintKind::check, {}, "other >= 0"};
  cases.push_back({"AddConstraint unique", number,
                   [unique] { return std::make_shared<AddConstraint>("Item", unique); }});
  cases.push_back({"AddConstraint check", number,
                   [check] { return std::make_shared<AddConstraint>("Item", check); }});
  cases.push_back({"RemoveConstraint unique", number,
                   [] { return std::make_shared<RemoveConstraint>("Item", "lint_item_uq"); },
                   [unique](Model& model) { model.constraints.push_back(unique); }});
  cases.push_back({"RemoveConstraint check", number,
                   [] { return std::make_shared<RemoveConstraint>("Item", "lint_item_ck"); },
                   [check](Model& model) { model.constraints.push_back(check); }});
  // Tables.
  cases.push_back({"AlterModelTable", number,
                   [] { return std::make_shared<AlterModelTable>("Item", "lint_item2"); }});
  cases.push_back({"AlterModelTable with a foreign key", reference,
                   [] { return std::make_shared<AlterModelTable>("Item", "lint_item2"); }});
  cases.push_back(
      {"RenameModel", number, [] { return std::make_shared<RenameModel>("Item", "Thing"); }});
  return cases;
}

// The lint codes of `operation` on `state` in `editor`'s dialect.
std::set<std::string> lint_codes(const ProjectState& state, const OperationPtr& operation,
                                 const SchemaEditor& editor) {
  Migration migration = make_migration("shop", "0002_change", {}, {operation});
  ProjectState copy = state;
  std::set<std::string> codes;
  for (const auto& finding : lint_migrations({&migration}, copy, {{&editor}, {}}))
    codes.insert(std::string(finding.rule->code));
  return codes;
}

// Runs `sql` statement by statement on MariaDB, each DDL statement first with ALGORITHM=INSTANT,
// then ALGORITHM=INPLACE, LOCK=NONE, then plainly; says which were refused anywhere.
struct AlgorithmsRefused {
  bool instant = false;
  bool inplace = false;  // INSTANT and INPLACE, LOCK=NONE both refused: the table is copied
};

std::string lines(const Statements& sql) {
  std::string text;
  for (const auto& statement : sql) text += statement + "\n";
  return text;
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

// Whether running `sql` succeeded; a refusal other than of the algorithm or lock fails the test.
bool accepted(Connection& connection, const std::string& sql) {
  try {
    connection.execute(sql);
    return true;
  } catch (const DatabaseError& e) {
    std::string message = e.what();
    EXPECT_NE(message.find(" is not supported"), std::string::npos) << sql << ": " << message;
    return false;
  }
}

// MariaDB's DROP INDEX takes no ALGORITHM or LOCK clause: its ALTER TABLE form, which the
// server runs for it, does.
std::string with_algorithm_clauses(const std::string& statement) {
  std::regex drop_index("^DROP INDEX (`[^`]+`) ON (`[^`]+`)$");
  return std::regex_replace(statement, drop_index, "ALTER TABLE $2 DROP INDEX $1");
}

AlgorithmsRefused run_with_algorithms(Connection& connection, const Statements& sql) {
  AlgorithmsRefused refused;
  for (const auto& written : sql) {
    std::string statement = with_algorithm_clauses(written);
    bool alter = starts_with(statement, "ALTER TABLE");
    bool index =
        starts_with(statement, "CREATE INDEX") || starts_with(statement, "CREATE UNIQUE INDEX");
    if (!alter && !index) {
      connection.execute(statement);
      continue;
    }
    std::string separator = alter ? ", " : " ";
    if (accepted(connection, statement + separator + "ALGORITHM=INSTANT")) continue;
    refused.instant = true;
    if (accepted(connection, statement + separator + "ALGORITHM=INPLACE" + separator + "LOCK=NONE"))
      continue;
    refused.inplace = true;
    connection.execute(statement);
  }
  return refused;
}

// PostgreSQL's file of a table, SQLite's first page of it: a new one means a new copy.
std::string storage_of(Connection& connection, const std::string& table) {
  std::string sql = connection.dialect() == Dialect::postgresql
                        ? "SELECT CAST(relfilenode AS TEXT) FROM pg_class WHERE relname = :t"
                        : "SELECT CAST(rootpage AS TEXT) FROM sqlite_master WHERE type = 'table' "
                          "AND name = :t";
  auto rows = connection.query(sql, {table});
  return rows.rows.empty() ? "" : rows.rows[0][0].value_or("");
}

// Creates the case's tables with three rows, runs its operation's SQL as the database allows
// and compares what the database did with the lint's verdict.
void check_verdict(Connection& connection, const SchemaEditor& editor, const VerdictCase& verdict) {
  Dialect dialect = editor.dialect();
  for (const char* table : {"lint_item", "lint_item2", "new__lint_item", "lint_parent"})
    connection.execute("DROP TABLE IF EXISTS " + editor.quote_name(table));
  Model item = item_model(verdict.subject);
  verdict.prepare(item);
  ProjectState empty, state;
  state.models[parent_model().key()] = parent_model();
  state.models[item.key()] = item;
  for (const ModelKey& key : {parent_model().key(), item.key()})
    for (const auto& sql : editor.create_model({empty, state}, key)) connection.execute(sql);
  connection.execute("INSERT INTO " + editor.quote_name("lint_parent") +
                     " (id) VALUES (1), (2), (3)");
  std::vector<std::string> rows;
  for (int row = 1; row <= 3; ++row)
    rows.push_back("(" + editor.quote_value(sample_value(verdict.subject, row)) + ", " +
                   std::to_string(row) + ", 'label" + std::to_string(row) + "')");
  connection.execute("INSERT INTO " + editor.quote_name(kTable) +
                     " (subject, other, label) VALUES " + rows[0] + ", " + rows[1] + ", " +
                     rows[2]);

  OperationPtr operation = verdict.operation();
  ProjectState after = state;
  operation->apply(after, "shop");
  Statements sql = operation->forwards(editor, "shop", {state, after});
  std::set<std::string> codes = lint_codes(state, operation, editor);
  if (dialect == Dialect::mysql) {
    AlgorithmsRefused refused = run_with_algorithms(connection, sql);
    EXPECT_EQ(refused.instant, codes.count("MY101") + codes.count("MY102") > 0) << lines(sql);
    EXPECT_EQ(refused.inplace, codes.count("MY101") > 0) << lines(sql);
    return;
  }
  const Model* renamed = after.find({"shop", "Thing"});
  std::string table = (renamed ? *renamed : after.get({"shop", "Item"})).table;
  std::string before = storage_of(connection, kTable);
  for (const auto& statement : sql) connection.execute(statement);
  bool copied = storage_of(connection, table) != before;
  EXPECT_EQ(copied, codes.count(dialect == Dialect::sqlite ? "LT101" : "PG101") > 0) << lines(sql);
}

class LintVerdicts : public ::testing::TestWithParam<Dialect> {};

TEST_P(LintVerdicts, BlockingVerdictsMatchWhatTheDatabaseDoes) {
  Dialect dialect = GetParam();
  TempDir dir;
  auto url = fresh_database_url(dialect, dir.path());
  if (!url) GTEST_SKIP() << "no " << to_string(dialect) << " test server";
  Connection connection(parse_database_url(*url));
  // A throwaway file: no need to wait for the disk after each of the many statements.
  if (dialect == Dialect::sqlite) connection.execute("PRAGMA synchronous = OFF");
  auto editor = make_schema_editor(dialect);
  for (const VerdictCase& verdict : verdict_cases()) {
    SCOPED_TRACE(verdict.name);
    try {
      check_verdict(connection, *editor, verdict);
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what();
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Dialects, LintVerdicts, ::testing::ValuesIn(test_dialects()),
                         [](const auto& info) { return std::string(to_string(info.param)); });

}  // namespace
}  // namespace dbmig::test
