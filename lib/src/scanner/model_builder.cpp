#include "scanner/model_builder.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <ranges>
#include <set>
#include <tuple>
#include <utility>

#include "core/text.hpp"
#include "dbmig/model_validation.hpp"
#include "dbmig/naming.hpp"
#include "dbmig/schema_limits.hpp"
#include "dbmig/state_json.hpp"
#include "scanner/annotation_parser.hpp"
#include "scanner/default_value.hpp"
#include "scanner/model_limits.hpp"
#include "scanner/reporter.hpp"

namespace dbmig::scanner {

namespace {

constexpr const char* kModelOptions =
    "table, unique_together(...), index(...), check, renamed_from, comment";
constexpr const char* kFieldOptions =
    "primary_key, max_length, unique, index, column, references, on_delete, default, "
    "renamed_from, comment, decimal(precision, scale)";

// Reads typed values out of options, reporting what was expected on a mismatch.
class OptionReader {
 public:
  explicit OptionReader(const Reporter& report) : report_(report) {}

  bool flag(const Option& option) const {
    if (!option.value && !option.call) return true;
    if (option.value && option.value->kind == OptionValue::Kind::boolean)
      return option.value->text == "true";
    bad(option, "expected `" + option.name + "` alone or `" + option.name + " = true|false`");
    return false;
  }

  // A name: an identifier or a string literal.
  std::optional<std::string> name(const Option& option) const {
    if (option.value &&
        (option.value->kind == OptionValue::Kind::identifier ||
         option.value->kind == OptionValue::Kind::string) &&
        !option.value->text.empty())
      return option.value->text;
    bad(option, "expected `" + option.name + " = name` or `" + option.name + " = \"name\"`");
    return std::nullopt;
  }

  std::optional<std::string> string(const Option& option) const {
    if (option.value && option.value->kind == OptionValue::Kind::string) return option.value->text;
    bad(option, "expected `" + option.name + " = \"text\"`");
    return std::nullopt;
  }

  std::optional<int> positive_integer(const Option& option, const OptionValue* value,
                                      const std::string& usage) const {
    std::optional<Literal> literal = value ? literal_of(*value) : std::nullopt;
    const auto* number = literal ? std::get_if<std::int64_t>(&*literal) : nullptr;
    if (number && *number > 0 && *number <= 1'000'000'000) return static_cast<int>(*number);
    bad(option, "expected " + usage);
    return std::nullopt;
  }

  void bad(const Option& option, const std::string& expected) const {
    std::string found = option.value ? " = " + describe(*option.value) : "";
    if (option.call) found = "(...)";
    report_.error("bad value for option `" + option.name + found + "`: " + expected);
  }

 private:
  const Reporter& report_;
};

// A column list with an optional name: index(a, b, name = "x") or unique_together(a, b).
struct ColumnSet {
  std::vector<std::string> fields;
  std::string name;
};

std::optional<ColumnSet> column_set(const Option& option, const Reporter& report) {
  std::string usage =
      "expected " + option.name + "(field, ...) or " + option.name + "(field, ..., name = \"...\")";
  if (!option.call || option.arguments.empty()) {
    OptionReader(report).bad(option, usage);
    return std::nullopt;
  }
  ColumnSet set;
  for (const auto& argument : option.arguments) set.fields.push_back(argument.text);
  for (const auto& [key, value] : option.named_arguments) {
    if (key != "name" || value.text.empty()) {
      OptionReader(report).bad(option, usage);
      return std::nullopt;
    }
    set.name = value.text;
  }
  return set;
}

struct PendingCheck {
  std::string expression;
  std::string name;
};

// What the model options say beyond the Model itself, applied once the fields are known.
struct ModelOptions {
  std::vector<ColumnSet> indexes;
  std::vector<ColumnSet> unique_together;
  std::vector<PendingCheck> checks;
};

struct PendingReference {
  ModelKey model;
  std::size_t field;
  std::string target;
  SourceLocation where;
  std::string subject;
};

class Builder {
 public:
  explicit Builder(std::vector<std::string>& problems) : problems_(problems) {}

