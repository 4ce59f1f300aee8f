// What every chapter program shares: the command line, the example network and
// data (default or loaded from files), the tracer, and one-line errors with
// exit status 2. A chapter's main() only says what it computes.
#pragma once

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
};

struct ChapterInfo {
  int number;
  std::string_view program;  // "ch03_output_delta"
  std::string_view title;    // "The output delta"
  std::string_view summary;  // one sentence for --help
  unsigned options = 0;      // ChapterOption flags
};

struct Settings {
  double learning_rate = 0.5;
  double epsilon = 1e-4;
  bool break_derivative = false;
  std::string save_network;  // empty: do not save
  unsigned long long seed = 0;
};

// The default example is the preset "sleep-study": the sleep-study data and a
// 2-3-1 sigmoid network with ½ SSE, no biases, weights N(0, 1) from this seed.
inline constexpr unsigned long long default_seed = 7;

struct Session {
  Network network;
  Dataset data;
  Tracer trace;
  Settings settings;
};

// Parses the command line, builds the session and runs `body`. Returns the exit
// status: 0, 1 when a check in the chapter failed, 2 for a usage error (one line
// on stderr saying what is wrong and how to fix it).
int run_chapter(int argc, char** argv, const ChapterInfo& info,
                const std::function<void(Session&)>& body);

}  // namespace bpw
