// How a worksheet looks: its blanks, its key's marked answers, and the lines
// at its top. Private to bpw_trace; the latex and markdown writers call it.
#pragma once

#include <string>
#include <vector>

#include "bpw/trace.hpp"

namespace bpw::worksheet {

// A blanked matrix's cells: empty boxes on the sheet, the values marked on
// the key. Cells that are not numbers (⋮, ⋯) stay as they are.
void fill(std::vector<std::vector<std::string>>& cells, const Worksheet& w, Format format);

// The lines at the top of a sheet, after the title: the class, the name, and
// what to do; "" when the document is not a worksheet.
std::string intro(const Worksheet& w, Format format);

}  // namespace bpw::worksheet
