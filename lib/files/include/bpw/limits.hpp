// The largest inputs the workbook takes. Each is far beyond what a learner
// needs (Fashion-MNIST is 60,000 images of 784 pixels, its network 784-100-10
// has 79,510 weights and biases), and small enough that a file or a flag that
// claims more is refused in one line before any memory is set aside for it.
// The README's "Limits" section lists them; a test keeps the two in step.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bpw::limits {

inline constexpr std::size_t file_bytes = std::size_t{128} << 20;  // a JSON or CSV file
inline constexpr std::size_t json_depth = 32;            // brackets within brackets (the files need 5)
inline constexpr std::size_t json_values = 20'000'000;   // numbers and other values in a JSON file
inline constexpr std::size_t samples = 1'000'000;        // rows of a data set, images of an IDX file
inline constexpr std::size_t values = 100'000'000;       // numbers in X, in y, or in one layer's
                                                         // activations for the whole data set
inline constexpr std::size_t layers = 100;               // weight layers of a network
inline constexpr std::size_t units = 100'000;            // neurons in one layer
inline constexpr std::size_t parameters = 2'000'000;     // weights and biases of a network
inline constexpr std::uint64_t steps = 1'000'000'000;    // gradient steps of one training run
// Not a choice but deflate's best: a gzip file inflates to at most this many
// times its size, so an IDX header that claims more is refused unread.
inline constexpr std::uint64_t gzip_ratio = 1032;

// a · b, or SIZE_MAX when the product does not fit: sizes from a file are
// multiplied before they are compared with a limit.
std::size_t product(std::size_t a, std::size_t b);

// 1234567 as "1,234,567", for messages that quote a limit.
std::string grouped(std::uint64_t n);

// Throws UsageError when a network of these layer sizes (inputs first) would
// have more layers, units or weights and biases than the limits allow. `what`
// starts the message ("the 784-100-10 network for this data"); `fix` ends it,
// unless the inputs alone are too many.
void check_network(const std::vector<std::size_t>& sizes, bool biases, const std::string& what,
                   const std::string& fix);

}  // namespace bpw::limits
