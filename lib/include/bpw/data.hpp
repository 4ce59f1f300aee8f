// A data set: X [M x n], one sample per row, and targets y [M x k].
#pragma once

#include "bpw/matrix.hpp"

namespace bpw {

class Network;

struct Dataset {
  Matrix X;
  Matrix y;
};

// Hours of sleep and of study → test score, three students:
// X = [[3,5],[5,1],[10,2]] divided by its column maxima, y = [75,82,93] / 100.
Dataset sleep_study();

// Throws ShapeError naming the equation that would fail, e.g.
// "(1.1) z⁽²⁾ = X W⁽¹⁾: X is 3×4 but W⁽¹⁾ is 2×3; …", and UsageError on NaN.
void check_fits(const Network& network, const Dataset& data);

}  // namespace bpw