  ScanResult build(const std::vector<const DeclaredModel*>& declared) {
    for (const DeclaredModel* model : declared) add_model(*model);
    for (const auto& reference : references_) resolve(reference);
    check_unique_tables();
    return std::move(result_);
  }

  // build() of every app's models, with those of the apps not `read` again moved out of
  // `previous` as it built them; std::nullopt when that might differ from building them too.
  std::optional<ScanResult> rebuild(const std::vector<AppScan>& apps, const std::vector<bool>& read,
                                    PreviousBuild& previous) {
    for (std::size_t i = 0; i < apps.size(); ++i)
      for (const DeclaredModel& model : apps[i].models)
        if (read[i])
          add_model(model);
        else if (!keep_model({model.app, model.name}, previous))
          return std::nullopt;
    for (const auto& reference : references_) resolve(reference);
    check_unique_tables();
    // A problem is reported as building every app reports it.
    if (!problems_.empty()) return std::nullopt;
    for (std::size_t i = 0; i < apps.size(); ++i)
      if (read[i] &&
          seen_by_others(result_, apps[i].app) != seen_by_others(previous.result, apps[i].app))
        return std::nullopt;
    return std::move(result_);
  }

  // Every name a built model took in the database's names of indexes and constraints, as
  // note_name keeps them.
  static std::set<std::string> schema_names(const Model& model) {
    std::set<std::string> names;
    for (const auto& name : field_object_names(model))
      names.insert(schema_limits::case_folded(name));
    for (const auto& index : model.indexes) names.insert(schema_limits::case_folded(index.name));
    for (const auto& constraint : model.constraints)
      names.insert(schema_limits::case_folded(constraint.name));
    return names;
  }

 private:
  // Takes a model as `previous` built it, as add_model would have added it: moved, map node
  // and all (~500 of them after an edit of the benchmark project), its schema names too, which
  // are what add_model noted for it: a clash is a problem to report, not to keep.
  bool keep_model(const ModelKey& key, PreviousBuild& previous) {
    auto model = previous.result.state.models.extract(key);
    auto source = previous.result.sources.extract(key);
    auto names = previous.schema_names.extract(key);
    if (!model || !source || !names) return false;
    for (auto& taken = names.mapped(); !taken.empty();)
      if (!schema_names_.insert(taken.extract(taken.begin())).inserted) return false;
    cpp_names_[source.mapped().cpp_name] = key;
    addition_order_.push_back(key);
    result_.sources.insert(std::move(source));
    result_.state.models.insert(std::move(model));
    return true;
  }

  // What one app's models show the other apps' models, which a kept model was built against:
  // their keys and C++ names (references find them by these), their primary keys' types (a
  // reference's must match) and the index and constraint names they take (the generated names
  // of the models added after them avoid them).
  using SeenByOthers = std::vector<
      std::tuple<ModelKey, std::string, std::optional<FieldType>, std::set<std::string>>>;
  static SeenByOthers seen_by_others(const ScanResult& result, const std::string& app) {
    SeenByOthers seen;
    for (auto it = result.state.models.lower_bound({app, ""});
         it != result.state.models.end() && it->first.app == app; ++it) {
      const Field* key = it->second.primary_key();
      seen.emplace_back(it->first, result.sources.at(it->first).cpp_name,
                        key ? std::optional(key->type) : std::nullopt, schema_names(it->second));
    }
    return seen;
  }

  void add_model(const DeclaredModel& declared) {
    Reporter report(problems_, declared.location, "model " + declared.cpp_name);
    if (declared.app.empty()) {
      report.error(
          "no app header includes the header that declares it; include it from an "
          "app's models.hpp or list its header under the app in dbmig.json");
      return;
    }
    Model model;
    model.app = declared.app;
    model.name = declared.name;
    ModelSource source{declared.location, declared.cpp_name, {}, {}};
    if (result_.state.models.count(model.key())) {
      report.error("app " + model.app + " already has a model named " + model.name + " (" +
                   result_.sources[model.key()].location.str() + "); rename one of them");
      return;
    }
    ModelOptions options = read_model_options(declared.annotation, model, source);
    if (model.table.empty()) model.table = default_table_name(model.app, model.name);
    for (const auto& field : declared.fields) add_field(declared, field, model, source);
    check_model_rules(declared, model, report);
    add_indexes_and_constraints(
        options, model, Reporter(problems_, declared.annotation.location, report.subject()));
    check_model_limits(declared, model, problems_);
    cpp_names_[declared.cpp_name] = model.key();
    addition_order_.push_back(model.key());
    result_.sources[model.key()] = std::move(source);
    result_.state.models[model.key()] = std::move(model);
  }

