#include "bpw/train.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <random>

#include <fmt/format.h>

#include "bpw/backprop.hpp"
#include "bpw/errors.hpp"
#include "bpw/forward.hpp"
#include "bpw/network.hpp"

// OpenBLAS's own controls (its cblas.h clashes with xtensor-blas's declarations).
extern "C" {
int openblas_get_num_threads(void);
void openblas_set_num_threads(int threads);
}

namespace bpw {

// The buffers of one step, index l as in the book: pass.a[1] is the batch of X.
struct Trainer::Workspace {
  ForwardPass pass;
  Matrix y;
  Deltas d;
  Gradients g;
  int blas_threads;  // OpenBLAS's threads before training, given back after
};

// OpenBLAS runs on one thread while a Trainer lives. On small batches a second
// thread barely shortens the products (a batch of 64 Fashion-MNIST images:
// 0.43 s against 0.46 s of GEMM per epoch here), while it spins between them
// and slows every element-wise pass of the step about threefold (0.15 s
// against 0.04 s per epoch).
Trainer::Trainer(Network& network)
    : network_(&network),
      workspace_(std::make_unique<Workspace>(Workspace{pass_for(network), {}, deltas_for(network),
                                                       gradients_for(network),
                                                       openblas_get_num_threads()})) {
  openblas_set_num_threads(1);
}

Trainer::~Trainer() {
  if (workspace_) openblas_set_num_threads(workspace_->blas_threads);
}
Trainer::Trainer(Trainer&&) noexcept = default;

void Trainer::step(const Dataset& data, std::span<const std::size_t> rows, double eta,
                   TraceSink* trace) {
  Network& net = *network_;
  Workspace& w = *workspace_;
  gather(data, rows, w.pass.a[1], w.y);
  forward(net, w.pass, trace);                    // (1.1), (1.2)
  backpropagate(net, w.pass, w.y, w.d, trace);    // (3.1)–(3.11), (4.1), (4.2)
  gradients(net, w.pass, w.d.delta, w.g, trace);  // (5.1), (5.2)
  regularize(net, w.g, rows.size(), trace);       // (5.3)–(5.5)
  descend(net, w.g, eta, trace);                  // (6.1)–(6.4)
}

Schedule schedule_for(const ScheduleRequest& request, std::size_t samples, bool from_files,
                      std::size_t default_iterations) {
  if (request.batch > samples)
    throw UsageError(fmt::format(
        "a batch of {0} samples is larger than the {1} training samples; ask for at most {1} "
        "(--batch), or for none to take full-batch steps",
        request.batch, samples));
  Schedule s;
  s.batch = request.batch ? request.batch : from_files ? std::min<std::size_t>(64, samples) : samples;
  s.per_epoch = (samples + s.batch - 1) / s.batch;
  const std::size_t epochs =
      request.epochs ? request.epochs : request.iterations ? 0 : from_files ? 5 : 0;
  if (epochs > std::numeric_limits<std::size_t>::max() / s.per_epoch)
    throw UsageError(fmt::format("{} epochs of {} steps each are more steps than can be counted; "
                                 "ask for fewer epochs",
                                 epochs, s.per_epoch));
  s.steps = epochs ? epochs * s.per_epoch : request.iterations ? request.iterations : default_iterations;
  s.epochs = (s.steps + s.per_epoch - 1) / s.per_epoch;
  return s;
}

Batches::Batches(std::size_t samples, const Schedule& schedule, std::uint64_t seed)
    : samples_(samples), schedule_(schedule), seed_(seed) {}

std::span<const std::size_t> Batches::rows(std::size_t step) {
  const std::size_t first = (step % schedule_.per_epoch) * schedule_.batch;
  if (first == 0 || order_.empty()) {
    if (schedule_.batch < samples_) {
      order_ = shuffled(samples_, epoch_seed(seed_, epoch_of(step)));
    } else {  // a full batch keeps the samples as given
      order_.resize(samples_);
      std::iota(order_.begin(), order_.end(), std::size_t{0});
    }
  }
  return std::span<const std::size_t>(order_).subspan(first,
                                                      std::min(schedule_.batch, samples_ - first));
}

bool Batches::ends_epoch(std::size_t step) const {
  return (step + 1) % schedule_.per_epoch == 0 || step + 1 == schedule_.steps;
}

std::vector<std::size_t> shuffled(std::size_t samples, std::uint64_t seed) {
  std::vector<std::size_t> order(samples);
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Fisher–Yates with the engine's raw output: std::shuffle's use of the
  // engine differs between standard libraries, this does not.
  std::mt19937_64 engine(seed);
  for (std::size_t i = samples; i > 1; --i) std::swap(order[i - 1], order[engine() % i]);
  return order;
}

std::uint64_t epoch_seed(std::uint64_t seed, std::size_t epoch) {
  // splitmix64 of the pair: neighbouring inputs give unrelated outputs
  std::uint64_t x = seed * 0x9E3779B97F4A7C15ULL + epoch + 1;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

bool has_classes(const Dataset& data) {
  const Matrix& y = data.y;
  for (std::size_t m = 0; m < y.shape(0); ++m) {
    double ones = 0;
    for (std::size_t k = 0; k < y.shape(1); ++k) {
      if (y(m, k) != 0.0 && y(m, k) != 1.0) return false;
      ones += y(m, k);
    }
    if (y.shape(1) > 1 && ones != 1.0) return false;
  }
  return y.size() > 0;
}

namespace {

std::size_t right_answers(const Matrix& yhat, const Matrix& y) {
  std::size_t right = 0;
  const std::size_t k = yhat.shape(1);
  for (std::size_t m = 0; m < yhat.shape(0); ++m) {
    const double* out = &yhat(m, 0);
    const double* target = &y(m, 0);
    if (k == 1)
      right += (out[0] >= 0.5) == (target[0] >= 0.5);
    else
      right += std::max_element(out, out + k) - out == std::max_element(target, target + k) - target;
  }
  return right;
}

struct Totals {
  double J = 0;  // J of the data, without the L2 penalty
  std::size_t right = 0;
};

// The network over the data a few thousand samples at a time, so that images
// kept as bytes never become one matrix of doubles.
Totals totals_of(const Network& network, const Dataset& data) {
  constexpr std::size_t part = 4096;
  const std::size_t M = samples(data);
  const Cost& cost = network.cost();
  Totals t;
  Matrix X, y;
  std::vector<std::size_t> rows;
  for (std::size_t first = 0; first < M; first += part) {
    const bool whole = first == 0 && M <= part && !data.pixels.size();
    rows.resize(std::min(part, M - first));
    std::iota(rows.begin(), rows.end(), first);
    if (!whole) gather(data, rows, X, y);
    const Matrix& X_part = whole ? data.X : X;
    const Matrix& y_part = whole ? data.y : y;
    const Output out = output_of(network, X_part);
    const double J_part = cost.J(y_part, out.yhat, out.z);
    t.J += cost.mean_over_samples ? J_part * static_cast<double>(rows.size()) / static_cast<double>(M)
                                  : J_part;
    t.right += right_answers(out.yhat, y_part);
  }
  return t;
}

}  // namespace

Evaluation evaluate(const Network& network, const Dataset& data) {
  const Totals t = totals_of(network, data);
  const std::size_t M = samples(data);
  Evaluation e{regularized(network, t.J, M), std::nullopt};
  if (has_classes(data) && M > 0) e.accuracy = static_cast<double>(t.right) / static_cast<double>(M);
  return e;
}

double J_of(const Network& network, const Dataset& data) { return evaluate(network, data).J; }

double accuracy(const Network& network, const Dataset& data) {
  const std::size_t M = samples(data);
  return M == 0 ? 0.0 : static_cast<double>(totals_of(network, data).right) / static_cast<double>(M);
}

Split split(const Dataset& data, double test_fraction, std::uint64_t seed) {
  const std::vector<std::size_t> order = shuffled(samples(data), seed);
  const auto test = static_cast<std::size_t>(static_cast<double>(order.size()) * test_fraction);
  const std::span<const std::size_t> all(order);
  return {rows_of(data, all.first(order.size() - test)), rows_of(data, all.last(test))};
}

}  // namespace bpw
