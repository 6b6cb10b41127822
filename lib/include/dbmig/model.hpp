// The annotations that mark C++ structs as dbmig models (docs/models.md).
//
//   struct DBMIG_MODEL(table = "blogs") Blog {
//     DBMIG_FIELD(primary_key) std::int64_t id;
//     DBMIG_FIELD(max_length = 200) std::string title;
//     DBMIG_IGNORE int cached_rank = 0;
//   };
//
// Under clang (which the dbmig scanner is) each macro becomes an annotate attribute carrying its
// options as text: "dbmig:model:<options>", "dbmig:field:<options>", "dbmig:ignore". Every
// other compiler sees nothing, so models cost no warning, no size and no run time. The options
// are stringized, never expanded or evaluated: `references = accounts::User` needs no include.
#pragma once

#if defined(__clang__)
#define DBMIG_MODEL(...) __attribute__((annotate("dbmig:model:" #__VA_ARGS__)))
#define DBMIG_FIELD(...) __attribute__((annotate("dbmig:field:" #__VA_ARGS__)))
#define DBMIG_IGNORE __attribute__((annotate("dbmig:ignore")))
#else
#define DBMIG_MODEL(...)
#define DBMIG_FIELD(...)
#define DBMIG_IGNORE
#endif
