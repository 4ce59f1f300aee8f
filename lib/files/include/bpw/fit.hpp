// Data made ready for a network: checked against its shapes and its cost's
// targets before any equation runs, so that a mistake is one line naming the
// equation that would fail.
#pragma once

#include "bpw/data.hpp"
#include "bpw/layout.hpp"
#include "bpw/network.hpp"

namespace bpw {

// Class indices 0 … k−1 become one-hot rows for the softmax cross-entropy.
// Throws ShapeError naming the equation that would fail, e.g. "(1.1) z⁽²⁾ =
// X W⁽¹⁾: X is 3×4 but W⁽¹⁾ is 2×3; …" (shapes written in `layout`), and
// UsageError for NaN or targets the cost cannot take.
Dataset fit_data(const Network& network, Dataset data, Layout layout = Layout::rows);

}  // namespace bpw
