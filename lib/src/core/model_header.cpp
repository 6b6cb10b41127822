// render_model_header: a live schema's tables as annotated model structs (docs/inspectdb.md).
#include "dbmig/model_header.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>
#include <variant>

#include "core/cpp_names.hpp"
#include "core/text.hpp"
#include "dbmig/naming.hpp"

namespace dbmig {

namespace {

// `base`, or `base<separator>2`, `base<separator>3`, ...: the first not in `taken`, which
// then holds it.
std::string claim(const std::string& base, std::string_view separator,
                  std::set<std::string>& taken) {
  std::string name = base;
  for (int number = 2; taken.count(name); ++number)
    name = base + std::string(separator) + std::to_string(number);
  taken.insert(name);
  return name;
}

// A decimal is a double when its default is a number (a std::string default would not read
// back as one), else a std::string, which holds any decimal exactly.
bool decimal_as_double(const Field& field) {
  return field.default_value && !std::holds_alternative<std::string>(*field.default_value);
}

std::string value_type(const Field& field) {
  switch (field.type) {
    case FieldType::boolean:
      return "bool";
    case FieldType::int8:
    case FieldType::int16:
    case FieldType::int32:
    case FieldType::int64:
    case FieldType::uint8:
    case FieldType::uint16:
    case FieldType::uint32:
    case FieldType::uint64:
      return "std::" + std::string(to_string(field.type)) + "_t";
    case FieldType::float32:
      return "float";
    case FieldType::float64:
      return "double";
    case FieldType::string:
      return "std::string";
    case FieldType::bytes:
      return "std::vector<std::uint8_t>";
    case FieldType::timestamp:
      return "std::chrono::system_clock::time_point";
    case FieldType::date:
      return "std::chrono::year_month_day";
    case FieldType::decimal:
      return decimal_as_double(field) ? "double" : "std::string";
  }
  return "";
}

std::string cpp_type(const Field& field) {
  return field.null ? "std::optional<" + value_type(field) + ">" : value_type(field);
}

// The standard headers the members' types need (<cstdint> also for INT64_MIN).
std::set<std::string> includes_for(const std::vector<Model>& tables) {
  std::set<std::string> includes;
  for (const Model& table : tables)
    for (const Field& field : table.fields) {
      std::string type = cpp_type(field);
      if (field.null) includes.insert("optional");
      if (type.find("std::string") != std::string::npos) includes.insert("string");
      if (field.type == FieldType::bytes) includes.insert("vector");
      if (field.type == FieldType::timestamp || field.type == FieldType::date)
        includes.insert("chrono");
      if (is_integral(field.type) || field.type == FieldType::bytes) includes.insert("cstdint");
    }
  return includes;
}

// A comment line: no control byte (a newline would end it) and no final backslash (which
// would continue it onto the next line).
std::string comment_line(std::string_view indent, std::string_view text) {
  std::string line = std::string(indent) + "// ";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    line += byte < 0x20 || byte == 0x7f ? ' ' : c;
  }
  if (line.back() == '\\') line += '.';
  return line + "\n";
}

std::string note_line(std::string_view indent, const SchemaNote& note) {
  return comment_line(indent, "note: " + note.object + ": " + note.note);
}

// The condition of a check as a model states it: PostgreSQL's catalog prints the whole clause
// (`CHECK ((price >= 0))`), and a model's check with the keyword would be written as
// `CHECK (CHECK (...))`. SQL reserves the word, so no condition starts with it unquoted.
std::string check_condition(std::string_view check) {
  std::string_view keyword = "check";
  if (check.size() > keyword.size() &&
      std::equal(keyword.begin(), keyword.end(), check.begin(),
                 [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); }) &&
      !std::isalnum(static_cast<unsigned char>(check[keyword.size()])) &&
      check[keyword.size()] != '_')
    check.remove_prefix(keyword.size());
  while (!check.empty() && check.front() == ' ') check.remove_prefix(1);
  return std::string(check);
}

// The C++ names of one table's struct and members.
struct TableNames {
  std::string model;
  std::map<std::string, std::string> members;  // column -> member

  const std::string& member(const std::string& column) const { return members.at(column); }
};

