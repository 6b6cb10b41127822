// Golden SQL of every operation of sql_fixtures.hpp's schema_change_cases(), per dialect and
// direction, in the plain forms and (the "Online" cases) the online forms. The same cases run
// on real servers in tests/db/sql_operations_test.cpp, so these goldens are SQL known to work
// there.
#include <functional>

#include <gtest/gtest.h>

#include "dbmig/error.hpp"
#include "sql_fixtures.hpp"

namespace dbmig::test {

namespace {

struct Golden {
  std::string change;
  Dialect dialect;
  std::string forwards;
  std::string backwards;
};

const Golden* find_golden(const std::string& change, Dialect dialect);

// The SQL, or the refusal of an operation a database cannot run.
std::string rendered(const std::function<Statements()>& render) {
  try {
    return sql_text(render());
  } catch (const InputError& e) {
    return std::string("refused: ") + e.what() + "\n";
  }
}

}  // namespace

TEST(SqlOperationsGolden, EveryOperationDialectAndDirection) {
  for (const auto& change : schema_change_cases()) {
    for (Dialect dialect : all_dialects) {
      SCOPED_TRACE(change.name + " on " + std::string(to_string(dialect)));
      auto editor = make_schema_editor(dialect);
      std::string forwards = rendered([&] { return change.forwards(*editor); });
      std::string backwards = rendered([&] { return change.backwards(*editor); });
      const Golden* golden = find_golden(change.name, dialect);
      if (!golden) {
        ADD_FAILURE() << "no golden SQL for this case; it renders as\n"
                      << forwards << "and back as\n"
                      << backwards;
        continue;
      }
      EXPECT_EQ(forwards, golden->forwards);
      EXPECT_EQ(backwards, golden->backwards);
    }
  }
}

namespace {

// clang-format off
const std::vector<Golden> kGoldens = {
    {"AlterModelComment", Dialect::sqlite, "", ""},
    {"AlterModelComment", Dialect::postgresql,
     R"(COMMENT ON TABLE "blogs" IS 'Posts'' drafts';
)",
     R"(COMMENT ON TABLE "blogs" IS NULL;
)"},
    {"AlterModelComment", Dialect::mysql,
     R"(ALTER TABLE `blogs` COMMENT = 'Posts'' drafts';
)",
     R"(ALTER TABLE `blogs` COMMENT = '';
)"},
    {"AlterFieldBooleanToBigint", Dialect::sqlite,
     R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" INTEGER NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)",
     R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
    {"AlterFieldBooleanToBigint", Dialect::postgresql,
     R"(ALTER TABLE "blogs" ALTER COLUMN "active" DROP DEFAULT;
ALTER TABLE "blogs" ALTER COLUMN "active" TYPE BIGINT USING CAST(CAST("active" AS INTEGER) AS BIGINT);
ALTER TABLE "blogs" ALTER COLUMN "active" SET DEFAULT 1;
)",
     R"(DO $dbmig$ BEGIN IF EXISTS (SELECT 1 FROM "blogs" WHERE CAST(CAST(("active" <> 0) AS INTEGER) AS BIGINT) <> "active") THEN RAISE EXCEPTION USING MESSAGE = 'blogs.active: changing the column to BOOLEAN would round or change stored values; update those rows first'; END IF; END $dbmig$;
ALTER TABLE "blogs" ALTER COLUMN "active" DROP DEFAULT;
ALTER TABLE "blogs" ALTER COLUMN "active" TYPE BOOLEAN USING ("active" <> 0);
ALTER TABLE "blogs" ALTER COLUMN "active" SET DEFAULT TRUE;
)"},
    {"AlterFieldBooleanToBigint", Dialect::mysql,
     R"(ALTER TABLE `blogs` MODIFY `active` BIGINT NOT NULL DEFAULT 1;
)",
     R"(ALTER TABLE `blogs` MODIFY `active` BOOLEAN NOT NULL DEFAULT TRUE;
)"},
    {"RenameUniqueField", Dialect::sqlite,
     R"(ALTER TABLE "users" RENAME COLUMN "email" TO "mail";
DROP INDEX "users_email_uniq";
CREATE UNIQUE INDEX "users_mail_uniq" ON "users" ("mail");
)",
     R"(ALTER TABLE "users" RENAME COLUMN "mail" TO "email";
DROP INDEX "users_mail_uniq";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)"},
    {"RenameUniqueField", Dialect::postgresql,
     R"(ALTER TABLE "users" RENAME COLUMN "email" TO "mail";
ALTER TABLE "users" RENAME CONSTRAINT "users_email_uniq" TO "users_mail_uniq";
)",
     R"(ALTER TABLE "users" RENAME COLUMN "mail" TO "email";
ALTER TABLE "users" RENAME CONSTRAINT "users_mail_uniq" TO "users_email_uniq";
)"},
    {"RenameUniqueField", Dialect::mysql,
     R"(ALTER TABLE `users` CHANGE `email` `mail` VARCHAR(200) NOT NULL;
ALTER TABLE `users` RENAME INDEX `users_email_uniq` TO `users_mail_uniq`;
)",
     R"(ALTER TABLE `users` CHANGE `mail` `email` VARCHAR(200) NOT NULL;
ALTER TABLE `users` RENAME INDEX `users_mail_uniq` TO `users_email_uniq`;
)"},
    {"RenameReferencingTable", Dialect::sqlite,
     R"(ALTER TABLE "blogs" RENAME TO "posts";
CREATE TABLE "new__posts" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "posts_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__posts" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "posts";
DROP TABLE "posts";
ALTER TABLE "new__posts" RENAME TO "posts";
CREATE INDEX "posts_user_id_idx" ON "posts" ("user_id");
)",
     R"(ALTER TABLE "posts" RENAME TO "blogs";
CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
    {"RenameReferencingTable", Dialect::postgresql,
     R"(ALTER TABLE "blogs" RENAME TO "posts";
ALTER TABLE "posts" RENAME CONSTRAINT "blogs_user_id_fk" TO "posts_user_id_fk";
ALTER INDEX "blogs_user_id_idx" RENAME TO "posts_user_id_idx";
ALTER TABLE "posts" RENAME CONSTRAINT "blogs_pkey" TO "posts_pkey";
)",
     R"(ALTER TABLE "posts" RENAME TO "blogs";
