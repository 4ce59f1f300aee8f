// Fuzz target: a data file (load_data's parser), then fitted to one of three
// small networks (fit_data), as a chapter does. The first byte chooses the
// layout the file is read in and the network; the rest is the file.
#include "bpw/files.hpp"
#include "bpw/fit.hpp"
#include "fuzz.hpp"

using namespace bpw;

namespace {

const Network& network(int which) {
  static const Network nets[] = {
      random_network({{2, 3, 1}, {sigmoid(), sigmoid()}, sse(), false}, 1),
      random_network({{2, 3, 2}, {tanh_activation(), softmax()}, softmax_cross_entropy(), true}, 2),
      random_network({{2, 1}, {sigmoid()}, cross_entropy(), true}, 3),
  };
  return nets[which % 3];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const Layout layout = data[0] & 1 ? Layout::columns : Layout::rows;
  const Network& net = network(data[0] >> 1);
  fuzz::expect_usage_errors([&] {
    Dataset d = parse_data(std::string(fuzz::bytes(data + 1, size - 1)), "fuzz.json", layout);
    fuzz::require(d.X.shape(0) == d.y.shape(0), "X and y have a row per sample");
    d = fit_data(net, std::move(d), layout);
    fuzz::require(d.X.shape(1) == net.sizes().front() && d.y.shape(1) == net.sizes().back() &&
                      d.X.shape(0) > 0,
                  "fitted data has the network's shapes");
  });
  return 0;
}
