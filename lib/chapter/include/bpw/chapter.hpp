// What every chapter program shares: the command line, the example network and
// data (a preset, or files), the tracer, and one-line errors with exit status 2.
// A chapter's main() declares the options it takes and says what it computes:
//
//   int main(int argc, char** argv) {
//     Chapter chapter(6, "ch06_update", "The update", "Trace one gradient-descent step …");
//     chapter.regularization().learning_rate().save_network();
//     return chapter.run(argc, argv, [](Session& s) { … });
//   }
//
// Its --help lists only the options it declared; any other is refused.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "bpw/data.hpp"
#include "bpw/layout.hpp"
#include "bpw/network.hpp"
#include "bpw/trace.hpp"
#include "bpw/train.hpp"

namespace bpw {

// Data for the training chapters from files: an MNIST-format directory or a CSV.
struct DataFiles {
  std::string idx_dir;           // --idx DIR, --fashion-mnist
  std::string csv_file;          // --csv FILE
  std::string targets = "last";  // --targets COLS
  bool classes = false;          // --classes
  std::size_t hidden = 100;      // --hidden H: the network made for the data
  double test_fraction = 0.0;    // --test-fraction F
  bool given() const { return !idx_dir.empty() || !csv_file.empty(); }
};

// One weight, element (i, j) of W⁽ˡ⁾ with samples as rows, counted from 0.
struct WeightSpec {
  int l;
  std::size_t i, j;
};

// What the options a chapter declared have set.
struct Settings {
  double learning_rate = 0.5;   // --learning-rate η
  double epsilon = 1e-4;        // --epsilon ε
  bool break_derivative = false;
  std::size_t sample_weights = 0;  // --sample-weights N; 0: check every weight
  std::string save_network;     // --save-network FILE; empty: do not save
  std::uint64_t seed = 7;       // --seed, or the class code's
  ScheduleRequest asked;        // --epochs, --iterations, --batch
  Schedule schedule;            // the steps a training chapter takes
  std::size_t trace_every = 0;  // --trace-every N
  std::size_t samples = 200;    // --samples, --noise: the two moons
  double noise = 0.2;
  DataFiles files;
  std::string plot;             // --plot PREFIX
  std::optional<WeightSpec> weight;  // --weight W2[1,1]
};

struct Session {
  Network network;
  Dataset data;  // the training data
  Dataset test;  // held-out data (chapters 8–10), empty when there is none
  Tracer trace;
  Settings settings;
  Layout layout;  // how samples are written: in the trace and in saved files
  bool data_from_files = false;  // IDX or CSV data, with a network made for it
};

// The default example is the preset "sleep-study": the sleep-study data and a
// 2-3-1 sigmoid network with ½ SSE, no biases, weights N(0, 1) from this seed.
inline constexpr std::uint64_t default_seed = 7;

class Chapter {
 public:
  Chapter(int number, std::string_view program, std::string_view title, std::string_view summary);
  ~Chapter();
  Chapter(const Chapter&) = delete;
  Chapter& operator=(const Chapter&) = delete;

  // --lambda λ, --l2 sum|mean: L2 regularisation. With `compared` the chapter
  // runs λ = 0 beside the λ given, so --lambda must be above 0 (chapter 10).
  Chapter& regularization(bool compared = false);
  // --learning-rate η: by default `eta` for a network from a file, the preset's
  // own rate otherwise (one that makes J fall in one step, or that trains).
  Chapter& learning_rate(double eta = 0.5);
  // --save-network FILE
  Chapter& save_network();
  // --fixed-biases: the update leaves the biases as they are.
  Chapter& fixed_biases();
  // The preset's own split into a few samples to train on and more held out
  // (chapter 10), instead of its data.
  Chapter& held_out();
  // --epsilon ε, --break-derivative and --sample-weights N: the gradient check.
  Chapter& gradient_check();
  // --epochs, --iterations, --batch, --trace-every: how long and in what steps
  // to train; the small presets take `default_iterations` full-batch steps.
  Chapter& schedule(std::size_t default_iterations);
  // --iterations N of an optimiser, by default `default_iterations`.
  Chapter& iterations(std::size_t default_iterations);
  // --samples, --noise: the two moons of --preset moons.
  Chapter& moons();
  // --csv, --targets, --classes, --hidden; with `images`, also --idx and
  // --fashion-mnist; with `test_split`, --test-fraction.
  Chapter& data_files(bool images, bool test_split = true);
  // --plot PREFIX: the chapter writes PREFIX followed by each of `suffixes`
  // ("-curve.svg"), and `more` says what else it may write ("" for nothing).
  Chapter& plot(std::vector<std::string> suffixes, std::string more = {});
  // --weight W2[1,1]: one weight's gradient worked as a chain of scalars.
  Chapter& weight();

  // Parses the command line, builds the session and runs `body`. Returns the
  // exit status: 0, 1 when a check in the chapter failed, 2 for a usage error
  // (one line on stderr saying what is wrong and how to fix it).
  int run(int argc, char** argv, const std::function<void(Session&)>& body);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A class code such as "K7Q": everyone who runs with --class K7Q gets the same
// weights. Letters and digits that cannot be mistaken for one another, 2 to 12 of
// them, in any case. class_seed throws UsageError for anything else.
std::uint64_t class_seed(std::string_view code);
std::string new_class_code();

// A student's own numbers (--class CODE --student NAME): the class code's seed
// mixed with the name, so that the same code and name give the same numbers
// (however the name is capitalised or spaced) and two names give different
// ones. UsageError for a bad code or a name without a letter or digit.
std::uint64_t student_seed(std::string_view code, std::string_view name);

// "2-3-1 · f = sigmoid, sigmoid · no biases · cost sse", as a chapter's header reads.
std::string describe(const Network& network, Layout layout);

}  // namespace bpw
