#include "training_setup.hpp"

#include <cmath>

#include "bpw/csv.hpp"
#include "bpw/errors.hpp"
#include "bpw/idx.hpp"
#include "bpw/train.hpp"
#include "validators.hpp"

namespace bpw {
namespace {

CLI::Validator positive_whole(const std::string& what) {
  return checked_number(what, "a whole number of at least 1", [](double v) { return v >= 1; }, true);
}

// inputs-H-outputs: a sigmoid hidden layer, and a softmax cross-entropy for
// classes or a linear output with MSE for numbers; weights N(0, 1/inputs), biases
// 0, the cost averaged over the samples of a batch.
Network network_for(const Dataset& d, std::size_t hidden, bool classes, unsigned long long seed) {
  const std::size_t inputs = d.X.shape(1), outputs = d.y.shape(1);
  Network net = classes ? random_network({{inputs, hidden, outputs}, {sigmoid(), softmax()}, softmax_cross_entropy(), true}, seed)
                        : random_network({{inputs, hidden, outputs}, {sigmoid(), identity()}, mse(), true}, seed);
  for (int l = 1; l < net.L(); ++l) {
    net.layer(l).W /= std::sqrt(static_cast<double>(net.layer(l).inputs()));
    net.layer(l).b.fill(0.0);
  }
  net.set_l2({0.0, classes});
  return net;
}

}  // namespace

void add_training_options(CLI::App& app, TrainingSettings& t) {
  app.add_option("--epochs", t.epochs, "Passes over the training data")->check(positive_whole("the number of epochs"));
  app.add_option("--iterations", t.iterations, "Gradient steps, instead of epochs")
      ->check(positive_whole("the number of iterations"));
  app.add_option("--batch", t.batch, "Samples per step (mini-batch SGD); all of them by default")
      ->check(positive_whole("the batch size"));
  app.add_option("--trace-every", t.trace_every, "Also trace every Nth step in full")
      ->check(positive_whole("--trace-every"));
  app.add_option("--idx", t.idx_dir, "Train on an MNIST-format IDX directory");
  app.add_flag_callback("--fashion-mnist", [&t] { t.idx_dir = fashion_mnist_dir; },
                        "Train on Fashion-MNIST from Debian's dataset-fashion-mnist");
  app.add_option("--csv", t.csv_file, "Train on a CSV file, one sample per line");
  app.add_option("--targets", t.targets, "The CSV's target columns: last, numbers or names")
      ->capture_default_str();
  app.add_flag("--classes", t.classes, "The CSV's target column holds class labels");
  app.add_option("--samples", t.samples, "Points of the two moons")
      ->check(positive_whole("the number of samples"))
      ->each([&t](const std::string&) { t.moons_changed = true; });
  app.add_option("--noise", t.noise, "Noise of the two moons")
      ->check(checked_number("the noise", "zero or a positive number such as 0.2",
                             [](double v) { return v >= 0; }))
      ->each([&t](const std::string&) { t.moons_changed = true; });
  app.add_option("--hidden", t.hidden, "Hidden units of the network made for IDX or CSV data")
      ->check(positive_whole("the number of hidden units"));
  app.add_option("--test-fraction", t.test_fraction, "Hold out this share of the samples for testing")
      ->check(checked_number("the test fraction", "at least 0 and below 1, such as 0.2",
                             [](double v) { return v >= 0 && v < 1; }));
  app.add_option("--plot", t.plot, "Write SVG plots: PREFIX-curve.svg (and PREFIX-boundary.svg for 2-D data)");
}

std::optional<TrainingData> load_training_data(const TrainingSettings& t, unsigned long long seed,
                                               bool have_network) {
  if (!t.idx_dir.empty() && !t.csv_file.empty())
    throw UsageError("--idx and --csv both name data; choose one");
  TrainingData out;
  bool classes = true;
  if (!t.idx_dir.empty()) {
    Split split = load_idx_directory(t.idx_dir);
    out.train = std::move(split.train);
    out.test = std::move(split.test);
    out.description = "IDX data " + t.idx_dir;
  } else if (!t.csv_file.empty()) {
    CsvData csv = load_csv(t.csv_file, t.targets, t.classes);
    classes = csv.classes;
    Split split = bpw::split(csv.data, t.test_fraction, seed);
    out.train = std::move(split.train);
    out.test = std::move(split.test);
    out.description = "CSV data " + t.csv_file;
  } else {
    return std::nullopt;
  }
  if (!have_network) out.network = network_for(out.train, t.hidden, classes, seed);
  return out;
}

void adjust_preset_data(const TrainingSettings& t, const std::string& preset, unsigned long long seed,
                        Dataset& train, Dataset& test) {
  if (t.moons_changed) {
    if (preset != "moons")
      throw UsageError("--samples and --noise shape the two moons; use them with --preset moons");
    train = two_moons(t.samples, t.noise, seed + 1000);
  }
  if (t.test_fraction > 0) {
    Split split = bpw::split(train, t.test_fraction, seed);
    train = std::move(split.train);
    test = std::move(split.test);
  }
}

}  // namespace bpw
