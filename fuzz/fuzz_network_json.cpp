// Fuzz target: a network file (load_network's parser). What loads must also
// save and load back to the same network, bit for bit.
#include "bpw/files.hpp"
#include "fuzz.hpp"

using namespace bpw;

namespace {

bool same(const Network& a, const Network& b) {
  if (a.L() != b.L() || a.cost().name != b.cost().name || a.l2().lambda != b.l2().lambda ||
      a.l2().averaged != b.l2().averaged)
    return false;
  for (int l = 1; l < a.L(); ++l) {
    const Layer &x = a.layer(l), &y = b.layer(l);
    if (x.W != y.W || x.b != y.b || x.has_bias != y.has_bias || x.f.name != y.f.name) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::expect_usage_errors([&] {
    const NetworkFile file = parse_network(std::string(fuzz::bytes(data, size)), "fuzz.json");
    const NetworkFile again = parse_network(network_to_json(file.network, file.layout), "saved");
    fuzz::require(again.layout == file.layout && same(file.network, again.network),
                  "a loaded network saves and loads back unchanged");
  });
  return 0;
}
