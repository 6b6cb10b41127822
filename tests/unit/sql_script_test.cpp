// split_sql_script: a table of scripts per dialect with the statements they hold, and of
// scripts that cannot be split safely with the message that says why.
#include "dbmig/sql_script.hpp"

#include <gtest/gtest.h>

#include "dbmig/error.hpp"

namespace dbmig {

namespace {

constexpr Dialect kSqlite = Dialect::sqlite;
constexpr Dialect kPostgres = Dialect::postgresql;
constexpr Dialect kMysql = Dialect::mysql;

struct SplitCase {
  std::string name;
  std::vector<Dialect> dialects;
  std::string script;
  std::vector<std::string> statements;
};

const std::vector<Dialect> kAll = {kSqlite, kPostgres, kMysql};

std::vector<SplitCase> split_cases() {
  return {
      {"one statement, no ';'", kAll, "INSERT INTO t VALUES (1)", {"INSERT INTO t VALUES (1)"}},
      {"one statement, trailing ';' and whitespace", kAll, "  SELECT 1 ;  \n", {"SELECT 1"}},
      {"two statements",
       kAll,
       "INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);",
       {"INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)"}},
      {"empty parts and comment-only parts dropped",
       kAll,
       ";;\n -- nothing\n; SELECT 1;\n/* end */",
       {"SELECT 1"}},
      {"empty string", kAll, "", {}},
      {"';' in a string, doubled quote",
       kAll,
       "INSERT INTO t VALUES ('a;''b'); SELECT 2",
       {"INSERT INTO t VALUES ('a;''b')", "SELECT 2"}},
      {"';' in a double-quoted name",
       kAll,
       "SELECT 1 AS \"x;\"\"y\"; SELECT 2",
       {"SELECT 1 AS \"x;\"\"y\"", "SELECT 2"}},
      {"';' in a backquoted name",
       {kSqlite, kMysql},
       "SELECT 1 AS `x;``y`; SELECT 2",
       {"SELECT 1 AS `x;``y`", "SELECT 2"}},
      {"';' in a bracketed name",
       {kSqlite},
       "SELECT 1 AS [x;y]; SELECT 2",
       {"SELECT 1 AS [x;y]", "SELECT 2"}},
      {"';' in a line comment, leading comment kept",
       kAll,
       "-- first; the seed\nINSERT INTO t VALUES (1); -- done; really\nSELECT 2",
       {"-- first; the seed\nINSERT INTO t VALUES (1)", "-- done; really\nSELECT 2"}},
      {"';' in a block comment",
       kAll,
       "SELECT /* a; b */ 1; SELECT 2",
       {"SELECT /* a; b */ 1", "SELECT 2"}},
      {"trailing comment left out", kAll, "SELECT 1 -- one", {"SELECT 1"}},
      {"';' in parentheses (a PostgreSQL rule)",
       {kPostgres},
       "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); DELETE FROM b); "
       "SELECT 2",
       {"CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); DELETE FROM b)",
        "SELECT 2"}},
      {"MySQL backslash escapes in strings",
       {kMysql},
       "INSERT INTO t VALUES ('it\\'s; fine', \"a\\\";\"); SELECT 2",
       {"INSERT INTO t VALUES ('it\\'s; fine', \"a\\\";\")", "SELECT 2"}},
      {"a backslash is plain text in SQLite and standard PostgreSQL strings",
       {kSqlite, kPostgres},
       "INSERT INTO t VALUES ('a\\'); SELECT 2",
       {"INSERT INTO t VALUES ('a\\')", "SELECT 2"}},
      {"PostgreSQL E'' strings take backslash escapes",
       {kPostgres},
       "INSERT INTO t VALUES (E'it\\'s; fine'); SELECT 2",
       {"INSERT INTO t VALUES (E'it\\'s; fine')", "SELECT 2"}},
      {"MySQL # comments",
       {kMysql},
       "SELECT 1; # a; comment\nSELECT 2",
       {"SELECT 1", "# a; comment\nSELECT 2"}},
      {"MySQL --1 is not a comment",
       {kMysql},
       "SELECT 1 --1; SELECT 2",
       {"SELECT 1 --1", "SELECT 2"}},
      {"PostgreSQL nested block comments",
       {kPostgres},
       "SELECT /* a /* b; */ c; */ 1; SELECT 2",
       {"SELECT /* a /* b; */ c; */ 1", "SELECT 2"}},
      {"PostgreSQL $$ body",
       {kPostgres},
       "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql; SELECT f()",
       {"CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql",
        "SELECT f()"}},
      {"PostgreSQL $tag$ body holding $$",
       {kPostgres},
       "DO $body$ BEGIN PERFORM '$$;'; END $body$; SELECT 2",
       {"DO $body$ BEGIN PERFORM '$$;'; END $body$", "SELECT 2"}},
      {"PostgreSQL $1 and a$b are no dollar quotes",
       {kPostgres},
       "PREPARE p AS SELECT $1; SELECT 1 AS a$b; SELECT 2",
       {"PREPARE p AS SELECT $1", "SELECT 1 AS a$b", "SELECT 2"}},
      {"PostgreSQL BEGIN ATOMIC body",
       {kPostgres},
       "CREATE FUNCTION f() RETURNS int LANGUAGE SQL BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT "
       "3",
       {"CREATE FUNCTION f() RETURNS int LANGUAGE SQL BEGIN ATOMIC SELECT 1; SELECT 2; END",
        "SELECT 3"}},
      {"SQLite trigger: ';' ends it only after END",
       {kSqlite},
       "CREATE TEMP TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO a VALUES (1); "
       "UPDATE b SET x = CASE WHEN 1 THEN 2 END; END; INSERT INTO t VALUES (1)",
       {"CREATE TEMP TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO a VALUES (1); "
        "UPDATE b SET x = CASE WHEN 1 THEN 2 END; END",
        "INSERT INTO t VALUES (1)"}},
      {"trigger keywords in any case",
       {kSqlite},
       "create trigger tr after insert on t begin delete from a; end; select 1",
       {"create trigger tr after insert on t begin delete from a; end", "select 1"}},
      {"MySQL procedure with nested blocks",
       {kMysql},
       "CREATE DEFINER=`root`@`%` PROCEDURE p() BEGIN DECLARE i INT DEFAULT 0; "
       "lbl: LOOP SET i = i + 1; IF i > 3 THEN LEAVE lbl; END IF; END LOOP lbl; "
       "CASE i WHEN 4 THEN SELECT 1; ELSE BEGIN SELECT 2; END; END CASE; "
       "WHILE i > 0 DO SET i = i - 1; END WHILE; REPEAT SET i = i + 1; UNTIL i > 2 END REPEAT; "
       "END; CALL p()",
       {"CREATE DEFINER=`root`@`%` PROCEDURE p() BEGIN DECLARE i INT DEFAULT 0; "
        "lbl: LOOP SET i = i + 1; IF i > 3 THEN LEAVE lbl; END IF; END LOOP lbl; "
        "CASE i WHEN 4 THEN SELECT 1; ELSE BEGIN SELECT 2; END; END CASE; "
        "WHILE i > 0 DO SET i = i - 1; END WHILE; REPEAT SET i = i + 1; UNTIL i > 2 END REPEAT; "
        "END",
        "CALL p()"}},
      {"MySQL trigger without BEGIN ends at its ';'",
       {kMysql},
       "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1; INSERT INTO t VALUES (1)",
       {"CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1",
        "INSERT INTO t VALUES (1)"}},
      {"MariaDB BEGIN NOT ATOMIC block",
       {kMysql},
       "BEGIN NOT ATOMIC INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); END; SELECT 2",
       {"BEGIN NOT ATOMIC INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); END", "SELECT 2"}},
      {"a transaction's BEGIN is a statement of its own",
       kAll,
       "BEGIN; INSERT INTO t VALUES (1); COMMIT",
       {"BEGIN", "INSERT INTO t VALUES (1)", "COMMIT"}},
      {"CASE outside a routine does not hold ';'",
       kAll,
       "SELECT CASE WHEN 1 THEN 2 END; SELECT 3",
       {"SELECT CASE WHEN 1 THEN 2 END", "SELECT 3"}},
  };
}

struct ErrorCase {
  std::string name;
  std::vector<Dialect> dialects;
  std::string script;
  std::string message;
};

std::vector<ErrorCase> error_cases() {
  return {
      {"string never closed", kAll, "INSERT INTO t VALUES ('a); SELECT 2",
       "the ' quote opened at line 1, column 23 is never closed"},
      {"string closed only by a backslash-escaped quote on MySQL",
       {kMysql},
       "INSERT INTO t VALUES ('a\\'); SELECT 2",
       "the ' quote opened at line 1, column 23"},
      {"name never closed", kAll, "SELECT 1 AS \"x; SELECT 2", "the \" quote opened at line 1"},
      {"backquoted name never closed",
       {kSqlite, kMysql},
       "SELECT `x; SELECT 2",
       "the ` quote opened at line 1, column 8"},
      {"bracketed name never closed", {kSqlite}, "SELECT [x; SELECT 2", "the [...] opened"},
      {"block comment never closed", kAll, "SELECT 1;\n  /* note; SELECT 2",
       "the /* comment opened at line 2, column 3 is never closed"},
      {"nested comment never closed on PostgreSQL",
       {kPostgres},
       "SELECT /* a /* b */ 1; SELECT 2",
       "the /* comment opened"},
      {"dollar quote never closed",
       {kPostgres},
       "DO $body$ BEGIN NULL; END $$; SELECT 2",
       "the $body$ quote opened at line 1, column 4 is never closed"},
      {"parenthesis never closed", kAll, "INSERT INTO t VALUES (1; INSERT INTO t VALUES (2)",
       "the ( opened at line 1, column 22 is never closed"},
      {"trigger without END",
       {kSqlite, kMysql},
       "CREATE TRIGGER tr AFTER INSERT ON t BEGIN DELETE FROM a; SELECT 2",
       "the BEGIN at line 1, column 37 has no matching END"},
      {"mysql client DELIMITER", kAll,
       "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END //\nDELIMITER ;",
       "DELIMITER at line 1, column 1 is a command of the mysql client, not SQL"},
  };
}

std::string joined(const std::vector<std::string>& statements) {
  std::string text;
  for (const auto& statement : statements) text += "[" + statement + "]\n";
  return text;
}

}  // namespace

TEST(SqlScript, SplitsEachScriptIntoItsStatementsOnEveryDialectItIsValidFor) {
  for (const auto& input : split_cases())
    for (Dialect dialect : input.dialects)
      EXPECT_EQ(joined(split_sql_script(input.script, dialect)), joined(input.statements))
          << input.name << " on " << to_string(dialect);
}

TEST(SqlScript, RefusesAScriptItCannotSplitSafelySayingWhereAndWhy) {
  for (const auto& input : error_cases())
    for (Dialect dialect : input.dialects) {
      try {
        auto statements = split_sql_script(input.script, dialect);
        ADD_FAILURE() << input.name << " on " << to_string(dialect) << " was split into\n"
                      << joined(statements);
      } catch (const InputError& e) {
        std::string message = e.what();
        EXPECT_NE(message.find(input.message), std::string::npos)
            << input.name << " on " << to_string(dialect) << ": " << message;
        EXPECT_NE(
            message.find("cannot be split into statements for " + std::string(to_string(dialect))),
            std::string::npos)
            << message;
      }
    }
}

TEST(SqlScript, LeadingKeywordsSkipCommentsAndStopAtTheFirstNonWord) {
  EXPECT_EQ(leading_keywords("-- rebuild\n/* x */ drop table \"t\"", kSqlite, 3),
            (std::vector<std::string>{"DROP", "TABLE"}));
  EXPECT_EQ(leading_keywords("DROP TABLE IF EXISTS t", kSqlite, 2),
            (std::vector<std::string>{"DROP", "TABLE"}));
  EXPECT_TRUE(leading_keywords("", kSqlite, 2).empty());
}

}  // namespace dbmig
