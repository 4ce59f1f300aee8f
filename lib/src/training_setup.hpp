// The command line and the data of the training chapters (8–10). Private to
// the library: chapter.cpp calls these when a chapter asks for training_options.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "bpw/chapter.hpp"

namespace bpw {

void add_training_options(CLI::App& app, TrainingSettings& settings);

// IDX or CSV data, when the settings name them: the data split into training
// and test sets, and a network for it unless `network_file` gives one.
struct TrainingData {
  Dataset train, test;
  std::optional<Network> network;  // made for the data: inputs-H-outputs
  double learning_rate = 0.1;      // the default step for this data
  std::string description;
};
std::optional<TrainingData> load_training_data(const TrainingSettings& settings,
                                               unsigned long long seed, bool have_network);

// Moons regenerated with --samples and --noise, and a seeded test split.
void adjust_preset_data(const TrainingSettings& settings, const std::string& preset,
                        unsigned long long seed, Dataset& train, Dataset& test);

}  // namespace bpw
