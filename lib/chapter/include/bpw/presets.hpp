// Presets: complete formulations from the classic tutorials, each a network with
// its data, runnable through every chapter with --preset NAME.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "bpw/data.hpp"
#include "bpw/layout.hpp"
#include "bpw/network.hpp"

namespace bpw {

struct Preset {
  std::string_view name;
  std::string_view summary;  // one line for --list-presets
  Network (*network)(std::uint64_t seed);
  Dataset (*data)(std::uint64_t seed);
  double learning_rate;  // chapter 8's default step for full-batch training
  double step_rate;      // chapter 6's one step: small enough that J falls
  // Chapter 10's samples: a few to train on and more held out, from the same
  // source as the preset's data.
  Split (*held_out)(std::uint64_t seed);
  Layout layout = Layout::rows;  // how the preset writes samples
  bool seeded = true;  // whether the seed draws its network or data (not so for fixed examples)
};

std::span<const Preset> all_presets();

// Throws UsageError naming the known presets.
const Preset& preset_named(std::string_view name);

}  // namespace bpw