  ModelOptions read_model_options(const Annotation& annotation, Model& model, ModelSource& source) {
    Reporter report(problems_, annotation.location, "model " + source.cpp_name);
    OptionReader read(report);
    ModelOptions options;
    for (const auto& option : parsed(annotation, "DBMIG_MODEL", report)) {
      if (option.name == "table") {
        model.table = read.name(option).value_or("");
      } else if (option.name == "renamed_from") {
        source.renamed_from = read.name(option).value_or("");
      } else if (option.name == "comment") {
        model.comment = read.string(option).value_or("");
      } else if (option.name == "index") {
        if (auto set = column_set(option, report)) options.indexes.push_back(*set);
      } else if (option.name == "unique_together") {
        if (auto set = column_set(option, report)) options.unique_together.push_back(*set);
      } else if (option.name == "check") {
        if (auto check = read_check(option, read)) options.checks.push_back(*check);
      } else {
        report.error("unknown model option `" + option.name + "`; accepted: " + kModelOptions);
      }
    }
    return options;
  }

  static std::optional<PendingCheck> read_check(const Option& option, const OptionReader& read) {
    if (option.value && option.value->kind == OptionValue::Kind::string)
      return PendingCheck{option.value->text, {}};
    if (option.call && option.arguments.size() == 1 &&
        option.arguments[0].kind == OptionValue::Kind::string &&
        option.named_arguments.size() <= 1 &&
        (option.named_arguments.empty() || option.named_arguments[0].first == "name"))
      return PendingCheck{option.arguments[0].text, option.named_arguments.empty()
                                                        ? ""
                                                        : option.named_arguments[0].second.text};
    read.bad(option, "expected check = \"<sql>\" or check(\"<sql>\", name = \"...\")");
    return std::nullopt;
  }

  std::vector<Option> parsed(const Annotation& annotation, const char* macro,
                             const Reporter& report) {
    ParsedOptions parsed = parse_options(annotation.text);
    if (!parsed.error.empty())
      report.error(std::string("cannot read the ") + macro + "(" + annotation.text +
                   ") options: " + parsed.error);
    return parsed.options;
  }

  void add_field(const DeclaredModel& declared, const DeclaredField& declared_field, Model& model,
                 ModelSource& source) {
    if (declared_field.ignored) return;
    Reporter report(problems_, declared_field.location,
                    "model " + declared.cpp_name + ", field " + declared_field.name);
    if (!declared_field.type.type) {
      report.error("unsupported type '" + declared_field.cpp_type + "'" +
                   declared_field.type.problem + "; or mark the member DBMIG_IGNORE");
      return;
    }
    Field field;
    field.name = declared_field.name;
    field.type = *declared_field.type.type;
    field.null = declared_field.type.null;
    FieldSource field_source{declared_field.location, declared_field.cpp_type, {}};
    FieldOptions options = read_field_options(declared_field, field, field_source, report);
    apply_default(declared_field, options, field, report);
    if (field.primary_key) field.auto_increment = is_integral(field.type);
    if (options.references) {
      field.index = options.index.value_or(!field.unique && !field.primary_key);
      references_.push_back({model.key(), model.fields.size(), *options.references,
                             options.references_location, report.subject()});
      field.references = Reference{{}, options.on_delete.value_or(OnDelete::no_action)};
    } else {
      field.index = options.index.value_or(false);
      if (options.on_delete)
        report.error("on_delete needs references = <model>; add it or remove on_delete");
    }
    ModelProblems problems;
    check_primary_key_options(field, model.fields.size(), problems);
    check_on_delete(field, model.fields.size(), problems);
    for (const auto& problem : problems) report.error(problem.message);
    source.fields[field.name] = field_source;
    model.fields.push_back(std::move(field));
  }

