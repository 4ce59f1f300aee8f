// How samples are written: as rows (z = a W + b, W is [inputs x outputs]) or as
// columns (Z = W A + b, W is [outputs x inputs]). The library computes in rows;
// the column layout is the same numbers transposed, in the trace and in files.
#pragma once

namespace bpw {

enum class Layout { rows, columns };

}  // namespace bpw
