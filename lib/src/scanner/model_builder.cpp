#include "scanner/model_builder.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <utility>

#include "dbmig/model_validation.hpp"
#include "dbmig/naming.hpp"
#include "scanner/annotation_parser.hpp"
#include "scanner/default_value.hpp"

namespace dbmig::scanner {

namespace {

constexpr const char* kModelOptions =
    "table, unique_together(...), index(...), check, renamed_from, comment";
constexpr const char* kFieldOptions =
    "primary_key, max_length, unique, index, column, references, on_delete, default, "
    "renamed_from, comment, decimal(precision, scale)";

std::string on_delete_names() {
  std::string names;
  for (auto action : {OnDelete::cascade, OnDelete::restrict, OnDelete::set_null,
                      OnDelete::set_default, OnDelete::no_action})
    names += (names.empty() ? "" : ", ") + std::string(to_string(action));
  return names;
}

// Collects "file:line:col: error: <subject>: <message>".
class Reporter {
 public:
  Reporter(std::vector<std::string>& problems, SourceLocation where, std::string subject)
      : problems_(problems), where_(std::move(where)), subject_(std::move(subject)) {}

  void error(const std::string& message) const { at(where_, message); }
  void at(const SourceLocation& where, const std::string& message) const {
    problems_.push_back(where.str() + ": error: " + subject_ + ": " + message);
  }
  const std::string& subject() const { return subject_; }

 private:
  std::vector<std::string>& problems_;
  SourceLocation where_;
  std::string subject_;
};

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

 private:
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
    read.bad(option, "expected on_delete = one of " + on_delete_names());
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
    field.default_value = checked.value;
  }

  // The model-wide rules: its key, and one column per field. A field's problem is reported at
  // the field.
  void check_model_rules(const DeclaredModel& declared, const Model& model,
                         const Reporter& report) {
    ModelProblems problems;
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
        std::string known;
        for (const auto& f : model.fields) known += (known.empty() ? "" : ", ") + f.name;
        report.error(option + " names field " + name + ", which " + model.name +
                     " does not have; its fields are " + known);
        return std::nullopt;
      }
      columns.push_back(field->column_name());
    }
    return columns;
  }

  void add_indexes_and_constraints(const ModelOptions& options, Model& model,
                                   const Reporter& report) {
    for (const auto& set : options.indexes)
      if (auto columns = columns_of(set.fields, model, report, "index(...)"))
        model.indexes.push_back(
            {set.name.empty() ? constraint_name(model.table, *columns, "idx") : set.name,
             set.fields});
    for (const auto& set : options.unique_together)
      if (auto columns = columns_of(set.fields, model, report, "unique_together(...)"))
        model.constraints.push_back(
            {set.name.empty() ? constraint_name(model.table, *columns, "uniq") : set.name,
             ConstraintKind::unique,
             set.fields,
             {}});
    for (const auto& check : options.checks)
      model.constraints.push_back(
          {check.name.empty() ? check_name(check.expression, model) : check.name,
           ConstraintKind::check,
           {},
           check.expression});
    std::set<std::string> names;
    for (const auto& index : model.indexes) note_name(index.name, names, report);
    for (const auto& constraint : model.constraints) note_name(constraint.name, names, report);
  }

  // "<table>_<columns the expression mentions>_check": stable, and readable in SQL errors.
  static std::string check_name(const std::string& expression, const Model& model) {
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
    return constraint_name(model.table, columns, "check");
  }

  void note_name(const std::string& name, std::set<std::string>& names, const Reporter& report) {
    if (!names.insert(name).second || !schema_names_.insert(name).second)
      report.error("index or constraint name " + name +
                   " is used twice (names are per database); name one of them with name = \"...\"");
  }

  void resolve(const PendingReference& reference) {
    Reporter report(problems_, reference.where, reference.subject);
    std::optional<ModelKey> target = find_model(reference.target, reference.model);
    if (!target) {
      std::string known;
      for (const auto& [key, model] : result_.state.models)
        known += (known.empty() ? "" : ", ") + key.str();
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

  void check_unique_tables() {
    std::map<std::string, ModelKey> tables;
    for (const auto& key : addition_order_) {
      const Model& model = result_.state.models.at(key);
      auto [it, added] = tables.emplace(model.table, key);
      if (!added)
        Reporter(problems_, result_.sources[key].location, "model " + result_.sources[key].cpp_name)
            .error("table " + model.table + " is also the table of " +
                   result_.sources[it->second].cpp_name + " (" +
                   result_.sources[it->second].location.str() +
                   "); give one of them another table = \"...\"");
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

}  // namespace dbmig::scanner
