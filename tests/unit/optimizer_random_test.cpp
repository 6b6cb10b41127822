// Seeded random operation sequences: the optimized sequence must replay without error to the
// same state as the original. A failing seed is printed so it can be replayed.
#include <gtest/gtest.h>

#include "dbmig/error.hpp"
#include "dbmig/operations.hpp"
#include "dbmig/optimizer.hpp"
#include "seeded_random.hpp"

namespace dbmig {
namespace {

class RandomOperations {
 public:
  explicit RandomOperations(unsigned seed) : random_(seed) {}

  // A valid sequence of `count` operations on app "app", starting from an empty state.
  Operations generate(int count) {
    Operations operations;
    while (static_cast<int>(operations.size()) < count) {
      OperationPtr candidate = next();
      if (!candidate) continue;
      ProjectState trial = state_;
      try {
        candidate->apply(trial, "app");
      } catch (const InputError&) {
        continue;  // not valid here; draw another
      }
      state_ = std::move(trial);
      operations.push_back(candidate);
    }
    return operations;
  }

 private:
  test::SeededRandom random_;
  ProjectState state_;
  int counter_ = 0;

  int pick(int n) { return random_.pick(n); }
  std::string fresh(const char* prefix) { return prefix + std::to_string(counter_++); }

  const Model* some_model() {
    if (state_.models.empty()) return nullptr;
    auto it = state_.models.begin();
    std::advance(it, pick(static_cast<int>(state_.models.size())));
    return &it->second;
  }

  const Field* some_field(const Model& model) {
    if (model.fields.empty()) return nullptr;
    return &model.fields[pick(static_cast<int>(model.fields.size()))];
  }

  Field new_field(std::string name) {
    Field field;
    field.name = std::move(name);
    field.type = FieldType::string;
    field.null = pick(2) == 0;
    if (const Model* target = some_model(); target && pick(3) == 0) {
      field.type = FieldType::int64;
      field.references = Reference{target->key(), OnDelete::cascade};
    }
    return field;
  }

  OperationPtr next() {
    const Model* model = some_model();
    if (model && model->fields.empty()) model = nullptr;  // only CreateModel applies
    switch (pick(10)) {
      case 0: {
        Model created;
        created.name = fresh("M");
        Field id;
        id.name = "id";
        created.fields = {id, new_field(fresh("f"))};
        return std::make_shared<CreateModel>(created);
      }
      case 1:
        return model ? std::make_shared<DeleteModel>(model->name) : nullptr;
      case 2:
        return model ? std::make_shared<RenameModel>(model->name, fresh("M")) : nullptr;
      case 3:
        return model ? std::make_shared<AlterModelTable>(model->name, fresh("t")) : nullptr;
      case 4:
        return model ? std::make_shared<AddField>(model->name, new_field(fresh("f"))) : nullptr;
      case 5:
        return model ? std::make_shared<RemoveField>(model->name, some_field(*model)->name)
                     : nullptr;
      case 6: {
        if (!model) return nullptr;
        Field altered = *some_field(*model);
        altered.null = !altered.null;
        return std::make_shared<AlterField>(model->name, altered);
      }
      case 7:
        return model ? std::make_shared<RenameField>(model->name, some_field(*model)->name,
                                                     fresh("f"))
                     : nullptr;
      case 8:
        return model ? std::make_shared<AddIndex>(model->name,
                                                  Index{fresh("i"), {some_field(*model)->name}})
                     : nullptr;
      default:
        if (!model || model->indexes.empty()) return nullptr;
        return std::make_shared<RemoveIndex>(model->name, model->indexes.front().name);
    }
  }
};

ProjectState replay(const Operations& operations) {
  ProjectState state;
  for (const auto& operation : operations) operation->apply(state, "app");
  return state;
}

TEST(OptimizerRandom, OptimizedSequencesReplayToTheSameState) {
  std::size_t before = 0, after = 0;
  for (unsigned seed = 1; seed <= 400; ++seed) {
    Operations operations = RandomOperations(seed).generate(14);
    Operations optimized = optimize(operations, "app");
    before += operations.size();
    after += optimized.size();
    EXPECT_LE(optimized.size(), operations.size()) << "seed " << seed;
    try {
      EXPECT_EQ(replay(optimized), replay(operations)) << "seed " << seed;
    } catch (const InputError& e) {
      ADD_FAILURE() << "seed " << seed << ": optimized operations do not replay: " << e.what();
    }
  }
  EXPECT_LT(after, before * 3 / 4) << "the optimizer folded almost nothing";
}

}  // namespace
}  // namespace dbmig
