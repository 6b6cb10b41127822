// The annotated C++ model header of the tables of a live database: what `dbmig inspectdb`
// writes to apps/<app>/models.hpp (docs/inspectdb.md). Pure: text in, text out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dbmig/live_schema.hpp"

namespace dbmig {

struct ModelHeader {
  std::string text;  // the header, byte-identical for the same schema and app
  std::size_t models = 0;
  // The schema's notes, then what the header itself cannot say (an integral primary key that
  // is not auto-increment, a table without one primary key), each also a comment in `text`.
  std::vector<SchemaNote> notes;
};

// One DBMIG_MODEL struct per table of `schema`, in namespace `app` (a valid C++ identifier),
// so that scanning the header gives back each table's table view exactly (check expressions
// compared with same_check_expression). A referenced table comes before the tables that
// reference it; a self reference or a cycle uses the `references = "app.Model"` form.
ModelHeader render_model_header(const LiveSchema& schema, std::string_view app);

}  // namespace dbmig
