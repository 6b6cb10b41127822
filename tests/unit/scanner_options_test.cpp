// Every model and field option, on headers written by the tests.
#include <gtest/gtest.h>

#include "scanner_fixture.hpp"

namespace dbmig {

TEST(ScannerOptions, FieldOptionsReachTheState) {
  test::ScannerProject project;
  project.write("apps/shop/models.hpp", R"(
namespace shop {
struct DBMIG_MODEL(table = "customers", comment = "who buys") Customer {
  DBMIG_FIELD(primary_key, column = "customer_id") std::int64_t id;
  DBMIG_FIELD(max_length = 80, unique, comment = "shown on invoices") std::string name;
  DBMIG_FIELD(index) std::int32_t rank = 0;
  DBMIG_FIELD(default = "n/a") std::string note;
  DBMIG_FIELD(renamed_from = mail, max_length = 200) std::optional<std::string> email;
};
struct DBMIG_MODEL(renamed_from = Purchase) OrderItem {
  DBMIG_FIELD(primary_key) std::int64_t id;
  DBMIG_FIELD(references = Customer, on_delete = set_null) std::optional<std::int64_t> buyer;
  DBMIG_FIELD(references = "shop.Customer", on_delete = restrict, index = false) std::int64_t payer;
  DBMIG_FIELD(references = ::shop::Customer, unique) std::int64_t owner;
};
}
)");
  ScanResult result = project.scan();
  const Model& customer = result.state.get({"shop", "Customer"});
  EXPECT_EQ(customer.table, "customers");
  EXPECT_EQ(customer.comment, "who buys");
  EXPECT_EQ(customer.fields[0].column_name(), "customer_id");
  EXPECT_EQ(customer.fields[1].max_length, 80);
  EXPECT_TRUE(customer.fields[1].unique);
  EXPECT_EQ(customer.fields[1].comment, "shown on invoices");
  EXPECT_TRUE(customer.fields[2].index);
  EXPECT_EQ(customer.fields[2].default_value, Literal(std::int64_t{0}));
  EXPECT_EQ(customer.fields[3].default_value, Literal(std::string("n/a")));
  EXPECT_TRUE(customer.fields[4].null);
  EXPECT_EQ(result.sources.at({"shop", "Customer"}).fields.at("email").renamed_from, "mail");

  const Model& item = result.state.get({"shop", "OrderItem"});
  EXPECT_EQ(item.table, "shop_order_item");
  EXPECT_EQ(result.sources.at({"shop", "OrderItem"}).renamed_from, "Purchase");
  const Field& buyer = item.fields[1];
  EXPECT_EQ(buyer.references, (Reference{{"shop", "Customer"}, OnDelete::set_null}));
  EXPECT_TRUE(buyer.index);
  EXPECT_EQ(item.fields[2].references, (Reference{{"shop", "Customer"}, OnDelete::restrict}));
  EXPECT_FALSE(item.fields[2].index);
  EXPECT_EQ(item.fields[3].references, (Reference{{"shop", "Customer"}, OnDelete::no_action}));
  EXPECT_FALSE(item.fields[3].index) << "a unique column is indexed by its constraint";
}

TEST(ScannerOptions, ModelIndexesAndConstraintsGetDeterministicNames) {
  test::ScannerProject project;
  project.write("apps/blog/models.hpp", R"(
namespace blog {
struct DBMIG_MODEL(index(title, created_at), index(slug, name = "blog_slug"),
                   unique_together(author, slug), unique_together(author, title, name = "one_title"),
                   check = "length(title) > 0", check("rank >= 0", name = "rank_positive"))
    Post {
  DBMIG_FIELD(primary_key) std::int64_t id;
  DBMIG_FIELD(max_length = 200) std::string title;
  DBMIG_FIELD(max_length = 50, column = "url_slug") std::string slug;
  std::int64_t author;
  std::int32_t rank;
  std::chrono::system_clock::time_point created_at;
};
}
)");
  ScanResult result = project.scan();
  const Model& post = result.state.get({"blog", "Post"});
  ASSERT_EQ(post.indexes.size(), 2u);
  EXPECT_EQ(post.indexes[0], (Index{"blog_post_title_created_at_idx", {"title", "created_at"}}));
  EXPECT_EQ(post.indexes[1], (Index{"blog_slug", {"slug"}}));
  ASSERT_EQ(post.constraints.size(), 4u);
  EXPECT_EQ(post.constraints[0],
            (Constraint{
                "blog_post_author_url_slug_uniq", ConstraintKind::unique, {"author", "slug"}, {}}));
  EXPECT_EQ(post.constraints[1],
            (Constraint{"one_title", ConstraintKind::unique, {"author", "title"}, {}}));
  EXPECT_EQ(post.constraints[2],
            (Constraint{"blog_post_title_check", ConstraintKind::check, {}, "length(title) > 0"}));
  EXPECT_EQ(post.constraints[3],
            (Constraint{"rank_positive", ConstraintKind::check, {}, "rank >= 0"}));
}

TEST(ScannerOptions, ModelsInNestedNamespacesAndSeveralHeadersPerApp) {
  test::ScannerProject project;
  project.write("dbmig.json",
                R"({"apps": {"inventory": ["src/inventory/item.hpp", "src/inventory/bin.hpp"]}})",
                false);
  project.write("src/inventory/common.hpp", R"(
namespace company::inventory::detail {
struct DBMIG_MODEL() Supplier { DBMIG_FIELD(primary_key) std::int32_t id; };
}
)");
  project.write("src/inventory/item.hpp", R"(
#include "common.hpp"
namespace company::inventory {
struct DBMIG_MODEL() Item {
  DBMIG_FIELD(primary_key) std::int64_t id;
  DBMIG_FIELD(references = detail::Supplier) std::int32_t supplier;
};
}
)");
  project.write("src/inventory/bin.hpp", R"(
namespace company::inventory {
struct DBMIG_MODEL() Bin { DBMIG_FIELD(primary_key) std::int64_t id; };
}
)");
  ScanResult result = project.scan();
  EXPECT_EQ(result.state.models.size(), 3u);
  EXPECT_EQ(result.sources.at({"inventory", "Supplier"}).cpp_name,
            "company::inventory::detail::Supplier");
  EXPECT_EQ(result.state.get({"inventory", "Item"}).fields[1].references->target,
            (ModelKey{"inventory", "Supplier"}));
  EXPECT_NE(result.state.find({"inventory", "Bin"}), nullptr);
}

TEST(ScannerOptions, BaseClassFieldsComeFirst) {
  test::ScannerProject project;
  project.write("apps/notes/models.hpp", R"(
namespace notes {
struct Timestamps { std::chrono::system_clock::time_point created_at; };
struct DBMIG_MODEL() Note : Timestamps {
  DBMIG_FIELD(primary_key) std::int64_t id;
};
}
)");
  ScanResult result = project.scan();
  const Model& note = result.state.get({"notes", "Note"});
  ASSERT_EQ(note.fields.size(), 2u);
  EXPECT_EQ(note.fields[0].name, "created_at");
  EXPECT_EQ(note.fields[1].name, "id");
}

TEST(ScannerOptions, CompileCommandsProvideIncludePathsAndDefines) {
  test::ScannerProject project;
  project.write("include/shared/ids.hpp", "namespace shared { using Id = std::int64_t; }\n");
  project.write(
      "compile_commands.json",
      R"([{"directory": ")" + project.root().string() +
          R"(", "command": "c++ -Iinclude -DNOTE_LENGTH=42 -c main.cpp", "file": "main.cpp"}])",
      false);
  project.write("apps/notes/models.hpp", R"(
#include <shared/ids.hpp>
namespace notes {
struct DBMIG_MODEL() Note {
  DBMIG_FIELD(primary_key) shared::Id id;
  std::int32_t length = NOTE_LENGTH;
};
}
)");
  ScanResult result = project.scan();
  const Model& note = result.state.get({"notes", "Note"});
  EXPECT_EQ(note.fields[0].type, FieldType::int64);
  EXPECT_EQ(note.fields[1].default_value, Literal(std::int64_t{42}));
}

TEST(ScannerOptions, ClangArgsFromDbmigJsonWithoutCompileCommands) {
  test::ScannerProject project;
  project.write("dbmig.json", R"({"clang_args": ["-DWITH_RANK"]})", false);
  project.write("apps/notes/models.hpp", R"(
namespace notes {
struct DBMIG_MODEL() Note {
  DBMIG_FIELD(primary_key) std::int64_t id;
#ifdef WITH_RANK
  std::int32_t rank;
#endif
};
}
)");
  ScanResult result = project.scan();
  EXPECT_NE(result.state.get({"notes", "Note"}).find_field("rank"), nullptr);
}

}  // namespace dbmig
