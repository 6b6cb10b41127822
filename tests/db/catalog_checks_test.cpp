// compare_with_model compares check constraints by name and by expression: a live check with
// the model's name and another expression is reported, on every database.
#include <algorithm>

#include "sql_execution.hpp"

namespace dbmig::test {

namespace {

// A table with a check of the model's own and, on SQLite and PostgreSQL, the range checks of
// an unsigned and (PostgreSQL) an int8 field.
Model checked_model() {
  Model model{"shop", "Item", "items", {}, {}, {}, ""};
  model.fields.push_back(auto_key());
  Field price = make_field("price", FieldType::decimal);
  price.precision = 10;
  price.scale = 2;
  model.fields.push_back(price);
  model.fields.push_back(make_field("stock", FieldType::uint8));
  model.fields.push_back(make_field("shelf", FieldType::int8));
  model.constraints.push_back({"items_price_positive", ConstraintKind::check, {}, "price > 0"});
  return model;
}

struct ChangedCheck {
  std::string from;  // in the SQL dbmig writes for checked_model
  std::string to;    // what the live table gets instead
  std::string name;  // the check's name, kept
  std::vector<Dialect> dialects;
};

}  // namespace

TEST(CatalogChecks, ACheckWithTheRightNameAndAnotherExpressionIsReported) {
  const ChangedCheck cases[] = {
      {"price > 0",
       "price >= 0",
       "items_price_positive",
       {Dialect::sqlite, Dialect::postgresql, Dialect::mysql}},
      {"BETWEEN 0 AND 255",
       "BETWEEN 0 AND 256",
       "items_stock_check",
       {Dialect::sqlite, Dialect::postgresql}},
      {"BETWEEN -128 AND 127", "BETWEEN -127 AND 127", "items_shelf_check", {Dialect::postgresql}},
  };
  ProjectState empty, state = state_of({checked_model()});
  ModelKey key{"shop", "Item"};
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    MigratedDatabase db(dialect);
    ASSERT_TRUE(db.available());
    db.apply("shop", std::make_shared<CreateModel>(checked_model()));
    soci::session& session = db.session();
    EXPECT_EQ(catalog_differences(session, dialect, state, key), std::vector<std::string>{});
    auto editor = make_schema_editor(dialect);
    Statements create = editor->create_model({empty, state}, key);
    for (const auto& changed : cases) {
      if (std::find(changed.dialects.begin(), changed.dialects.end(), dialect) ==
          changed.dialects.end())
        continue;
      SCOPED_TRACE(changed.to);
      // The table as dbmig creates it, but for one check written by hand.
      db.connection().execute("DROP TABLE " + editor->quote_name("items"));
      Statements live = create;
      std::size_t at = live[0].find(changed.from);
      ASSERT_NE(at, std::string::npos) << live[0];
      live[0].replace(at, changed.from.size(), changed.to);
      for (const auto& statement : live) db.connection().execute(statement);
      auto differences = catalog_differences(session, dialect, state, key);
      bool reported = differences.size() == 1 && differences[0].rfind("checks: expected", 0) == 0 &&
                      differences[0].find(changed.name) != std::string::npos;
      EXPECT_TRUE(reported) << testing::PrintToString(differences);
    }
  }
}

}  // namespace dbmig::test