// Names of the structs (unique in the app) and of their members (unique in the struct, never
// the struct's own name). Columns that are plain C++ names keep them; the others get a name
// of their letters and digits, claimed after them so a plain one is never renamed.
std::map<std::string, TableNames> name_tables(const std::vector<Model>& tables,
                                              std::string_view app) {
  std::map<std::string, TableNames> names;
  std::set<std::string> models;
  for (const Model& table : tables)
    names[table.table].model = claim(struct_name_for_table(table.table, app), "", models);
  for (const Model& table : tables) {
    TableNames& table_names = names[table.table];
    std::set<std::string> taken = {table_names.model};
    auto keeps_its_name = [&](const Field& field) {
      return is_plain_cpp_name(field.name) && field.name != table_names.model;
    };
    for (const Field& field : table.fields)
      if (keeps_its_name(field)) table_names.members[field.name] = claim(field.name, "_", taken);
    for (const Field& field : table.fields)
      if (!keeps_its_name(field))
        table_names.members[field.name] = claim(member_name_for_column(field.name), "_", taken);
  }
  return names;
}

// The tables in declaration order: each after the tables it references where it can be (the
// first table, by name, whose references are all declared; when a cycle leaves none, the
// first remaining one).
std::vector<const Model*> declaration_order(const std::vector<Model>& tables) {
  std::vector<const Model*> remaining;
  for (const Model& table : tables) remaining.push_back(&table);
  std::sort(remaining.begin(), remaining.end(),
            [](const Model* a, const Model* b) { return a->table < b->table; });
  std::set<std::string> undeclared;
  for (const Model& table : tables) undeclared.insert(table.table);
  std::vector<const Model*> order;
  auto ready = [&](const Model* table) {
    return std::all_of(table->fields.begin(), table->fields.end(), [&](const Field& field) {
      if (!field.references) return true;
      const std::string& target = field.references->target.name;
      return target == table->table || !undeclared.count(target);
    });
  };
  while (!remaining.empty()) {
    auto next = std::find_if(remaining.begin(), remaining.end(), ready);
    if (next == remaining.end()) next = remaining.begin();
    undeclared.erase((*next)->table);
    order.push_back(*next);
    remaining.erase(next);
  }
  return order;
}

class HeaderWriter {
 public:
  HeaderWriter(const LiveSchema& schema, std::string_view app)
      : schema_(schema), app_(app), names_(name_tables(schema.tables, app)) {}

  ModelHeader write() {
    ModelHeader header;
    std::vector<const Model*> order = declaration_order(schema_.tables);
    std::string body;
    for (const Model* table : order) {
      body += "\n" + model_text(*table);
      declared_.insert(table->table);
    }
    header.text =
        preamble() + "\nnamespace " + app_ + " {\n" + body + "\n}  // namespace " + app_ + "\n";
    header.models = order.size();
    header.notes = schema_.notes;
    header.notes.insert(header.notes.end(), own_notes_.begin(), own_notes_.end());
    return header;
  }

 private:
  std::string preamble() const {
    std::string text =
        "// The tables of a database as dbmig models, written by `dbmig inspectdb`\n"
        "// (docs/inspectdb.md): review them, then `dbmig makemigrations` and\n"
        "// `dbmig migrate --fake-initial`.\n"
        "#pragma once\n\n"
        "#include <dbmig/model.hpp>\n";
    std::string includes;
    for (const std::string& include : includes_for(schema_.tables))
      includes += "#include <" + include + ">\n";
    if (!includes.empty()) text += "\n" + includes;
    std::string notes;
    for (const SchemaNote& note : schema_.notes)
      if (!schema_.find(note.table))
        notes +=
            comment_line("", "note: table " + note.table + ": " + note.object + ": " + note.note);
    return notes.empty() ? text : text + "\n" + notes;
  }

  // Notes of `table` about `object` ("" for those about no column of it).
  std::string notes_on(const Model& table, const Field* field, std::string_view indent) const {
    std::string text;
    for (const SchemaNote& note : schema_.notes) {
      if (note.table != table.table) continue;
      bool on_column = note.object.starts_with("column ") &&
                       table.find_field(std::string_view(note.object).substr(7));
      if (field ? note.object == "column " + field->name : !on_column)
        text += note_line(indent, note);
    }
    return text;
  }

  // A note of dbmig's own about something of `table` the header cannot say.
  std::string own_note(const Model& table, std::string object, std::string why,
                       std::string_view indent) {
    own_notes_.push_back({table.table, std::move(object), std::move(why)});
    return note_line(indent, own_notes_.back());
  }

