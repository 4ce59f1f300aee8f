#include "bpw/limits.hpp"

#include <cstdint>
#include <limits>

#include "bpw/errors.hpp"

namespace bpw::limits {

std::size_t product(std::size_t a, std::size_t b) {
  std::size_t out = 0;
  if (__builtin_mul_overflow(a, b, &out)) return std::numeric_limits<std::size_t>::max();
  return out;
}

std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

void check_network(const std::vector<std::size_t>& sizes, bool biases, const std::string& what,
                   const std::string& fix) {
  const std::size_t weight_layers = sizes.empty() ? 0 : sizes.size() - 1;
  if (weight_layers > layers)
    throw UsageError(what + " has " + grouped(weight_layers) + " layers of weights; the workbook " +
                     "takes at most " + grouped(layers) + " (see Limits in the README); " + fix);
  std::size_t count = 0;
  for (std::size_t l = 0; l < sizes.size(); ++l) {
    if (sizes[l] > units)
      throw UsageError(what + " has " + (l == 0 ? "" : "a layer of ") + grouped(sizes[l]) +
                       (l == 0 ? " inputs" : " units") + "; the workbook takes at most " +
                       grouped(units) + " units per layer (see Limits in the README)" +
                       (l == 0 ? "" : "; " + fix));
    if (l == 0) continue;
    // At most 100 layers of 100,000 × 100,001: the sum cannot overflow.
    count += (sizes[l - 1] + (biases ? 1 : 0)) * sizes[l];
  }
  if (count > parameters)
    throw UsageError(what + " has " + grouped(count) + " weights and biases; the workbook takes " +
                     "at most " + grouped(parameters) + " (see Limits in the README); " + fix);
}

}  // namespace bpw::limits