  struct FieldOptions {
    std::optional<bool> index;
    std::optional<std::string> references;
    SourceLocation references_location;
    std::optional<OnDelete> on_delete;
    std::optional<Literal> default_value;
    bool no_default = false;  // default = none
    std::optional<std::pair<int, int>> decimal;
  };

  FieldOptions read_field_options(const DeclaredField& declared, Field& field, FieldSource& source,
                                  const Reporter& field_report) {
    FieldOptions options;
    if (!declared.annotation) return options;
    Reporter report(problems_, declared.annotation->location, field_report.subject());
    OptionReader read(report);
    for (const auto& option : parsed(*declared.annotation, "DBMIG_FIELD", report)) {
      if (option.name == "primary_key") {
        field.primary_key = read.flag(option);
      } else if (option.name == "unique") {
        field.unique = read.flag(option);
      } else if (option.name == "index") {
        options.index = read.flag(option);
      } else if (option.name == "max_length") {
        field.max_length = read.positive_integer(option, option.value ? &*option.value : nullptr,
                                                 "max_length = <positive integer>");
        if (field.max_length && field.type != FieldType::string)
          report.error("max_length applies to std::string members only, and " + field.name +
                       " is " + std::string(to_string(field.type)) + "; remove max_length");
      } else if (option.name == "decimal") {
        options.decimal = read_decimal(option, read);
      } else if (option.name == "column") {
        field.column = read.name(option).value_or("");
        if (field.column == field.name) field.column.clear();
      } else if (option.name == "references") {
        options.references = read.name(option);
        options.references_location = declared.annotation->location;
      } else if (option.name == "on_delete") {
        options.on_delete = read_on_delete(option, read);
      } else if (option.name == "default") {
        read_default_option(option, options, read);
      } else if (option.name == "renamed_from") {
        source.renamed_from = read.name(option).value_or("");
      } else if (option.name == "comment") {
        field.comment = read.string(option).value_or("");
      } else {
        report.error("unknown field option `" + option.name + "`; accepted: " + kFieldOptions);
      }
    }
    if (options.decimal) apply_decimal(*options.decimal, field, report);
    return options;
  }

  static std::optional<std::pair<int, int>> read_decimal(const Option& option,
                                                         const OptionReader& read) {
    std::string usage = "decimal(precision, scale) with 1 <= precision <= " +
                        std::to_string(max_decimal_precision) + " and 0 <= scale <= precision";
    if (option.call && option.arguments.size() == 2 && option.named_arguments.empty()) {
      auto precision = literal_of(option.arguments[0]);
      auto scale = literal_of(option.arguments[1]);
      const auto* p = precision ? std::get_if<std::int64_t>(&*precision) : nullptr;
      const auto* s = scale ? std::get_if<std::int64_t>(&*scale) : nullptr;
      if (p && s && std::in_range<int>(*p) && std::in_range<int>(*s) &&
          valid_decimal(static_cast<int>(*p), static_cast<int>(*s)))
        return std::pair{static_cast<int>(*p), static_cast<int>(*s)};
    }
    read.bad(option, "expected " + usage);
    return std::nullopt;
  }

  static void apply_decimal(std::pair<int, int> decimal, Field& field, const Reporter& report) {
    if (field.type != FieldType::float64 && field.type != FieldType::string) {
      report.error("decimal(...) applies to double or std::string members, and " + field.name +
                   " is " + std::string(to_string(field.type)));
      return;
    }
    field.type = FieldType::decimal;
    field.max_length.reset();
    field.precision = decimal.first;
    field.scale = decimal.second;
  }

  static std::optional<OnDelete> read_on_delete(const Option& option, const OptionReader& read) {
    if (option.value && option.value->kind != OptionValue::Kind::number)
      if (auto action = on_delete_from_string(option.value->text)) return action;
    read.bad(option, "expected on_delete = one of " + join(on_delete_names()));
    return std::nullopt;
  }

  static void read_default_option(const Option& option, FieldOptions& options,
                                  const OptionReader& read) {
    if (option.value && option.value->kind == OptionValue::Kind::identifier &&
        option.value->text == "none") {
      options.no_default = true;
      return;
    }
    if (option.value) options.default_value = literal_of(*option.value);
    if (!options.default_value)
      read.bad(option,
               "expected default = a number, a \"string\", true, false, or none (no default)");
  }

