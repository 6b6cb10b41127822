// Bad-input corpus: the statement lock timeout's settings (dbmig.json and the command line),
// each refused with the setting, the value and the accepted range, before the database is read.
#include "bad_input_corpus.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

// A dbmig.json holding one setting `key` with the JSON `value`.
std::function<void(const fs::path&)> setting(const std::string& key, const std::string& value) {
  return [=](const fs::path& p) {
    write_file(p / "dbmig.json", "{\"" + key + "\": " + value + "}\n");
  };
}

std::vector<BadInputCase> setting_cases() {
  const std::string seconds = "expected a number of seconds from 0 to 3600, not ";
  const std::string retries = "expected a whole number from 0 to 100, not ";
  return {
      {"TimeoutNegative",
       setting("statement_lock_timeout", "-1"),
       {"migrate"},
       2,
       "dbmig.json: $.statement_lock_timeout: " + seconds + "-1"},
      {"TimeoutText",
       setting("statement_lock_timeout", "\"10s\""),
       {"migrate"},
       2,
       "dbmig.json: $.statement_lock_timeout: " + seconds + "\"10s\""},
      {"TimeoutAboveAnHour",
       setting("statement_lock_timeout", "3601"),
       {"rollback"},
       2,
       "dbmig.json: $.statement_lock_timeout: " + seconds + "3601"},
      {"TimeoutNull",
       setting("statement_lock_timeout", "null"),
       {"showmigrations"},
       2,
       "dbmig.json: $.statement_lock_timeout: " + seconds + "null"},
      {"RetriesFraction",
       setting("statement_lock_retries", "1.5"),
       {"migrate"},
       2,
       "dbmig.json: $.statement_lock_retries: " + retries + "1.5"},
      {"RetriesNegative",
       setting("statement_lock_retries", "-1"),
       {"migrate"},
       2,
       "dbmig.json: $.statement_lock_retries: " + retries + "-1"},
      {"RetriesTooMany",
       setting("statement_lock_retries", "101"),
       {"migrate"},
       2,
       "dbmig.json: $.statement_lock_retries: " + retries + "101"},
      {"RetriesHuge",
       setting("statement_lock_retries", "99999999999"),
       {"migrate"},
       2,
       "dbmig.json: $.statement_lock_retries: " + retries + "99999999999"},
      {"RetryDelayAboveTheCap",
       setting("statement_lock_retry_delay", "31"),
       {"migrate"},
       2,
       "dbmig.json: $.statement_lock_retry_delay: expected a number of seconds from 0 to 30, "
       "not 31"},
      {"SettingMisspelt",
       setting("statement_lock_timout", "5"),
       {"migrate"},
       2,
       "dbmig.json: $.statement_lock_timout"},
  };
}

std::vector<BadInputCase> flag_cases() {
  return {
      {"FlagTimeoutNegative",
       {},
       {"migrate", "--statement-lock-timeout", "-1"},
       2,
       "--statement-lock-timeout: must be a number of seconds from 0 to 3600, not '-1'"},
      {"FlagTimeoutWithUnit",
       {},
       {"migrate", "--statement-lock-timeout", "10s"},
       2,
       "--statement-lock-timeout: must be a number of seconds from 0 to 3600, not '10s'"},
      {"FlagTimeoutAboveAnHour",
       {},
       {"rollback", "--statement-lock-timeout", "7200"},
       2,
       "--statement-lock-timeout: must be a number of seconds from 0 to 3600, not '7200'"},
      {"FlagRetriesFraction",
       {},
       {"migrate", "--statement-lock-retries", "2.5"},
       2,
       "--statement-lock-retries: must be a whole number from 0 to 100, not '2.5'"},
      {"FlagRetriesTooMany",
       {},
       {"rollback", "--statement-lock-retries", "1000"},
       2,
       "--statement-lock-retries: must be a whole number from 0 to 100, not '1000'"},
  };
}

std::vector<BadInputCase> all_cases() {
  auto cases = setting_cases();
  for (auto& flag : flag_cases()) cases.push_back(std::move(flag));
  return cases;
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(LockTimeout, BadInputCorpus, ::testing::ValuesIn(all_cases()),
                         bad_input_case_name);

}  // namespace dbmig::test
