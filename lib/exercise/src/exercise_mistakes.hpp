// Named mistakes: the classic wrong variants of an exercise's answer, each
// computed by running the reference with that one mistake, so that a learner
// whose answer matches one is told its name and what to look at. Private to
// the library.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "bpw/matrix.hpp"

namespace bpw::exercise {

enum class Mistake {
  sign_flipped,        // −x where x belongs
  transposed,          // the expected matrix transposed
  f_for_f_prime,       // f(z) where f′(z) belongs
  a_for_z,             // a = f(z) fed where z belongs (σ′(ŷ) for σ′(z))
  z_for_a,             // z where a = f(z) belongs (the activation left out)
  half_missing,        // ½ left out: twice the answer
  half_extra,          // an extra ½: half the answer
  factor_two,          // a 2 that the ½ should have cancelled
  divided_by_M,        // averaged over the M samples where the sum belongs
  not_divided_by_M,    // a count or sum where a share belongs
  wrong_layer,         // another layer's weights, bias or activations
  factor_left_out,     // one factor of a product left out
  term_left_out,       // one term of a sum left out
  wrong_order,         // two steps in the wrong order
  one_sided,           // a one-sided difference where a central one belongs
  norms_added,         // the norms of the parts added instead of one norm
  square_root,         // a square root too many or too few
  whole_matrix,        // over the whole matrix where each row belongs
  wrong_axis,          // summed over the other axis
  max_not_subtracted,  // softmax without the row's largest z subtracted: overflow
  lazy_reduction,      // xtensor's lazy reduction inside a larger expression
  nudge_not_restored,  // a nudged weight left nudged for the next element
};

// "sign flipped", as the checker names it.
std::string_view mistake_name(Mistake m);
// Every mistake, for the tests: each has a name and is tested on some exercise.
std::vector<Mistake> all_mistakes();

// One known wrong variant for the case at hand: its name, what to look at,
// and how to compute it (only when the learner's answer is wrong).
template <class T>
struct Known {
  Mistake mistake;
  std::string_view look;
  std::function<T()> value;
};
template <class T>
using Knowns = std::vector<Known<T>>;

// Whether the learner's source uses an xtensor reduction with xt::keep_dims
// inside a larger expression (or keeps it in an `auto`), which Debian's
// xtensor 0.24 computes wrongly: a reduction that is not the whole right-hand
// side of a Matrix's assignment or a return, nor inside xt::eval. Comments are
// ignored.
bool lazy_reduction_in(std::string_view source);
// What the checker says then, with what to write instead.
extern const std::string_view lazy_reduction_look;

// Whether a variant equals the learner's answer: the same shape, the same
// non-finite elements (NaN, ±∞) in the same places, and the rest equal to a
// relative 1e-8 (absolute 1e-14 near zero).
bool same_answer(const Matrix& yours, const Matrix& variant);
bool same_answer(double yours, double variant);

}  // namespace bpw::exercise