ALTER TABLE "blogs" RENAME CONSTRAINT "posts_user_id_fk" TO "blogs_user_id_fk";
ALTER INDEX "posts_user_id_idx" RENAME TO "blogs_user_id_idx";
ALTER TABLE "blogs" RENAME CONSTRAINT "posts_pkey" TO "blogs_pkey";
)"},
    {"RenameReferencingTable", Dialect::mysql,
     R"(ALTER TABLE `blogs` RENAME TO `posts`;
ALTER TABLE `posts` DROP FOREIGN KEY `blogs_user_id_fk`;
ALTER TABLE `posts` ADD CONSTRAINT `posts_user_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE;
ALTER TABLE `posts` RENAME INDEX `blogs_user_id_idx` TO `posts_user_id_idx`;
)",
     R"(ALTER TABLE `posts` RENAME TO `blogs`;
ALTER TABLE `blogs` DROP FOREIGN KEY `posts_user_id_fk`;
ALTER TABLE `blogs` ADD CONSTRAINT `blogs_user_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE;
ALTER TABLE `blogs` RENAME INDEX `posts_user_id_idx` TO `blogs_user_id_idx`;
)"},
    {"AlterFieldComment", Dialect::sqlite, "", ""},
    {"AlterFieldComment", Dialect::postgresql,
     R"(COMMENT ON COLUMN "blogs"."title" IS 'The headline''s text';
)",
     R"(COMMENT ON COLUMN "blogs"."title" IS NULL;
)"},
    {"AlterFieldComment", Dialect::mysql,
     R"(ALTER TABLE `blogs` MODIFY `title` VARCHAR(200) NOT NULL COMMENT 'The headline''s text';
)",
     R"(ALTER TABLE `blogs` MODIFY `title` VARCHAR(200) NOT NULL;
)"},
{"AddNullableField", Dialect::sqlite, R"(ALTER TABLE "blogs" ADD COLUMN "views" INTEGER CONSTRAINT "blogs_views_check" CHECK ("views" BETWEEN -2147483648 AND 2147483647);
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"AddNullableField", Dialect::postgresql, R"(ALTER TABLE "blogs" ADD COLUMN "views" INTEGER;
)", R"(ALTER TABLE "blogs" DROP COLUMN "views";
)"},
{"AddNullableField", Dialect::mysql, R"(ALTER TABLE `blogs` ADD COLUMN `views` INT;
)", R"(ALTER TABLE `blogs` DROP COLUMN `views`;
)"},
{"AddNotNullFieldWithDefault", Dialect::sqlite, R"(ALTER TABLE "blogs" ADD COLUMN "rating" INTEGER NOT NULL DEFAULT 5 CONSTRAINT "blogs_rating_check" CHECK ("rating" BETWEEN 0 AND 65535);
CREATE INDEX "blogs_rating_idx" ON "blogs" ("rating");
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"AddNotNullFieldWithDefault", Dialect::postgresql, R"(ALTER TABLE "blogs" ADD COLUMN "rating" INTEGER NOT NULL DEFAULT 5 CONSTRAINT "blogs_rating_check" CHECK ("rating" BETWEEN 0 AND 65535);
CREATE INDEX "blogs_rating_idx" ON "blogs" ("rating");
)", R"(ALTER TABLE "blogs" DROP COLUMN "rating";
)"},
{"AddNotNullFieldWithDefault", Dialect::mysql, R"(ALTER TABLE `blogs` ADD COLUMN `rating` SMALLINT UNSIGNED NOT NULL DEFAULT 5;
CREATE INDEX `blogs_rating_idx` ON `blogs` (`rating`);
)", R"(ALTER TABLE `blogs` DROP COLUMN `rating`;
)"},
{"AddForeignKeyField", Dialect::sqlite, R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, "editor_id" INTEGER, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE, CONSTRAINT "blogs_editor_id_fk" FOREIGN KEY ("editor_id") REFERENCES "users" ("id") ON DELETE SET NULL);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"AddForeignKeyField", Dialect::postgresql, R"(ALTER TABLE "blogs" ADD COLUMN "editor_id" BIGINT;
ALTER TABLE "blogs" ADD CONSTRAINT "blogs_editor_id_fk" FOREIGN KEY ("editor_id") REFERENCES "users" ("id") ON DELETE SET NULL;
)", R"(ALTER TABLE "blogs" DROP CONSTRAINT "blogs_editor_id_fk";
ALTER TABLE "blogs" DROP COLUMN "editor_id";
)"},
{"AddForeignKeyField", Dialect::mysql, R"(ALTER TABLE `blogs` ADD COLUMN `editor_id` BIGINT;
ALTER TABLE `blogs` ADD CONSTRAINT `blogs_editor_id_fk` FOREIGN KEY (`editor_id`) REFERENCES `users` (`id`) ON DELETE SET NULL;
)", R"(ALTER TABLE `blogs` DROP FOREIGN KEY `blogs_editor_id_fk`;
ALTER TABLE `blogs` DROP INDEX `blogs_editor_id_fk`;
ALTER TABLE `blogs` DROP COLUMN `editor_id`;
)"},
{"AddUniqueField", Dialect::sqlite, R"(ALTER TABLE "users" ADD COLUMN "slug" VARCHAR(50);
CREATE UNIQUE INDEX "users_slug_uniq" ON "users" ("slug");
)", R"(DROP INDEX "users_slug_uniq";
ALTER TABLE "users" DROP COLUMN "slug";
)"},
{"AddUniqueField", Dialect::postgresql, R"(ALTER TABLE "users" ADD COLUMN "slug" VARCHAR(50);
ALTER TABLE "users" ADD CONSTRAINT "users_slug_uniq" UNIQUE ("slug");
)", R"(ALTER TABLE "users" DROP COLUMN "slug";
)"},
{"AddUniqueField", Dialect::mysql, R"(ALTER TABLE `users` ADD COLUMN `slug` VARCHAR(50);
ALTER TABLE `users` ADD CONSTRAINT `users_slug_uniq` UNIQUE (`slug`);
)", R"(ALTER TABLE `users` DROP COLUMN `slug`;
)"},
{"RemoveField", Dialect::sqlite, R"(ALTER TABLE "blogs" DROP COLUMN "subtitle";
)", R"(ALTER TABLE "blogs" ADD COLUMN "subtitle" VARCHAR(100);
)"},
{"RemoveField", Dialect::postgresql, R"(ALTER TABLE "blogs" DROP COLUMN "subtitle";
)", R"(ALTER TABLE "blogs" ADD COLUMN "subtitle" VARCHAR(100);
)"},
{"RemoveField", Dialect::mysql, R"(ALTER TABLE `blogs` DROP COLUMN `subtitle`;
)", R"(ALTER TABLE `blogs` ADD COLUMN `subtitle` VARCHAR(100);
)"},
{"AlterFieldTypeNullAndDefault", Dialect::sqlite, R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(150) NOT NULL DEFAULT 'none', "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", COALESCE("subtitle", 'none'), "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"AlterFieldTypeNullAndDefault", Dialect::postgresql, R"(ALTER TABLE "blogs" ALTER COLUMN "subtitle" TYPE VARCHAR(150);
ALTER TABLE "blogs" ALTER COLUMN "subtitle" SET DEFAULT 'none';
UPDATE "blogs" SET "subtitle" = 'none' WHERE "subtitle" IS NULL;
ALTER TABLE "blogs" ALTER COLUMN "subtitle" SET NOT NULL;
)", R"(ALTER TABLE "blogs" ALTER COLUMN "subtitle" DROP DEFAULT;
ALTER TABLE "blogs" ALTER COLUMN "subtitle" TYPE VARCHAR(100);
ALTER TABLE "blogs" ALTER COLUMN "subtitle" DROP NOT NULL;
)"},
{"AlterFieldTypeNullAndDefault", Dialect::mysql, R"(ALTER TABLE `blogs` MODIFY `subtitle` VARCHAR(150) DEFAULT 'none';
UPDATE `blogs` SET `subtitle` = 'none' WHERE `subtitle` IS NULL;
ALTER TABLE `blogs` MODIFY `subtitle` VARCHAR(150) NOT NULL DEFAULT 'none';
)", R"(ALTER TABLE `blogs` MODIFY `subtitle` VARCHAR(100);
)"},
{"AlterFieldUnsignedWidth", Dialect::sqlite, R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 4294967295), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)", R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)"},
{"AlterFieldUnsignedWidth", Dialect::postgresql, R"(ALTER TABLE "users" DROP CONSTRAINT "users_age_check";
ALTER TABLE "users" ALTER COLUMN "age" TYPE BIGINT;
ALTER TABLE "users" ADD CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 4294967295);
)", R"(ALTER TABLE "users" DROP CONSTRAINT "users_age_check";
ALTER TABLE "users" ALTER COLUMN "age" TYPE SMALLINT;
ALTER TABLE "users" ADD CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255);
)"},
{"AlterFieldUnsignedWidth", Dialect::mysql, R"(ALTER TABLE `users` MODIFY `age` INT UNSIGNED;
)", R"(ALTER TABLE `users` MODIFY `age` TINYINT UNSIGNED;
)"},
{"AlterFieldIndexToUnique", Dialect::sqlite, R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE UNIQUE INDEX "blogs_title_uniq" ON "blogs" ("title");
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"AlterFieldIndexToUnique", Dialect::postgresql, R"(ALTER TABLE "blogs" ADD CONSTRAINT "blogs_title_uniq" UNIQUE ("title");
)", R"(ALTER TABLE "blogs" DROP CONSTRAINT "blogs_title_uniq";
)"},
{"AlterFieldIndexToUnique", Dialect::mysql, R"(ALTER TABLE `blogs` ADD CONSTRAINT `blogs_title_uniq` UNIQUE (`title`);
)", R"(ALTER TABLE `blogs` DROP INDEX `blogs_title_uniq`;
)"},
{"AlterFieldDropForeignKeyIndex", Dialect::sqlite, R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"AlterFieldDropForeignKeyIndex", Dialect::postgresql, R"(ALTER TABLE "blogs" DROP CONSTRAINT "blogs_user_id_fk";
DROP INDEX "blogs_user_id_idx";
ALTER TABLE "blogs" ADD CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT;
)", R"(ALTER TABLE "blogs" DROP CONSTRAINT "blogs_user_id_fk";
ALTER TABLE "blogs" ADD CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE;
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"AlterFieldDropForeignKeyIndex", Dialect::mysql, R"(ALTER TABLE `blogs` DROP FOREIGN KEY `blogs_user_id_fk`;
DROP INDEX `blogs_user_id_idx` ON `blogs`;
ALTER TABLE `blogs` ADD CONSTRAINT `blogs_user_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE RESTRICT;
)", R"(ALTER TABLE `blogs` DROP FOREIGN KEY `blogs_user_id_fk`;
ALTER TABLE `blogs` DROP INDEX `blogs_user_id_fk`;
ALTER TABLE `blogs` ADD CONSTRAINT `blogs_user_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE;
CREATE INDEX `blogs_user_id_idx` ON `blogs` (`user_id`);
)"},
{"RenameForeignKeyField", Dialect::sqlite, R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "author_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_author_id_fk" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "author_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_author_id_idx" ON "blogs" ("author_id");
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "author_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"RenameForeignKeyField", Dialect::postgresql, R"(ALTER TABLE "blogs" RENAME COLUMN "user_id" TO "author_id";
ALTER TABLE "blogs" RENAME CONSTRAINT "blogs_user_id_fk" TO "blogs_author_id_fk";
ALTER INDEX "blogs_user_id_idx" RENAME TO "blogs_author_id_idx";
)", R"(ALTER TABLE "blogs" RENAME COLUMN "author_id" TO "user_id";
ALTER TABLE "blogs" RENAME CONSTRAINT "blogs_author_id_fk" TO "blogs_user_id_fk";
ALTER INDEX "blogs_author_id_idx" RENAME TO "blogs_user_id_idx";
)"},
{"RenameForeignKeyField", Dialect::mysql, R"(ALTER TABLE `blogs` CHANGE `user_id` `author_id` BIGINT NOT NULL;
ALTER TABLE `blogs` DROP FOREIGN KEY `blogs_user_id_fk`;
ALTER TABLE `blogs` ADD CONSTRAINT `blogs_author_id_fk` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`) ON DELETE CASCADE;
ALTER TABLE `blogs` RENAME INDEX `blogs_user_id_idx` TO `blogs_author_id_idx`;
)", R"(ALTER TABLE `blogs` CHANGE `author_id` `user_id` BIGINT NOT NULL;
ALTER TABLE `blogs` DROP FOREIGN KEY `blogs_author_id_fk`;
ALTER TABLE `blogs` ADD CONSTRAINT `blogs_user_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE;
ALTER TABLE `blogs` RENAME INDEX `blogs_author_id_idx` TO `blogs_user_id_idx`;
)"},
{"AlterReferencedTable", Dialect::sqlite, R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" VARCHAR(80) NOT NULL, "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)", R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)"},
{"AlterReferencedTable", Dialect::postgresql, R"(ALTER TABLE "users" ALTER COLUMN "name" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "name" TYPE VARCHAR(80);
)", R"(ALTER TABLE "users" ALTER COLUMN "name" TYPE TEXT;
ALTER TABLE "users" ALTER COLUMN "name" SET DEFAULT 'it''s';
)"},
{"AlterReferencedTable", Dialect::mysql, R"(ALTER TABLE `users` MODIFY `name` VARCHAR(80) NOT NULL;
)", R"(ALTER TABLE `users` MODIFY `name` LONGTEXT NOT NULL DEFAULT 'it''s';
)"},
{"RenameReferencedTable", Dialect::sqlite, R"(ALTER TABLE "users" RENAME TO "people";
CREATE TABLE "new__people" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "people_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "people_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "people_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__people" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "people";
DROP TABLE "people";
ALTER TABLE "new__people" RENAME TO "people";
CREATE UNIQUE INDEX "people_email_uniq" ON "people" ("email");
)", R"(ALTER TABLE "people" RENAME TO "users";
CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)"},
{"RenameReferencedTable", Dialect::postgresql, R"(ALTER TABLE "users" RENAME TO "people";
ALTER TABLE "people" RENAME CONSTRAINT "users_email_uniq" TO "people_email_uniq";
ALTER TABLE "people" RENAME CONSTRAINT "users_age_check" TO "people_age_check";
ALTER TABLE "people" RENAME CONSTRAINT "users_visits_check" TO "people_visits_check";
ALTER TABLE "people" RENAME CONSTRAINT "users_pkey" TO "people_pkey";
)", R"(ALTER TABLE "people" RENAME TO "users";
ALTER TABLE "users" RENAME CONSTRAINT "people_email_uniq" TO "users_email_uniq";
ALTER TABLE "users" RENAME CONSTRAINT "people_age_check" TO "users_age_check";
ALTER TABLE "users" RENAME CONSTRAINT "people_visits_check" TO "users_visits_check";
ALTER TABLE "users" RENAME CONSTRAINT "people_pkey" TO "users_pkey";
)"},
{"RenameReferencedTable", Dialect::mysql, R"(ALTER TABLE `users` RENAME TO `people`;
ALTER TABLE `people` RENAME INDEX `users_email_uniq` TO `people_email_uniq`;
)", R"(ALTER TABLE `people` RENAME TO `users`;
ALTER TABLE `users` RENAME INDEX `people_email_uniq` TO `users_email_uniq`;
)"},
{"AddIndex", Dialect::sqlite, R"(CREATE INDEX "blogs_title_created_idx" ON "blogs" ("title", "created_at");
)", R"(DROP INDEX "blogs_title_created_idx";
)"},
{"AddIndex", Dialect::postgresql, R"(CREATE INDEX "blogs_title_created_idx" ON "blogs" ("title", "created_at");
)", R"(DROP INDEX "blogs_title_created_idx";
)"},
{"AddIndex", Dialect::mysql, R"(CREATE INDEX `blogs_title_created_idx` ON `blogs` (`title`, `created_at`);
)", R"(DROP INDEX `blogs_title_created_idx` ON `blogs`;
)"},
{"AddUniqueTogether", Dialect::sqlite, R"(CREATE UNIQUE INDEX "blogs_user_title_uniq" ON "blogs" ("user_id", "title");
)", R"(DROP INDEX "blogs_user_title_uniq";
)"},
{"AddUniqueTogether", Dialect::postgresql, R"(ALTER TABLE "blogs" ADD CONSTRAINT "blogs_user_title_uniq" UNIQUE ("user_id", "title");
)", R"(ALTER TABLE "blogs" DROP CONSTRAINT "blogs_user_title_uniq";
)"},
{"AddUniqueTogether", Dialect::mysql, R"(ALTER TABLE `blogs` ADD CONSTRAINT `blogs_user_title_uniq` UNIQUE (`user_id`, `title`);
)", R"(ALTER TABLE `blogs` DROP INDEX `blogs_user_title_uniq`;
)"},
{"AddCheckConstraint", Dialect::sqlite, R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE, CONSTRAINT "blogs_title_not_empty" CHECK (title <> ''));
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"AddCheckConstraint", Dialect::postgresql, R"(ALTER TABLE "blogs" ADD CONSTRAINT "blogs_title_not_empty" CHECK (title <> '');
)", R"(ALTER TABLE "blogs" DROP CONSTRAINT "blogs_title_not_empty";
)"},
{"AddCheckConstraint", Dialect::mysql, R"(ALTER TABLE `blogs` ADD CONSTRAINT `blogs_title_not_empty` CHECK (title <> '');
)", R"(ALTER TABLE `blogs` DROP CONSTRAINT `blogs_title_not_empty`;
)"},

