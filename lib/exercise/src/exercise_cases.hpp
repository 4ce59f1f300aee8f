// What the four files of cases share. Private to the library.
#pragma once

#include <functional>

#include "exercise_check.hpp"
#include "exercise_settings.hpp"

namespace bpw::exercise {

// A function of z alone (an activation or its slope), and the known wrong
// variants of its answer for one z.
using Reference = std::function<Matrix(const Matrix&)>;
using KnownsOf = std::function<Knowns<Matrix>(const Matrix& z)>;

// Checks a function of z against `reference` on every shape of `sizes`, with z
// drawn from N(0, 1) and from N(0, wide²), wide enough that a careless
// formula overflows.
bool elementwise(Check& c, const Function& learner, const Reference& reference,
                 const KnownsOf& known, double wide = 30.0);

// −m, mᵀ and m / M (M its rows): the variants many exercises share.
inline Matrix negated(const Matrix& m) { return -m; }
inline Matrix per_sample(const Matrix& m, std::size_t M) { return m / static_cast<double>(M); }

}  // namespace bpw::exercise