  // An explicit `default = ...` wins over the C++ initializer; `default = none` drops it.
  void apply_default(const DeclaredField& declared, const FieldOptions& options, Field& field,
                     const Reporter& report) {
    if (options.no_default) return;
    std::optional<Literal> value = options.default_value;
    if (!value && declared.initializer.kind == Initializer::Kind::not_literal) {
      report.error("the initializer `" + declared.initializer.text +
                   "` is not a literal, so it cannot be a column default; use a literal, or add "
                   "DBMIG_FIELD(default = none) to keep it out of the schema");
      return;
    }
    if (!value) value = declared.initializer.value;
    if (!value) return;
    CheckedDefault checked = check_default(*value, field.type);
    if (!checked.problem.empty())
      report.at(options.default_value ? declared.annotation->location : declared.location,
                checked.problem);
    // The form replaying the written migration gives back (uint64 for an unsigned column, a
    // double for a decimal one), so the next run finds nothing changed.
    if (checked.value)
      field.default_value = canonical_literal(*checked.value, field.type, report.subject());
  }

  // The model-wide rules: its key, and one column per field. A field's problem is reported at
  // the field.
  void check_model_rules(const DeclaredModel& declared, const Model& model,
                         const Reporter& report) {
    ModelProblems problems;
    check_has_fields(model, problems);
    check_primary_key_count(model, PrimaryKey::required, problems);
    check_unique_columns(model, problems);
    for (const auto& problem : problems) {
      if (!problem.field) {
        report.error(problem.message);
        continue;
      }
      const std::string& name = model.fields[*problem.field].name;
      Reporter(problems_, result_location(declared, name),
               "model " + declared.cpp_name + ", field " + name)
          .error(problem.message);
    }
  }

  // Why two names that differ only in letter case are one, or nothing when they are equal.
  static std::string case_note(const std::string& name, const std::string& other) {
    if (name == other) return "";
    return " (as " + other + "; SQLite and MySQL may ignore letter case in names)";
  }

  static SourceLocation result_location(const DeclaredModel& declared, const std::string& name) {
    for (const auto& field : declared.fields)
      if (field.name == name) return field.location;
    return declared.location;
  }

  // Field names of a column set as their columns; reports fields the model lacks.
  std::optional<std::vector<std::string>> columns_of(const std::vector<std::string>& fields,
                                                     const Model& model, const Reporter& report,
                                                     const std::string& option) {
    std::vector<std::string> columns;
    for (const auto& name : fields) {
      const Field* field = model.find_field(name);
      if (!field) {
        report.error(option + " names field " + name + ", which " + model.name +
                     " does not have; its fields are " + join(model.fields, ", ", &Field::name));
        return std::nullopt;
      }
      columns.push_back(field->column_name());
    }
    return columns;
  }

  void add_indexes_and_constraints(const ModelOptions& options, Model& model,
                                   const Reporter& report) {
    std::set<std::string> taken = reserve_field_object_names(model, report);
    for (const auto& set : options.indexes)
      if (auto name = column_set_name(set, "index", model, taken, report))
        model.indexes.push_back({*name, set.fields});
    for (const auto& set : options.unique_together)
      if (auto name = column_set_name(set, "unique_together", model, taken, report))
        model.constraints.push_back({*name, ConstraintKind::unique, set.fields, {}});
    for (const auto& check : options.checks) {
      std::string name = check.name;
      if (name.empty())
        name = generated_name(model.table, check_columns(check.expression, model), "check",
                              check.expression, taken);
      note_name(name, taken, report);
      model.constraints.push_back({name, ConstraintKind::check, {}, check.expression});
    }
  }