{"AlterFieldDecimalScale", Dialect::sqlite, R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 1) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)", R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)"},
{"AlterFieldDecimalScale", Dialect::postgresql, R"(DO $dbmig$ BEGIN IF EXISTS (SELECT 1 FROM "users" WHERE CAST(CAST("balance" AS NUMERIC(12, 1)) AS NUMERIC(12, 2)) <> "balance") THEN RAISE EXCEPTION USING MESSAGE = 'users.balance: changing the column to NUMERIC(12, 1) would round or change stored values; update those rows first'; END IF; END $dbmig$;
ALTER TABLE "users" ALTER COLUMN "balance" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "balance" TYPE NUMERIC(12, 1);
ALTER TABLE "users" ALTER COLUMN "balance" SET DEFAULT 0.5;
)", R"(ALTER TABLE "users" ALTER COLUMN "balance" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "balance" TYPE NUMERIC(12, 2);
ALTER TABLE "users" ALTER COLUMN "balance" SET DEFAULT 0.5;
)"},
{"AlterFieldDecimalScale", Dialect::mysql, R"(BEGIN NOT ATOMIC IF EXISTS (SELECT 1 FROM `users` WHERE CAST(CAST(`balance` AS DECIMAL(12, 1)) AS DECIMAL(12, 2)) <> `balance`) THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'users.balance: changing the column to DECIMAL(12, 1) would round or change stored values; update those rows first'; END IF; END;
ALTER TABLE `users` MODIFY `balance` DECIMAL(12, 1) NOT NULL DEFAULT 0.5;
)", R"(ALTER TABLE `users` MODIFY `balance` DECIMAL(12, 2) NOT NULL DEFAULT 0.5;
)"},
{"AlterFieldIntegerToFloat", Dialect::sqlite, R"(CREATE TEMP TABLE "dbmig_refusal" (matching INTEGER CONSTRAINT "users.level: changing the column to FLOAT would round or change stored values; update those rows first" CHECK (matching = 0));
INSERT INTO "dbmig_refusal" SELECT COUNT(*) FROM "users" WHERE CAST("level" AS REAL) <> "level";
DROP TABLE "dbmig_refusal";
CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" FLOAT NOT NULL DEFAULT -3, "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)", R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)"},
{"AlterFieldIntegerToFloat", Dialect::postgresql, R"(DO $dbmig$ BEGIN IF EXISTS (SELECT 1 FROM "users" WHERE CAST(CAST("level" AS REAL) AS SMALLINT) <> "level") THEN RAISE EXCEPTION USING MESSAGE = 'users.level: changing the column to REAL would round or change stored values; update those rows first'; END IF; END $dbmig$;
ALTER TABLE "users" ALTER COLUMN "level" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "level" TYPE REAL;
ALTER TABLE "users" ALTER COLUMN "level" SET DEFAULT -3;
)", R"(DO $dbmig$ BEGIN IF EXISTS (SELECT 1 FROM "users" WHERE CAST(CAST("level" AS SMALLINT) AS REAL) <> "level") THEN RAISE EXCEPTION USING MESSAGE = 'users.level: changing the column to SMALLINT would round or change stored values; update those rows first'; END IF; END $dbmig$;
ALTER TABLE "users" ALTER COLUMN "level" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "level" TYPE SMALLINT;
ALTER TABLE "users" ALTER COLUMN "level" SET DEFAULT -3;
)"},
{"AlterFieldIntegerToFloat", Dialect::mysql, R"(BEGIN NOT ATOMIC IF EXISTS (SELECT 1 FROM `users` WHERE CAST(CAST(`level` AS FLOAT) AS SIGNED) <> `level`) THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'users.level: changing the column to FLOAT would round or change stored values; update those rows first'; END IF; END;
ALTER TABLE `users` MODIFY `level` FLOAT NOT NULL DEFAULT -3;
)", R"(BEGIN NOT ATOMIC IF EXISTS (SELECT 1 FROM `users` WHERE CAST(CAST(`level` AS SIGNED) AS FLOAT) <> `level`) THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'users.level: changing the column to SMALLINT would round or change stored values; update those rows first'; END IF; END;
ALTER TABLE `users` MODIFY `level` SMALLINT NOT NULL DEFAULT -3;
)"},
  {"AddForeignKeyFieldSetDefault", Dialect::sqlite,
   R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, "reviewer_id" INTEGER NOT NULL DEFAULT 1, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE, CONSTRAINT "blogs_reviewer_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "users" ("id") ON DELETE SET DEFAULT);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)",
   R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
      {"AddForeignKeyFieldSetDefault", Dialect::postgresql,
       R"(ALTER TABLE "blogs" ADD COLUMN "reviewer_id" BIGINT NOT NULL DEFAULT 1;
ALTER TABLE "blogs" ADD CONSTRAINT "blogs_reviewer_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "users" ("id") ON DELETE SET DEFAULT;
)",
       R"(ALTER TABLE "blogs" DROP CONSTRAINT "blogs_reviewer_id_fk";
ALTER TABLE "blogs" DROP COLUMN "reviewer_id";
)"},
      {"AddForeignKeyFieldSetDefault", Dialect::mysql,
       R"(refused: MySQL/MariaDB (InnoDB) does not support ON DELETE SET DEFAULT; use set_null, cascade, restrict or no_action
)",
       R"(ALTER TABLE `blogs` DROP FOREIGN KEY `blogs_reviewer_id_fk`;
