// What every chapter program shares: the command line, the example network and
// data (default or loaded from files), the tracer, and one-line errors with
// exit status 2. A chapter's main() only says what it computes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "bpw/data.hpp"
#include "bpw/network.hpp"
#include "bpw/trace.hpp"

namespace bpw {

// Options that only some chapters take, beyond the common ones (--format,
// --precision, --no-color, --step, --verbose, --seed, --preset, --list-presets,
// --network, --data, --lambda, --l2, --layout, --concordance).
enum ChapterOption : unsigned {
  learning_rate_option = 1u << 0,     // --learning-rate η
  save_network_option = 1u << 1,      // --save-network FILE
  epsilon_option = 1u << 2,           // --epsilon ε
  break_derivative_option = 1u << 3,  // --break-derivative
  training_options = 1u << 4,         // chapters 8–10: data sets, epochs, batches, plots
};

struct ChapterInfo {
  int number;
  std::string_view program;  // "ch03_output_delta"
  std::string_view title;    // "The output delta"
  std::string_view summary;  // one sentence for --help
  unsigned options = 0;      // ChapterOption flags
  std::size_t default_iterations = 1000;  // training chapters, on the small presets
};

// What chapters 8–10 train on and how (training_options).
struct TrainingSettings {
  std::size_t epochs = 0;       // passes over the data; 0: the default for the data
  std::size_t iterations = 0;   // steps, instead of epochs
  std::size_t batch = 0;        // samples per step; 0: all of them (full-batch)
  std::size_t trace_every = 0;  // also trace every Nth step in full
  std::string idx_dir;          // an MNIST-format directory (--idx, --fashion-mnist)
  std::string csv_file;         // a CSV file (--csv) with its --targets
  std::string targets = "last";
  bool classes = false;
  std::size_t samples = 200;    // two moons: points and noise (--samples, --noise)
  double noise = 0.2;
  bool moons_changed = false;
  std::size_t hidden = 100;     // hidden units of the network made for IDX or CSV data
  double test_fraction = 0.0;   // held out by a seeded split when the data has no test set
  std::string plot;             // prefix of the SVG files to write
};

struct Settings {
  double learning_rate = 0.5;
  double epsilon = 1e-4;
  bool break_derivative = false;
  std::string save_network;  // empty: do not save
  unsigned long long seed = 0;
  TrainingSettings training;
};

// A class code such as "K7Q": everyone who runs with --class K7Q gets the same
// weights. Letters and digits that cannot be mistaken for one another, 2 to 12 of
// them, in any case. class_seed throws UsageError for anything else.
std::uint64_t class_seed(std::string_view code);
std::string new_class_code();

// The default example is the preset "sleep-study": the sleep-study data and a
// 2-3-1 sigmoid network with ½ SSE, no biases, weights N(0, 1) from this seed.
inline constexpr unsigned long long default_seed = 7;

struct Session {
  Network network;
  Dataset data;  // the training data
  Dataset test;  // held-out data (chapters 8–10), empty when there is none
  Tracer trace;
  Settings settings;
};

// Parses the command line, builds the session and runs `body`. Returns the exit
// status: 0, 1 when a check in the chapter failed, 2 for a usage error (one line
// on stderr saying what is wrong and how to fix it).
int run_chapter(int argc, char** argv, const ChapterInfo& info,
                const std::function<void(Session&)>& body);

}  // namespace bpw
