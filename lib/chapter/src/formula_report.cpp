#include "bpw/formula_report.hpp"

#include <string>

#include "bpw/formula_check.hpp"
#include "bpw/trace.hpp"

namespace bpw {

bool report_formulas(Tracer& trace, const Network& differentiated, const Dataset& data) {
  trace.note("Each formula backpropagation chains, against central differences of the function it "
             "differentiates:");
  std::string wrong;
  for (const FormulaCheck& c : check_formulas(differentiated, data)) {
    const std::string of = "the central differences of " + std::string(c.function);
    if (!trace.check(c.equation, c.l, c.formula, c.differences, of, 1e-5) && wrong.empty())
      wrong = "the formula of " + std::string(c.function) + " in " + c.defined.file_name();
  }
  trace.note(wrong.empty() ? "Each formula agrees with its function: look at how they are chained "
                             "(chapters 3–5) instead."
                           : "Fix " + wrong + ", rebuild, and run this chapter again.");
  return wrong.empty();
}

}  // namespace bpw