ALTER TABLE `blogs` DROP INDEX `blogs_reviewer_id_fk`;
ALTER TABLE `blogs` DROP COLUMN `reviewer_id`;
)"},
      {"AlterFieldOnDeleteNoAction", Dialect::sqlite,
       R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE NO ACTION);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)",
       R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
      {"AlterFieldOnDeleteNoAction", Dialect::postgresql,
       R"(ALTER TABLE "blogs" DROP CONSTRAINT "blogs_user_id_fk";
ALTER TABLE "blogs" ADD CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE NO ACTION;
)",
       R"(ALTER TABLE "blogs" DROP CONSTRAINT "blogs_user_id_fk";
ALTER TABLE "blogs" ADD CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE;
)"},
      {"AlterFieldOnDeleteNoAction", Dialect::mysql,
       R"(ALTER TABLE `blogs` DROP FOREIGN KEY `blogs_user_id_fk`;
ALTER TABLE `blogs` ADD CONSTRAINT `blogs_user_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION;
)",
       R"(ALTER TABLE `blogs` DROP FOREIGN KEY `blogs_user_id_fk`;
ALTER TABLE `blogs` ADD CONSTRAINT `blogs_user_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE;
)"},
      {"RenameModel", Dialect::sqlite, R"(ALTER TABLE "accounts_user" RENAME TO "accounts_person";
CREATE TABLE "new__accounts_person" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "accounts_person_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "accounts_person_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "accounts_person_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__accounts_person" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "accounts_person";
DROP TABLE "accounts_person";
ALTER TABLE "new__accounts_person" RENAME TO "accounts_person";
CREATE UNIQUE INDEX "accounts_person_email_uniq" ON "accounts_person" ("email");
)",
       R"(ALTER TABLE "accounts_person" RENAME TO "accounts_user";
CREATE TABLE "new__accounts_user" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "accounts_user_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "accounts_user_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "accounts_user_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__accounts_user" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "accounts_user";
DROP TABLE "accounts_user";
ALTER TABLE "new__accounts_user" RENAME TO "accounts_user";
CREATE UNIQUE INDEX "accounts_user_email_uniq" ON "accounts_user" ("email");
)"},
      {"RenameModel", Dialect::postgresql,
       R"(ALTER TABLE "accounts_user" RENAME TO "accounts_person";
ALTER TABLE "accounts_person" RENAME CONSTRAINT "accounts_user_email_uniq" TO "accounts_person_email_uniq";
ALTER TABLE "accounts_person" RENAME CONSTRAINT "accounts_user_age_check" TO "accounts_person_age_check";
ALTER TABLE "accounts_person" RENAME CONSTRAINT "accounts_user_visits_check" TO "accounts_person_visits_check";
ALTER TABLE "accounts_person" RENAME CONSTRAINT "accounts_user_pkey" TO "accounts_person_pkey";
)",
       R"(ALTER TABLE "accounts_person" RENAME TO "accounts_user";
ALTER TABLE "accounts_user" RENAME CONSTRAINT "accounts_person_email_uniq" TO "accounts_user_email_uniq";
ALTER TABLE "accounts_user" RENAME CONSTRAINT "accounts_person_age_check" TO "accounts_user_age_check";
ALTER TABLE "accounts_user" RENAME CONSTRAINT "accounts_person_visits_check" TO "accounts_user_visits_check";
ALTER TABLE "accounts_user" RENAME CONSTRAINT "accounts_person_pkey" TO "accounts_user_pkey";
)"},
      {"RenameModel", Dialect::mysql, R"(ALTER TABLE `accounts_user` RENAME TO `accounts_person`;
ALTER TABLE `accounts_person` RENAME INDEX `accounts_user_email_uniq` TO `accounts_person_email_uniq`;
)",
       R"(ALTER TABLE `accounts_person` RENAME TO `accounts_user`;