  std::string primary_key_notes(const Model& table) {
    auto keys = std::count_if(table.fields.begin(), table.fields.end(),
                              [](const Field& field) { return field.primary_key; });
    if (keys == 1) return "";
    return own_note(
        table, "primary key",
        keys == 0 ? "none: a dbmig model needs one; mark one column DBMIG_FIELD(primary_key)"
                  : std::to_string(keys) + " columns: a dbmig model has one; keep one primary_key",
        "");
  }

  std::string model_text(const Model& table) {
    const TableNames& names = names_.at(table.table);
    std::vector<std::string> options;
    if (default_table_name(app_, names.model) != table.table)
      options.push_back("table = " + cpp_string_literal(table.table));
    for (const Index& index : table.indexes)
      options.push_back("index(" + member_list(names, index.fields) +
                        ", name = " + cpp_string_literal(index.name) + ")");
    for (const Constraint& constraint : table.constraints) {
      if (constraint.kind == ConstraintKind::unique)
        options.push_back("unique_together(" + member_list(names, constraint.fields) +
                          ", name = " + cpp_string_literal(constraint.name) + ")");
      else
        options.push_back("check(" + cpp_string_literal(check_condition(constraint.check)) +
                          ", name = " + cpp_string_literal(constraint.name) + ")");
    }
    if (!table.comment.empty()) options.push_back("comment = " + cpp_string_literal(table.comment));
    std::string opening = "struct DBMIG_MODEL(";
    std::string line = opening + join(options) + ") " + names.model + " {\n";
    // Many options: one a line, aligned after the opening parenthesis.
    if (line.size() > 101)
      line = opening + join(options, ",\n" + std::string(opening.size(), ' ')) + ") " +
             names.model + " {\n";
    std::string text = notes_on(table, nullptr, "") + primary_key_notes(table) + line;
    for (const Field& field : table.fields) text += field_text(table, names, field);
    return text + "};\n";
  }

  std::string member_list(const TableNames& names, const std::vector<std::string>& columns) {
    std::vector<std::string> members;
    for (const std::string& column : columns) members.push_back(names.member(column));
    return join(members);
  }

  std::string field_text(const Model& table, const TableNames& names, const Field& field) {
    const std::string& member = names.member(field.name);
    std::string text = notes_on(table, &field, "  ");
    if (field.primary_key && is_integral(field.type) && !field.auto_increment)
      text += own_note(table, "column " + field.name,
                       "not auto-increment in the database, but an integral primary key of a "
                       "dbmig model is",
                       "  ");
    std::vector<std::string> options;
    if (member != field.name) options.push_back("column = " + cpp_string_literal(field.name));
    if (field.primary_key) options.push_back("primary_key");
    if (field.type == FieldType::string && field.max_length)
      options.push_back("max_length = " + std::to_string(*field.max_length));
    if (field.type == FieldType::decimal)
      options.push_back("decimal(" + std::to_string(field.precision) + ", " +
                        std::to_string(field.scale) + ")");
    if (field.unique) options.push_back("unique");
    if (field.references) {
      if (!field.index && !field.unique && !field.primary_key) options.push_back("index = false");
      options.push_back("references = " + reference(field.references->target.name));
      if (field.references->on_delete != OnDelete::no_action)
        options.push_back("on_delete = " + std::string(to_string(field.references->on_delete)));
    } else if (field.index) {
      options.push_back("index");
    }
    if (!field.comment.empty()) options.push_back("comment = " + cpp_string_literal(field.comment));
    text += "  ";
    if (!options.empty()) text += "DBMIG_FIELD(" + join(options) + ") ";
    text += cpp_type(field) + " " + member;
    if (field.default_value) text += " = " + cpp_literal(*field.default_value);
    return text + ";\n";
  }

  // `Model` when it is declared above, else "app.Model" (a self reference, a cycle).
  std::string reference(const std::string& target_table) const {
    auto target = names_.find(target_table);
    std::string model =
        target == names_.end() ? struct_name_for_table(target_table, app_) : target->second.model;
    if (declared_.count(target_table)) return model;
    return cpp_string_literal(app_ + "." + model);
  }

  const LiveSchema& schema_;
  std::string app_;
  std::map<std::string, TableNames> names_;
  std::set<std::string> declared_;
  std::vector<SchemaNote> own_notes_;
};

}  // namespace

ModelHeader render_model_header(const LiveSchema& schema, std::string_view app) {
  return HeaderWriter(schema, app).write();
}

}  // namespace dbmig
