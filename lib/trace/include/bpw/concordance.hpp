// The notation concordance: for each registry equation, how the formulations
// write it: samples as rows, samples as columns, index notation (w_ij, t_j, o_j,
// net_j, out_j), and the names it goes by in tutorial code.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "bpw/trace.hpp"

namespace bpw {

// The rows for the equations that `page` derives ("ch03_output_delta"), or for
// every equation when `page` is empty. In text, lines wrap at `width` (0: no limit).
void print_concordance(std::ostream& out, Format format, std::string_view page = {}, int width = 0);

}  // namespace bpw