ALTER TABLE `accounts_user` RENAME INDEX `accounts_person_email_uniq` TO `accounts_user_email_uniq`;
)"},
{"AlterFieldIntegerNarrower", Dialect::sqlite, R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -128 AND 127), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)", R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)"},
{"AlterFieldIntegerNarrower", Dialect::postgresql, R"(ALTER TABLE "users" ADD CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -128 AND 127);
)", R"(ALTER TABLE "users" DROP CONSTRAINT "users_level_check";
)"},
{"AlterFieldIntegerNarrower", Dialect::mysql, R"(ALTER TABLE `users` MODIFY `level` TINYINT NOT NULL DEFAULT -3;
)", R"(ALTER TABLE `users` MODIFY `level` SMALLINT NOT NULL DEFAULT -3;
)"},
{"AlterFieldDateToTimestamp", Dialect::sqlite, R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATETIME, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)", R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)"},
{"AlterFieldDateToTimestamp", Dialect::postgresql, R"(ALTER TABLE "users" ALTER COLUMN "born" TYPE TIMESTAMPTZ;
)", R"(DO $dbmig$ BEGIN IF EXISTS (SELECT 1 FROM "users" WHERE CAST(CAST("born" AS DATE) AS TIMESTAMPTZ) <> "born") THEN RAISE EXCEPTION USING MESSAGE = 'users.born: changing the column to DATE would round or change stored values; update those rows first'; END IF; END $dbmig$;
ALTER TABLE "users" ALTER COLUMN "born" TYPE DATE;
)"},
{"AlterFieldDateToTimestamp", Dialect::mysql, R"(ALTER TABLE `users` MODIFY `born` DATETIME(6);
)", R"(BEGIN NOT ATOMIC IF EXISTS (SELECT 1 FROM `users` WHERE CAST(CAST(`born` AS DATE) AS DATETIME(6)) <> `born`) THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'users.born: changing the column to DATE would round or change stored values; update those rows first'; END IF; END;
ALTER TABLE `users` MODIFY `born` DATE;
)"},
{"RemoveIndex", Dialect::sqlite, R"(DROP INDEX "blogs_title_created_idx";
)", R"(CREATE INDEX "blogs_title_created_idx" ON "blogs" ("title", "created_at");
)"},
{"RemoveIndex", Dialect::postgresql, R"(DROP INDEX "blogs_title_created_idx";
)", R"(CREATE INDEX "blogs_title_created_idx" ON "blogs" ("title", "created_at");
)"},
{"RemoveIndex", Dialect::mysql, R"(DROP INDEX `blogs_title_created_idx` ON `blogs`;
)", R"(CREATE INDEX `blogs_title_created_idx` ON `blogs` (`title`, `created_at`);
)"},
{"AlterFieldSetNotNull", Dialect::sqlite, R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER NOT NULL DEFAULT 7 CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", COALESCE("age", 7), "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)", R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)"},
{"AlterFieldSetNotNull", Dialect::postgresql, R"(ALTER TABLE "users" ALTER COLUMN "age" SET DEFAULT 7;
UPDATE "users" SET "age" = 7 WHERE "age" IS NULL;
ALTER TABLE "users" ALTER COLUMN "age" SET NOT NULL;
)", R"(ALTER TABLE "users" ALTER COLUMN "age" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "age" DROP NOT NULL;
)"},
{"AlterFieldSetNotNull", Dialect::mysql, R"(UPDATE `users` SET `age` = 7 WHERE `age` IS NULL;
ALTER TABLE `users` MODIFY `age` TINYINT UNSIGNED NOT NULL DEFAULT 7;
)", R"(ALTER TABLE `users` MODIFY `age` TINYINT UNSIGNED;
)"},
{"OnlineAddNullableField", Dialect::sqlite, R"(ALTER TABLE "blogs" ADD COLUMN "views" INTEGER CONSTRAINT "blogs_views_check" CHECK ("views" BETWEEN -2147483648 AND 2147483647);
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"OnlineAddNullableField", Dialect::postgresql, R"(ALTER TABLE "blogs" ADD COLUMN IF NOT EXISTS "views" INTEGER;
)", R"(ALTER TABLE "blogs" DROP COLUMN "views";
)"},
{"OnlineAddNullableField", Dialect::mysql, R"(ALTER TABLE `blogs` ADD COLUMN `views` INT, ALGORITHM=INPLACE, LOCK=NONE;
)", R"(ALTER TABLE `blogs` DROP COLUMN `views`, ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAddNotNullFieldWithDefault", Dialect::sqlite, R"(ALTER TABLE "blogs" ADD COLUMN "rating" INTEGER NOT NULL DEFAULT 5 CONSTRAINT "blogs_rating_check" CHECK ("rating" BETWEEN 0 AND 65535);
CREATE INDEX "blogs_rating_idx" ON "blogs" ("rating");
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"OnlineAddNotNullFieldWithDefault", Dialect::postgresql, R"(ALTER TABLE "blogs" ADD COLUMN IF NOT EXISTS "rating" INTEGER NOT NULL DEFAULT 5 CONSTRAINT "blogs_rating_check" CHECK ("rating" BETWEEN 0 AND 65535);
DROP INDEX CONCURRENTLY IF EXISTS "blogs_rating_idx";
CREATE INDEX CONCURRENTLY "blogs_rating_idx" ON "blogs" ("rating");
)", R"(ALTER TABLE "blogs" DROP COLUMN "rating";
)"},
{"OnlineAddNotNullFieldWithDefault", Dialect::mysql, R"(ALTER TABLE `blogs` ADD COLUMN `rating` SMALLINT UNSIGNED NOT NULL DEFAULT 5, ALGORITHM=INPLACE, LOCK=NONE;
CREATE INDEX `blogs_rating_idx` ON `blogs` (`rating`) ALGORITHM=INPLACE LOCK=NONE;
)", R"(ALTER TABLE `blogs` DROP COLUMN `rating`, ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAddForeignKeyField", Dialect::sqlite, R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, "editor_id" INTEGER, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE, CONSTRAINT "blogs_editor_id_fk" FOREIGN KEY ("editor_id") REFERENCES "users" ("id") ON DELETE SET NULL);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"OnlineAddForeignKeyField", Dialect::postgresql, R"(ALTER TABLE "blogs" ADD COLUMN IF NOT EXISTS "editor_id" BIGINT;
ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_editor_id_fk";
ALTER TABLE "blogs" ADD CONSTRAINT "blogs_editor_id_fk" FOREIGN KEY ("editor_id") REFERENCES "users" ("id") ON DELETE SET NULL NOT VALID;
ALTER TABLE "blogs" VALIDATE CONSTRAINT "blogs_editor_id_fk";
)", R"(ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_editor_id_fk";
ALTER TABLE "blogs" DROP COLUMN "editor_id";
)"},
{"OnlineAddForeignKeyField", Dialect::mysql, R"(refused: MySQL/MariaDB cannot add the foreign key or check blogs_editor_id_fk to blogs without copying the table or blocking its writers; remove "online" from this operation to add it with the table locked
)", R"(ALTER TABLE `blogs` DROP FOREIGN KEY `blogs_editor_id_fk`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `blogs` DROP INDEX `blogs_editor_id_fk`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `blogs` DROP COLUMN `editor_id`, ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAddForeignKeyFieldSetDefault", Dialect::sqlite, R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, "reviewer_id" INTEGER NOT NULL DEFAULT 1, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE, CONSTRAINT "blogs_reviewer_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "users" ("id") ON DELETE SET DEFAULT);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"OnlineAddForeignKeyFieldSetDefault", Dialect::postgresql, R"(ALTER TABLE "blogs" ADD COLUMN IF NOT EXISTS "reviewer_id" BIGINT NOT NULL DEFAULT 1;
ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_reviewer_id_fk";
ALTER TABLE "blogs" ADD CONSTRAINT "blogs_reviewer_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "users" ("id") ON DELETE SET DEFAULT NOT VALID;
ALTER TABLE "blogs" VALIDATE CONSTRAINT "blogs_reviewer_id_fk";
)", R"(ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_reviewer_id_fk";
ALTER TABLE "blogs" DROP COLUMN "reviewer_id";
)"},
{"OnlineAddForeignKeyFieldSetDefault", Dialect::mysql, R"(refused: MySQL/MariaDB (InnoDB) does not support ON DELETE SET DEFAULT; use set_null, cascade, restrict or no_action
)", R"(ALTER TABLE `blogs` DROP FOREIGN KEY `blogs_reviewer_id_fk`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `blogs` DROP INDEX `blogs_reviewer_id_fk`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `blogs` DROP COLUMN `reviewer_id`, ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAddUniqueField", Dialect::sqlite, R"(ALTER TABLE "users" ADD COLUMN "slug" VARCHAR(50);
CREATE UNIQUE INDEX "users_slug_uniq" ON "users" ("slug");
)", R"(DROP INDEX "users_slug_uniq";
ALTER TABLE "users" DROP COLUMN "slug";
)"},
{"OnlineAddUniqueField", Dialect::postgresql, R"(ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "slug" VARCHAR(50);
ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_slug_uniq";
DROP INDEX CONCURRENTLY IF EXISTS "users_slug_uniq";
CREATE UNIQUE INDEX CONCURRENTLY "users_slug_uniq" ON "users" ("slug");
ALTER TABLE "users" ADD CONSTRAINT "users_slug_uniq" UNIQUE USING INDEX "users_slug_uniq";
)", R"(ALTER TABLE "users" DROP COLUMN "slug";
)"},
{"OnlineAddUniqueField", Dialect::mysql, R"(ALTER TABLE `users` ADD COLUMN `slug` VARCHAR(50), ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `users` ADD CONSTRAINT `users_slug_uniq` UNIQUE (`slug`), ALGORITHM=INPLACE, LOCK=NONE;
)", R"(ALTER TABLE `users` DROP COLUMN `slug`, ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAlterFieldTypeNullAndDefault", Dialect::sqlite, R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(150) NOT NULL DEFAULT 'none', "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", COALESCE("subtitle", 'none'), "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"OnlineAlterFieldTypeNullAndDefault", Dialect::postgresql, R"(ALTER TABLE "blogs" ALTER COLUMN "subtitle" TYPE VARCHAR(150);
ALTER TABLE "blogs" ALTER COLUMN "subtitle" SET DEFAULT 'none';
UPDATE "blogs" SET "subtitle" = 'none' WHERE "subtitle" IS NULL;
ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_subtitle_notnull";
ALTER TABLE "blogs" ADD CONSTRAINT "blogs_subtitle_notnull" CHECK ("subtitle" IS NOT NULL) NOT VALID;
ALTER TABLE "blogs" VALIDATE CONSTRAINT "blogs_subtitle_notnull";
ALTER TABLE "blogs" ALTER COLUMN "subtitle" SET NOT NULL;
ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_subtitle_notnull";
)", R"(ALTER TABLE "blogs" ALTER COLUMN "subtitle" DROP DEFAULT;
ALTER TABLE "blogs" ALTER COLUMN "subtitle" TYPE VARCHAR(100);
ALTER TABLE "blogs" ALTER COLUMN "subtitle" DROP NOT NULL;
)"},
{"OnlineAlterFieldTypeNullAndDefault", Dialect::mysql, R"(ALTER TABLE `blogs` MODIFY `subtitle` VARCHAR(150) DEFAULT 'none', ALGORITHM=INPLACE, LOCK=NONE;
UPDATE `blogs` SET `subtitle` = 'none' WHERE `subtitle` IS NULL;
ALTER TABLE `blogs` MODIFY `subtitle` VARCHAR(150) NOT NULL DEFAULT 'none', ALGORITHM=INPLACE, LOCK=NONE;
)", R"(ALTER TABLE `blogs` MODIFY `subtitle` VARCHAR(100), ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAlterFieldUnsignedWidth", Dialect::sqlite, R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 4294967295), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)", R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)"},
{"OnlineAlterFieldUnsignedWidth", Dialect::postgresql, R"(ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_age_check";
ALTER TABLE "users" ALTER COLUMN "age" TYPE BIGINT;
ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_age_check";
ALTER TABLE "users" ADD CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 4294967295) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "users_age_check";
)", R"(ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_age_check";
ALTER TABLE "users" ALTER COLUMN "age" TYPE SMALLINT;
ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_age_check";
ALTER TABLE "users" ADD CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "users_age_check";
)"},
{"OnlineAlterFieldUnsignedWidth", Dialect::mysql, R"(ALTER TABLE `users` MODIFY `age` INT UNSIGNED, ALGORITHM=INPLACE, LOCK=NONE;
)", R"(ALTER TABLE `users` MODIFY `age` TINYINT UNSIGNED, ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAlterFieldIntegerNarrower", Dialect::sqlite, R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -128 AND 127), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)", R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)"},
{"OnlineAlterFieldIntegerNarrower", Dialect::postgresql, R"(ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_level_check";
ALTER TABLE "users" ADD CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -128 AND 127) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "users_level_check";
)", R"(ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_level_check";
)"},
{"OnlineAlterFieldIntegerNarrower", Dialect::mysql, R"(ALTER TABLE `users` MODIFY `level` TINYINT NOT NULL DEFAULT -3, ALGORITHM=INPLACE, LOCK=NONE;
)", R"(ALTER TABLE `users` MODIFY `level` SMALLINT NOT NULL DEFAULT -3, ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAlterFieldDateToTimestamp", Dialect::sqlite, R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATETIME, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)", R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)"},
{"OnlineAlterFieldDateToTimestamp", Dialect::postgresql, R"(ALTER TABLE "users" ALTER COLUMN "born" TYPE TIMESTAMPTZ;
)", R"(DO $dbmig$ BEGIN IF EXISTS (SELECT 1 FROM "users" WHERE CAST(CAST("born" AS DATE) AS TIMESTAMPTZ) <> "born") THEN RAISE EXCEPTION USING MESSAGE = 'users.born: changing the column to DATE would round or change stored values; update those rows first'; END IF; END $dbmig$;
ALTER TABLE "users" ALTER COLUMN "born" TYPE DATE;
)"},
{"OnlineAlterFieldDateToTimestamp", Dialect::mysql, R"(ALTER TABLE `users` MODIFY `born` DATETIME(6), ALGORITHM=INPLACE, LOCK=NONE;
)", R"(BEGIN NOT ATOMIC IF EXISTS (SELECT 1 FROM `users` WHERE CAST(CAST(`born` AS DATE) AS DATETIME(6)) <> `born`) THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'users.born: changing the column to DATE would round or change stored values; update those rows first'; END IF; END;
ALTER TABLE `users` MODIFY `born` DATE, ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAlterFieldDecimalScale", Dialect::sqlite, R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 1) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)", R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)"},
{"OnlineAlterFieldDecimalScale", Dialect::postgresql, R"(DO $dbmig$ BEGIN IF EXISTS (SELECT 1 FROM "users" WHERE CAST(CAST("balance" AS NUMERIC(12, 1)) AS NUMERIC(12, 2)) <> "balance") THEN RAISE EXCEPTION USING MESSAGE = 'users.balance: changing the column to NUMERIC(12, 1) would round or change stored values; update those rows first'; END IF; END $dbmig$;
ALTER TABLE "users" ALTER COLUMN "balance" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "balance" TYPE NUMERIC(12, 1);
ALTER TABLE "users" ALTER COLUMN "balance" SET DEFAULT 0.5;
)", R"(ALTER TABLE "users" ALTER COLUMN "balance" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "balance" TYPE NUMERIC(12, 2);
ALTER TABLE "users" ALTER COLUMN "balance" SET DEFAULT 0.5;
)"},
{"OnlineAlterFieldDecimalScale", Dialect::mysql, R"(BEGIN NOT ATOMIC IF EXISTS (SELECT 1 FROM `users` WHERE CAST(CAST(`balance` AS DECIMAL(12, 1)) AS DECIMAL(12, 2)) <> `balance`) THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'users.balance: changing the column to DECIMAL(12, 1) would round or change stored values; update those rows first'; END IF; END;
ALTER TABLE `users` MODIFY `balance` DECIMAL(12, 1) NOT NULL DEFAULT 0.5, ALGORITHM=INPLACE, LOCK=NONE;
)", R"(ALTER TABLE `users` MODIFY `balance` DECIMAL(12, 2) NOT NULL DEFAULT 0.5, ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAlterFieldIntegerToFloat", Dialect::sqlite, R"(CREATE TEMP TABLE "dbmig_refusal" (matching INTEGER CONSTRAINT "users.level: changing the column to FLOAT would round or change stored values; update those rows first" CHECK (matching = 0));
INSERT INTO "dbmig_refusal" SELECT COUNT(*) FROM "users" WHERE CAST("level" AS REAL) <> "level";
DROP TABLE "dbmig_refusal";
CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" FLOAT NOT NULL DEFAULT -3, "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)", R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)"},
{"OnlineAlterFieldIntegerToFloat", Dialect::postgresql, R"(DO $dbmig$ BEGIN IF EXISTS (SELECT 1 FROM "users" WHERE CAST(CAST("level" AS REAL) AS SMALLINT) <> "level") THEN RAISE EXCEPTION USING MESSAGE = 'users.level: changing the column to REAL would round or change stored values; update those rows first'; END IF; END $dbmig$;
ALTER TABLE "users" ALTER COLUMN "level" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "level" TYPE REAL;
ALTER TABLE "users" ALTER COLUMN "level" SET DEFAULT -3;
)", R"(DO $dbmig$ BEGIN IF EXISTS (SELECT 1 FROM "users" WHERE CAST(CAST("level" AS SMALLINT) AS REAL) <> "level") THEN RAISE EXCEPTION USING MESSAGE = 'users.level: changing the column to SMALLINT would round or change stored values; update those rows first'; END IF; END $dbmig$;
ALTER TABLE "users" ALTER COLUMN "level" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "level" TYPE SMALLINT;
ALTER TABLE "users" ALTER COLUMN "level" SET DEFAULT -3;
)"},
{"OnlineAlterFieldIntegerToFloat", Dialect::mysql, R"(BEGIN NOT ATOMIC IF EXISTS (SELECT 1 FROM `users` WHERE CAST(CAST(`level` AS FLOAT) AS SIGNED) <> `level`) THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'users.level: changing the column to FLOAT would round or change stored values; update those rows first'; END IF; END;
ALTER TABLE `users` MODIFY `level` FLOAT NOT NULL DEFAULT -3, ALGORITHM=INPLACE, LOCK=NONE;
)", R"(BEGIN NOT ATOMIC IF EXISTS (SELECT 1 FROM `users` WHERE CAST(CAST(`level` AS SIGNED) AS FLOAT) <> `level`) THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'users.level: changing the column to SMALLINT would round or change stored values; update those rows first'; END IF; END;
ALTER TABLE `users` MODIFY `level` SMALLINT NOT NULL DEFAULT -3, ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAlterFieldBooleanToBigint", Dialect::sqlite, R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" INTEGER NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"OnlineAlterFieldBooleanToBigint", Dialect::postgresql, R"(ALTER TABLE "blogs" ALTER COLUMN "active" DROP DEFAULT;
ALTER TABLE "blogs" ALTER COLUMN "active" TYPE BIGINT USING CAST(CAST("active" AS INTEGER) AS BIGINT);
ALTER TABLE "blogs" ALTER COLUMN "active" SET DEFAULT 1;
)", R"(DO $dbmig$ BEGIN IF EXISTS (SELECT 1 FROM "blogs" WHERE CAST(CAST(("active" <> 0) AS INTEGER) AS BIGINT) <> "active") THEN RAISE EXCEPTION USING MESSAGE = 'blogs.active: changing the column to BOOLEAN would round or change stored values; update those rows first'; END IF; END $dbmig$;
ALTER TABLE "blogs" ALTER COLUMN "active" DROP DEFAULT;
ALTER TABLE "blogs" ALTER COLUMN "active" TYPE BOOLEAN USING ("active" <> 0);
ALTER TABLE "blogs" ALTER COLUMN "active" SET DEFAULT TRUE;
)"},
{"OnlineAlterFieldBooleanToBigint", Dialect::mysql, R"(ALTER TABLE `blogs` MODIFY `active` BIGINT NOT NULL DEFAULT 1, ALGORITHM=INPLACE, LOCK=NONE;
)", R"(ALTER TABLE `blogs` MODIFY `active` BOOLEAN NOT NULL DEFAULT TRUE, ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAlterFieldIndexToUnique", Dialect::sqlite, R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE UNIQUE INDEX "blogs_title_uniq" ON "blogs" ("title");
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"OnlineAlterFieldIndexToUnique", Dialect::postgresql, R"(ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_title_uniq";
DROP INDEX CONCURRENTLY IF EXISTS "blogs_title_uniq";
CREATE UNIQUE INDEX CONCURRENTLY "blogs_title_uniq" ON "blogs" ("title");
ALTER TABLE "blogs" ADD CONSTRAINT "blogs_title_uniq" UNIQUE USING INDEX "blogs_title_uniq";
)", R"(ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_title_uniq";
)"},
{"OnlineAlterFieldIndexToUnique", Dialect::mysql, R"(ALTER TABLE `blogs` ADD CONSTRAINT `blogs_title_uniq` UNIQUE (`title`), ALGORITHM=INPLACE, LOCK=NONE;
)", R"(ALTER TABLE `blogs` DROP INDEX `blogs_title_uniq`, ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAlterFieldDropForeignKeyIndex", Dialect::sqlite, R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"OnlineAlterFieldDropForeignKeyIndex", Dialect::postgresql, R"(ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_user_id_fk";
DROP INDEX CONCURRENTLY IF EXISTS "blogs_user_id_idx";
ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_user_id_fk";
ALTER TABLE "blogs" ADD CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT NOT VALID;
ALTER TABLE "blogs" VALIDATE CONSTRAINT "blogs_user_id_fk";
)", R"(ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_user_id_fk";
ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_user_id_fk";
ALTER TABLE "blogs" ADD CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE NOT VALID;
ALTER TABLE "blogs" VALIDATE CONSTRAINT "blogs_user_id_fk";
DROP INDEX CONCURRENTLY IF EXISTS "blogs_user_id_idx";
CREATE INDEX CONCURRENTLY "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"OnlineAlterFieldDropForeignKeyIndex", Dialect::mysql, R"(refused: MySQL/MariaDB cannot add the foreign key or check blogs_user_id_fk to blogs without copying the table or blocking its writers; remove "online" from this operation to add it with the table locked
)", R"(refused: MySQL/MariaDB cannot add the foreign key or check blogs_user_id_fk to blogs without copying the table or blocking its writers; remove "online" from this operation to add it with the table locked
)"},
{"OnlineAlterFieldOnDeleteNoAction", Dialect::sqlite, R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE NO ACTION);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"OnlineAlterFieldOnDeleteNoAction", Dialect::postgresql, R"(ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_user_id_fk";
ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_user_id_fk";
ALTER TABLE "blogs" ADD CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE NO ACTION NOT VALID;
ALTER TABLE "blogs" VALIDATE CONSTRAINT "blogs_user_id_fk";
)", R"(ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_user_id_fk";
ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_user_id_fk";
ALTER TABLE "blogs" ADD CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE NOT VALID;
ALTER TABLE "blogs" VALIDATE CONSTRAINT "blogs_user_id_fk";
)"},
{"OnlineAlterFieldOnDeleteNoAction", Dialect::mysql, R"(refused: MySQL/MariaDB cannot add the foreign key or check blogs_user_id_fk to blogs without copying the table or blocking its writers; remove "online" from this operation to add it with the table locked
)", R"(refused: MySQL/MariaDB cannot add the foreign key or check blogs_user_id_fk to blogs without copying the table or blocking its writers; remove "online" from this operation to add it with the table locked
)"},
{"OnlineAlterFieldComment", Dialect::sqlite, "", ""},
{"OnlineAlterFieldComment", Dialect::postgresql, R"(COMMENT ON COLUMN "blogs"."title" IS 'The headline''s text';
)", R"(COMMENT ON COLUMN "blogs"."title" IS NULL;
)"},
{"OnlineAlterFieldComment", Dialect::mysql, R"(ALTER TABLE `blogs` MODIFY `title` VARCHAR(200) NOT NULL COMMENT 'The headline''s text', ALGORITHM=INPLACE, LOCK=NONE;
)", R"(ALTER TABLE `blogs` MODIFY `title` VARCHAR(200) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAlterReferencedTable", Dialect::sqlite, R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" VARCHAR(80) NOT NULL, "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)", R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)"},
{"OnlineAlterReferencedTable", Dialect::postgresql, R"(ALTER TABLE "users" ALTER COLUMN "name" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "name" TYPE VARCHAR(80);
)", R"(ALTER TABLE "users" ALTER COLUMN "name" TYPE TEXT;
ALTER TABLE "users" ALTER COLUMN "name" SET DEFAULT 'it''s';
)"},
{"OnlineAlterReferencedTable", Dialect::mysql, R"(ALTER TABLE `users` MODIFY `name` VARCHAR(80) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
)", R"(ALTER TABLE `users` MODIFY `name` LONGTEXT NOT NULL DEFAULT 'it''s', ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAddIndex", Dialect::sqlite, R"(CREATE INDEX "blogs_title_created_idx" ON "blogs" ("title", "created_at");
)", R"(DROP INDEX "blogs_title_created_idx";
)"},
{"OnlineAddIndex", Dialect::postgresql, R"(DROP INDEX CONCURRENTLY IF EXISTS "blogs_title_created_idx";
CREATE INDEX CONCURRENTLY "blogs_title_created_idx" ON "blogs" ("title", "created_at");
)", R"(DROP INDEX CONCURRENTLY IF EXISTS "blogs_title_created_idx";
)"},
{"OnlineAddIndex", Dialect::mysql, R"(CREATE INDEX `blogs_title_created_idx` ON `blogs` (`title`, `created_at`) ALGORITHM=INPLACE LOCK=NONE;
)", R"(ALTER TABLE `blogs` DROP INDEX `blogs_title_created_idx`, ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAddUniqueTogether", Dialect::sqlite, R"(CREATE UNIQUE INDEX "blogs_user_title_uniq" ON "blogs" ("user_id", "title");
)", R"(DROP INDEX "blogs_user_title_uniq";
)"},
{"OnlineAddUniqueTogether", Dialect::postgresql, R"(ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_user_title_uniq";
DROP INDEX CONCURRENTLY IF EXISTS "blogs_user_title_uniq";
CREATE UNIQUE INDEX CONCURRENTLY "blogs_user_title_uniq" ON "blogs" ("user_id", "title");
ALTER TABLE "blogs" ADD CONSTRAINT "blogs_user_title_uniq" UNIQUE USING INDEX "blogs_user_title_uniq";
)", R"(ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_user_title_uniq";
)"},
{"OnlineAddUniqueTogether", Dialect::mysql, R"(ALTER TABLE `blogs` ADD CONSTRAINT `blogs_user_title_uniq` UNIQUE (`user_id`, `title`), ALGORITHM=INPLACE, LOCK=NONE;
)", R"(ALTER TABLE `blogs` DROP INDEX `blogs_user_title_uniq`, ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineAddCheckConstraint", Dialect::sqlite, R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE, CONSTRAINT "blogs_title_not_empty" CHECK (title <> ''));
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)", R"(CREATE TABLE "new__blogs" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(200) NOT NULL, "body" TEXT NOT NULL, "active" BOOLEAN NOT NULL DEFAULT 1, "user_id" INTEGER NOT NULL, "subtitle" VARCHAR(100), "created_at" DATETIME NOT NULL, CONSTRAINT "blogs_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "new__blogs" ("id", "title", "body", "active", "user_id", "subtitle", "created_at") SELECT "id", "title", "body", "active", "user_id", "subtitle", "created_at" FROM "blogs";
DROP TABLE "blogs";
ALTER TABLE "new__blogs" RENAME TO "blogs";
CREATE INDEX "blogs_user_id_idx" ON "blogs" ("user_id");
)"},
{"OnlineAddCheckConstraint", Dialect::postgresql, R"(ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_title_not_empty";
ALTER TABLE "blogs" ADD CONSTRAINT "blogs_title_not_empty" CHECK (title <> '') NOT VALID;
ALTER TABLE "blogs" VALIDATE CONSTRAINT "blogs_title_not_empty";
)", R"(ALTER TABLE "blogs" DROP CONSTRAINT IF EXISTS "blogs_title_not_empty";
)"},
{"OnlineAddCheckConstraint", Dialect::mysql, R"(refused: MySQL/MariaDB cannot add the foreign key or check blogs_title_not_empty to blogs without copying the table or blocking its writers; remove "online" from this operation to add it with the table locked
)", R"(ALTER TABLE `blogs` DROP CONSTRAINT `blogs_title_not_empty`, ALGORITHM=INPLACE, LOCK=NONE;
)"},
{"OnlineRemoveIndex", Dialect::sqlite, R"(DROP INDEX "blogs_title_created_idx";
)", R"(CREATE INDEX "blogs_title_created_idx" ON "blogs" ("title", "created_at");
)"},
{"OnlineRemoveIndex", Dialect::postgresql, R"(DROP INDEX CONCURRENTLY IF EXISTS "blogs_title_created_idx";
)", R"(DROP INDEX CONCURRENTLY IF EXISTS "blogs_title_created_idx";
CREATE INDEX CONCURRENTLY "blogs_title_created_idx" ON "blogs" ("title", "created_at");
)"},
{"OnlineRemoveIndex", Dialect::mysql, R"(ALTER TABLE `blogs` DROP INDEX `blogs_title_created_idx`, ALGORITHM=INPLACE, LOCK=NONE;
)", R"(CREATE INDEX `blogs_title_created_idx` ON `blogs` (`title`, `created_at`) ALGORITHM=INPLACE LOCK=NONE;
)"},
{"OnlineAlterFieldSetNotNull", Dialect::sqlite, R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER NOT NULL DEFAULT 7 CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", COALESCE("age", 7), "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)", R"(CREATE TABLE "new__users" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(200) NOT NULL, "name" TEXT NOT NULL DEFAULT 'it''s', "age" INTEGER CONSTRAINT "users_age_check" CHECK ("age" BETWEEN 0 AND 255), "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5, "joined_at" DATETIME, "born" DATE, "avatar" BLOB, "score" REAL NOT NULL DEFAULT 1.5, "rank" FLOAT, "level" INTEGER NOT NULL DEFAULT -3 CONSTRAINT "users_level_check" CHECK ("level" BETWEEN -32768 AND 32767), "visits" INTEGER NOT NULL DEFAULT 0 CONSTRAINT "users_visits_check" CHECK ("visits" >= 0));
INSERT INTO "new__users" ("id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits") SELECT "id", "email", "name", "age", "balance", "joined_at", "born", "avatar", "score", "rank", "level", "visits" FROM "users";
DROP TABLE "users";
ALTER TABLE "new__users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_uniq" ON "users" ("email");
)"},
{"OnlineAlterFieldSetNotNull", Dialect::postgresql, R"(ALTER TABLE "users" ALTER COLUMN "age" SET DEFAULT 7;
UPDATE "users" SET "age" = 7 WHERE "age" IS NULL;
ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_age_notnull";
ALTER TABLE "users" ADD CONSTRAINT "users_age_notnull" CHECK ("age" IS NOT NULL) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "users_age_notnull";
ALTER TABLE "users" ALTER COLUMN "age" SET NOT NULL;
ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_age_notnull";
)", R"(ALTER TABLE "users" ALTER COLUMN "age" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "age" DROP NOT NULL;
)"},
{"OnlineAlterFieldSetNotNull", Dialect::mysql, R"(UPDATE `users` SET `age` = 7 WHERE `age` IS NULL;
ALTER TABLE `users` MODIFY `age` TINYINT UNSIGNED NOT NULL DEFAULT 7, ALGORITHM=INPLACE, LOCK=NONE;
)", R"(ALTER TABLE `users` MODIFY `age` TINYINT UNSIGNED, ALGORITHM=INPLACE, LOCK=NONE;
)"},
};
// clang-format on

const Golden* find_golden(const std::string& change, Dialect dialect) {
  for (const auto& golden : kGoldens)
    if (golden.change == change && golden.dialect == dialect) return &golden;
  return nullptr;
}

}  // namespace

}  // namespace dbmig::test