  // The name of an index(...) or unique_together(...), or nullopt (reported) when it names a
  // field the model lacks or repeats an index the model already has.
  std::optional<std::string> column_set_name(const ColumnSet& set, const std::string& option,
                                             const Model& model, std::set<std::string>& taken,
                                             const Reporter& report) {
    auto columns = columns_of(set.fields, model, report, option + "(...)");
    if (!columns || repeats_index(set.fields, option, model, report)) return std::nullopt;
    bool unique = option == "unique_together";
    std::string name = set.name;
    if (name.empty())
      name = generated_name(model.table, *columns, unique ? "uniq" : "idx",
                            option + "(" + join(*columns) + ")", taken);
    note_name(name, taken, report);
    return name;
  }

  // A second index over exactly the columns of another (of its kind, or a field's own) is
  // refused rather than folded, so the model reads as what the database holds.
  static bool repeats_index(const std::vector<std::string>& fields, const std::string& option,
                            const Model& model, const Reporter& report) {
    bool unique = option == "unique_together";
    const Field* single = fields.size() == 1 ? model.find_field(fields[0]) : nullptr;
    if (single && (single->primary_key || single->unique || (!unique && single->index))) {
      report.error(option + "(" + fields[0] + ") repeats the " +
                   (single->primary_key ? "primary key"
                    : single->unique    ? "unique"
                                        : "index") +
                   " the field already has (DBMIG_FIELD(...), or references); remove one of them");
      return true;
    }
    bool twice = unique ? std::any_of(model.constraints.begin(), model.constraints.end(),
                                      [&](const Constraint& c) { return c.fields == fields; })
                        : std::any_of(model.indexes.begin(), model.indexes.end(),
                                      [&](const Index& i) { return i.fields == fields; });
    if (twice)
      report.error(option + "(" + join(fields) + ") is declared twice; remove one of them");
    return twice;
  }

  // constraint_name(), or when a field's object or an earlier name already has it (`index(x)`
  // on a column named like another index's columns, a check beside a range check), the form
  // with a hash of what the object enforces: generated names never collide.
  std::string generated_name(const std::string& table, const std::vector<std::string>& columns,
                             const std::string& suffix, const std::string& identity,
                             const std::set<std::string>& taken) const {
    std::string name = constraint_name(table, columns, suffix);
    std::string folded = schema_limits::case_folded(name);
    if (!taken.count(folded) && !schema_names_.count(folded)) return name;
    return distinct_constraint_name(table, columns, suffix, identity);
  }

  // The names the schema editors may give the objects a field brings along (its index, unique
  // constraint, foreign key, range check; base_schema_editor.cpp).
  static std::vector<std::string> field_object_names(const Model& model) {
    std::vector<std::string> names;
    for (const auto& field : model.fields) {
      std::vector<std::string> suffixes;
      if (field.references) suffixes.push_back("fk");
      if (field.index && !field.unique && !field.primary_key) suffixes.push_back("idx");
      if (field.unique && !field.primary_key) suffixes.push_back("uniq");
      if (may_have_range_check(field.type)) suffixes.push_back("check");
      for (const auto& suffix : suffixes)
        names.push_back(constraint_name(model.table, {field.column_name()}, suffix));
    }
    return names;
  }

  // field_object_names, noted as taken.
  std::set<std::string> reserve_field_object_names(const Model& model, const Reporter& report) {
    std::set<std::string> taken;
    for (const auto& name : field_object_names(model)) note_name(name, taken, report);
    return taken;
  }

  // int8 on PostgreSQL, the unsigned types on PostgreSQL and SQLite, auto-increment keys too.
  // (SQLite's int16 and int32 checks are left out on purpose: SQLite allows a check of the same
  // name, and reserving them would rename the checks of existing projects.)
  static bool may_have_range_check(FieldType type) {
    return type == FieldType::int8 || (type >= FieldType::uint8 && type <= FieldType::uint64);
  }

  // The columns a check expression mentions, for its "<table>_<columns>_check" name: stable,
  // and readable in SQL errors.
  static std::vector<std::string> check_columns(const std::string& expression, const Model& model) {
    std::set<std::string> words;
    std::string word;
    for (char c : expression + " ") {
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
        word += c;
      } else if (!word.empty()) {
        words.insert(word);
        word.clear();
      }
    }
    std::vector<std::string> columns;
    for (const auto& field : model.fields)
      if (words.count(field.column_name())) columns.push_back(field.column_name());
    return columns;
  }

