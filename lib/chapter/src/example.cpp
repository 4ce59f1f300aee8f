#include "example.hpp"

#include <cmath>

#include <fmt/format.h>

#include "bpw/csv.hpp"
#include "bpw/errors.hpp"
#include "bpw/files.hpp"
#include "bpw/fit.hpp"
#include "bpw/idx.hpp"
#include "bpw/limits.hpp"
#include "bpw/presets.hpp"

namespace bpw {
namespace {

// inputs-H-outputs for data from files: a sigmoid hidden layer, and a softmax
// cross-entropy for classes or a linear output with MSE for numbers; weights
// N(0, 1/inputs), biases 0, the cost averaged over the samples of a batch.
Network network_for(const Dataset& d, std::size_t hidden, bool classes, std::uint64_t seed) {
  const std::size_t inputs = features(d), outputs = d.y.shape(1);
  limits::check_network({inputs, hidden, outputs}, true,
                        fmt::format("the {}-{}-{} network for this data", inputs, hidden, outputs),
                        "ask for fewer hidden units (--hidden)");
  Network net =
      classes ? random_network({{inputs, hidden, outputs}, {sigmoid(), softmax()}, softmax_cross_entropy(), true}, seed)
              : random_network({{inputs, hidden, outputs}, {sigmoid(), identity()}, mse(), true}, seed);
  for (int l = 1; l < net.L(); ++l) {
    net.layer(l).W /= std::sqrt(static_cast<double>(net.layer(l).inputs()));
    net.layer(l).b.fill(0.0);
  }
  net.set_l2({0.0, classes});
  return net;
}

// The training data and the data held out for testing, with where they came from.
struct Loaded {
  Dataset data, test;
  bool from_files = false;
  bool classes = false;  // targets that are classes (data from files)
  std::string description;
};

// IDX or CSV data, split into training and test sets.
Loaded from_files(const DataFiles& files, std::uint64_t seed) {
  if (!files.idx_dir.empty()) {
    Split split = load_idx_directory(files.idx_dir);
    return {std::move(split.train), std::move(split.test), true, true, "IDX data " + files.idx_dir};
  }
  CsvData csv = load_csv(files.csv_file, files.targets, files.classes);
  Split split = bpw::split(csv.data, files.test_fraction, seed);
  return {std::move(split.train), std::move(split.test), true, csv.classes,
          "CSV data " + files.csv_file};
}

// A preset's data, or a --data file written in `layout`; the moons redrawn with
// --samples and --noise; a seeded test split when a training chapter asks.
Loaded from_preset(const ExampleRequest& request, const Preset& preset, const Settings& settings,
                   Layout layout) {
  Loaded loaded;
  if (request.network_file.empty()) loaded.description = "preset " + request.preset;
  else if (request.data_file.empty()) loaded.description = "data of preset " + request.preset;
  if (!request.data_file.empty()) {
    loaded.data = load_data(request.data_file, layout);
  } else if (request.moons_changed) {
    if (preset.name != "moons")
      throw UsageError("--samples and --noise shape the two moons; use them with --preset moons");
    loaded.data = two_moons(settings.samples, settings.noise, settings.seed + 1000);
  } else if (request.held_out) {
    Split split = preset.held_out(settings.seed);
    loaded.data = std::move(split.train);
    loaded.test = std::move(split.test);
    return loaded;
  } else {
    loaded.data = preset.data(settings.seed);
  }
  if (request.trains && settings.files.test_fraction > 0) {
    Split split = bpw::split(loaded.data, settings.files.test_fraction, settings.seed);
    loaded.data = std::move(split.train);
    loaded.test = std::move(split.test);
  }
  return loaded;
}

// Whether the seed draws anything: random weights (a preset's, or the network
// made for data files), the moons, a test split, shuffled batches, held-out
// samples, or the weights of a sampled gradient check.
bool seed_draws(const ExampleRequest& r, const Settings& s, const Preset& preset) {
  const DataFiles& f = s.files;
  const bool files = f.given(), network_file = !r.network_file.empty();
  return (!network_file && (files || preset.seeded)) || s.sample_weights > 0 ||
         (r.trains && (files || s.asked.batch > 0 || f.test_fraction > 0)) ||
         (!files && r.data_file.empty() && (preset.name == "moons" || r.held_out));
}

// The options the example would ignore are refused, each in one line that says
// what it is for and what to leave out: a flag that does nothing must not look
// as if it did something.
void refuse_ignored(const ExampleRequest& r, const Settings& s, const Preset& preset) {
  const auto given = [&](std::string_view flag) { return r.given.contains(flag); };
  const DataFiles& f = s.files;
  const bool files = f.given(), network_file = !r.network_file.empty();
  const std::string files_flag = f.csv_file.empty() ? "--idx" : "--csv";
  if (files && !r.data_file.empty())
    throw UsageError(fmt::format("--data and {} both give the data; choose one", files_flag));
  if (r.moons_changed && (files || !r.data_file.empty()))
    throw UsageError(fmt::format("--samples and --noise shape the two moons of --preset moons, but {} "
                                 "gives the data; leave them out",
                                 files ? files_flag : "--data"));
  if (given("--hidden") && (!files || network_file))
    throw UsageError(network_file ? "--hidden sizes the network made for --csv or --idx data, but --network "
                                    "gives the network; leave --hidden out"
                                  : "--hidden sizes the network made for --csv or --idx data; without such "
                                    "data it has no effect, so leave it out");
  for (const std::string_view flag : {"--targets", "--classes"})
    if (given(flag) && f.csv_file.empty())
      throw UsageError(fmt::format("{} describes the columns of a --csv file; without one it has no effect, "
                                   "so leave it out",
                                   flag));
  if (given("--test-fraction")) {
    if (!f.idx_dir.empty())
      throw UsageError("--test-fraction splits a CSV or a preset's data, but IDX data brings its own test "
                       "set; leave it out");
    if (r.held_out && !files && r.data_file.empty() && !r.moons_changed)
      throw UsageError("--test-fraction splits the data, but this chapter holds out the preset's own test "
                       "samples; leave it out");
  }
  if (given("--seed") && !seed_draws(r, s, preset))
    throw UsageError(network_file ? "--seed draws the example's random weights, but --network gives the weights "
                                    "and nothing else here is drawn; leave --seed out"
                                  : fmt::format("--seed draws random weights or data, but the {} preset's are "
                                                "fixed and nothing else here is drawn; leave --seed out",
                                                preset.name));
  if (given("--class") && !seed_draws(r, s, preset) && !r.worksheet)
    throw UsageError(network_file ? "--class gives a class the same random weights, but --network gives the "
                                    "weights and nothing else here is drawn; leave --class out"
                                  : fmt::format("--class gives a class the same random weights, but the {} "
                                                "preset's are fixed and nothing else here is drawn; leave "
                                                "--class out",
                                                preset.name));
}

void apply_l2(const ExampleRequest& request, Network& network) {
  if (!request.lambda && !request.l2_mean) return;
  L2 l2 = network.l2();
  if (request.lambda) l2.lambda = *request.lambda;
  if (request.l2_mean) l2.averaged = *request.l2_mean;
  network.set_l2(l2);
}

}  // namespace

Example make_example(const ExampleRequest& request, Settings& settings) {
  const Preset& preset = preset_named(request.preset);
  refuse_ignored(request, settings, preset);
  std::optional<NetworkFile> file;
  if (!request.network_file.empty()) file = load_network(request.network_file);
  const Layout written = file ? file->layout : preset.layout;
  Loaded loaded = settings.files.given() ? from_files(settings.files, settings.seed)
                                         : from_preset(request, preset, settings, written);
  Network network = file               ? std::move(file->network)
                    : loaded.from_files ? network_for(loaded.data, settings.files.hidden,
                                                      loaded.classes, settings.seed)
                                        : preset.network(settings.seed);
  apply_l2(request, network);
  if (request.fix_biases) network.fix_biases(true);
  if (!request.rate_given && loaded.from_files) settings.learning_rate = 0.1;
  // A preset's own rate when its network or its data is in use.
  if (!request.rate_given && !loaded.from_files && (!file || request.preset_given))
    settings.learning_rate = request.trains ? preset.learning_rate : preset.step_rate;
  const Layout layout = request.layout.value_or(file || !loaded.from_files ? written : Layout::rows);
  Dataset data = fit_data(network, std::move(loaded.data), layout);
  Dataset test = samples(loaded.test) > 0 ? fit_data(network, std::move(loaded.test), layout) : Dataset{};
  std::string description = loaded.description;
  const auto add = [&](const std::string& part) {
    description += (description.empty() ? "" : ", ") + part;
  };
  if (file) add("network " + request.network_file);
  if (!request.data_file.empty()) add("data " + request.data_file);
  // The seed (or the class code that gives it) only when it drew something.
  if (seed_draws(request, settings, preset)) add(request.seed_words);
  return {std::move(network), std::move(data), std::move(test), layout, loaded.from_files,
          description};
}

std::string describe(const Network& network, Layout layout) {
  std::string shape, activations;
  for (std::size_t n : network.sizes()) shape += (shape.empty() ? "" : "-") + std::to_string(n);
  for (int l = 2; l <= network.L(); ++l)
    activations += (activations.empty() ? "" : ", ") + std::string(network.activation(l).name);
  std::string out = fmt::format("{} · f = {} · {} · cost {}", shape, activations,
                                network.has_biases() ? "with biases" : "no biases",
                                network.cost().name);
  const L2& l2 = network.l2();
  if (l2.lambda != 0)
    out += fmt::format(" + L2 λ = {}{}", l2.lambda, l2.averaged ? " (J/M form)" : "");
  else if (l2.averaged)
    out += " averaged over the samples (J/M)";
  if (network.biases_fixed()) out += " · biases held fixed";
  if (layout == Layout::columns) out += " · samples as columns";
  return out;
}

}  // namespace bpw
