// bench_train [--data DIR] [--epochs E] [--batch B] [--hidden H] [--lr LR] [--seed S]
//
// The workbook's training loop on an MNIST-format data set, as the NumPy
// reference trains it (../shared/bench/numpy_mlp.py): 784-H-10, sigmoid hidden,
// softmax cross-entropy averaged over the batch, mini-batch SGD, float64, no
// tracing. Prints one line in the reference's format, plus the load time and
// the peak memory after each epoch (which must stay flat).
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <bpw/bpw.hpp>

using namespace bpw;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

long peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = fashion_mnist_dir;
  std::size_t epochs = 1, batch = 64, hidden = 100;
  double eta = 0.1;
  unsigned long seed = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--data") dir = value;
    else if (flag == "--epochs") epochs = std::stoul(value);
    else if (flag == "--batch") batch = std::stoul(value);
    else if (flag == "--hidden") hidden = std::stoul(value);
    else if (flag == "--lr") eta = std::stod(value);
    else if (flag == "--seed") seed = std::stoul(value);
  }
  try {
    const auto load_start = Clock::now();
    const Split data = load_idx_directory(dir);
    const double load_s = seconds_since(load_start);

    const std::size_t inputs = features(data.train), classes = data.train.y.shape(1);
    Network net = random_network(
        {{inputs, hidden, classes}, {sigmoid(), softmax()}, softmax_cross_entropy(), true}, seed);
    for (int l = 1; l < net.L(); ++l) {  // W ~ N(0, 1/inputs), b = 0, as the reference
      net.layer(l).W /= std::sqrt(static_cast<double>(net.layer(l).inputs()));
      net.layer(l).b.fill(0.0);
    }
    net.set_l2({0.0, true});  // J/B: the gradient averaged over the batch

    Trainer trainer(net);
    const std::size_t M = samples(data.train);
    const auto train_start = Clock::now();
    for (std::size_t epoch = 0; epoch < epochs; ++epoch) {
      const std::vector<std::size_t> order = shuffled(M, epoch_seed(seed, epoch));
      for (std::size_t start = 0; start < M; start += batch) {
        const std::size_t end = std::min(M, start + batch);
        trainer.step(data.train, std::span(order).subspan(start, end - start), eta);
      }
      std::fprintf(stderr, "epoch %zu: peak memory %ld MiB\n", epoch + 1, peak_rss_mib());
    }
    const double train_s = seconds_since(train_start);
    std::printf("workbook epochs=%zu batch=%zu hidden=%zu train_s=%.3f samples_per_s=%.0f "
                "test_acc=%.4f load_s=%.3f\n",
                epochs, batch, hidden, train_s, static_cast<double>(epochs * M) / train_s,
                accuracy(net, data.test), load_s);
  } catch (const UsageError& e) {
    std::fprintf(stderr, "bench_train: %s\n", e.what());
    return 2;
  }
}