  // Index and constraint names are per database (PostgreSQL, SQLite) and MySQL ignores their
  // letter case, so each must be unique across all tables, compared case-folded.
  void note_name(const std::string& name, std::set<std::string>& names, const Reporter& report) {
    std::string folded = schema_limits::case_folded(name);
    if (!names.insert(folded).second || !schema_names_.insert(folded).second)
      report.error("index or constraint name " + printable(name) +
                   " is used twice (names are per database, compared ignoring letter case); "
                   "name one of them with name = \"...\", or rename the table or column it is "
                   "made of");
  }

  void resolve(const PendingReference& reference) {
    Reporter report(problems_, reference.where, reference.subject);
    std::optional<ModelKey> target = find_model(reference.target, reference.model);
    if (!target) {
      std::string known = join(std::views::keys(result_.state.models), ", ", &ModelKey::str);
      report.error("references = " + reference.target +
                   ": no such model; write its C++ name (qualified as needed) or \"app.Model\"; "
                   "models: " +
                   known);
      return;
    }
    Field& field = result_.state.models.at(reference.model).fields.at(reference.field);
    field.references->target = *target;
    const Field* key = result_.state.models.at(*target).primary_key();
    if (key && key->type != field.type)
      report.error(field.name + " is " + std::string(to_string(field.type)) + ", but " +
                   target->str() + "'s primary key " + key->name + " is " +
                   std::string(to_string(key->type)) + "; declare both with the same type");
  }

  // C++-like lookup: from the referencing model's namespace outwards; then "app.Model".
  std::optional<ModelKey> find_model(std::string name, const ModelKey& from) const {
    bool absolute = name.rfind("::", 0) == 0;
    if (absolute) name.erase(0, 2);
    std::string scope = absolute ? "" : result_.sources.at(from).cpp_name;
    for (;;) {
      std::size_t cut = scope.rfind("::");
      scope = cut == std::string::npos ? "" : scope.substr(0, cut);
      auto it = cpp_names_.find(scope.empty() ? name : scope + "::" + name);
      if (it != cpp_names_.end()) return it->second;
      if (scope.empty()) break;
    }
    std::size_t dot = name.find('.');
    if (dot != std::string::npos && name.find("::") == std::string::npos) {
      ModelKey key{name.substr(0, dot), name.substr(dot + 1)};
      if (result_.state.models.count(key)) return key;
    }
    return std::nullopt;
  }

  // SQLite, and MySQL on case-insensitive file systems, take `Blogs` and `blogs` as one table.
  void check_unique_tables() {
    std::map<std::string, ModelKey> tables;
    for (const auto& key : addition_order_) {
      const Model& model = result_.state.models.at(key);
      auto [it, added] = tables.emplace(schema_limits::case_folded(model.table), key);
      if (!added)
        Reporter(problems_, result_.sources[key].location, "model " + result_.sources[key].cpp_name)
            .error("table " + model.table + " is also the table of " +
                   result_.sources[it->second].cpp_name + " (" +
                   result_.sources[it->second].location.str() + ")" +
                   case_note(model.table, result_.state.models.at(it->second).table) +
                   "; give one of them another table = \"...\"");
    }
  }

  std::vector<std::string>& problems_;
  ScanResult result_;
  std::map<std::string, ModelKey> cpp_names_;
  std::vector<PendingReference> references_;
  std::vector<ModelKey> addition_order_;
  std::set<std::string> schema_names_;
};

}  // namespace

ScanResult build_models(const std::vector<const DeclaredModel*>& declared,
                        std::vector<std::string>& problems) {
  return Builder(problems).build(declared);
}

PreviousBuild previous_build(ScanResult result) {
  PreviousBuild previous{std::move(result), {}};
  for (const auto& [key, model] : previous.result.state.models)
    previous.schema_names.emplace_hint(previous.schema_names.end(), key,
                                       Builder::schema_names(model));
  return previous;
}

std::optional<ScanResult> rebuild_models(const std::vector<AppScan>& apps,
                                         const std::vector<bool>& read, PreviousBuild previous) {
  std::vector<std::string> problems;
  return Builder(problems).rebuild(apps, read, previous);
}

}  // namespace dbmig::scanner
