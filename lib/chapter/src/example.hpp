// The example a chapter runs on, configured in one place: a preset, or a
// network and data from files, with the command line's changes (λ, the layout,
// the moons' samples, a test split). Private to bpw_chapter.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "bpw/chapter.hpp"

namespace bpw {

// What the command line said about the example.
struct ExampleRequest {
  std::string preset = "sleep-study";
  std::string network_file, data_file;
  std::optional<double> lambda;
  std::optional<bool> l2_mean;
  std::optional<Layout> layout;
  bool moons_changed = false;   // --samples or --noise given
  bool trains = false;          // the chapter trains: test splits, training rates
  bool rate_given = false;      // --learning-rate given
  bool preset_given = false;    // --preset given (with --network: its data and its rates)
  bool held_out = false;        // the chapter compares training and test cost (chapter 10)
  bool fix_biases = false;      // --fixed-biases
  std::string seed_words;       // "seed 7" or "class K7Q", for the header
  // The example's options given on the command line ("--seed", "--hidden", …),
  // so that one the example would ignore is refused instead.
  std::set<std::string, std::less<>> given;
  bool worksheet = false;       // a worksheet prints the class code in its header
};

struct Example {
  Network network;
  Dataset data, test;
  Layout layout = Layout::rows;
  bool from_files = false;      // IDX or CSV data
  std::string description;      // "preset sleep-study, seed 7", "network FILE, data FILE"
};

// Throws UsageError (one line) for anything that does not fit.
Example make_example(const ExampleRequest& request, Settings& settings);

}  // namespace bpw
