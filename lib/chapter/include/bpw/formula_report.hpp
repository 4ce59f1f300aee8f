// What a chapter says after a check of backpropagation fails: each formula it
// chains (every f′, softmax's product, ∂J/∂ŷ) checked against central
// differences of its own function (bpw/formula_check.hpp), and the file of the
// first one that differs, the file to fix.
#pragma once

namespace bpw {

class Network;
class Tracer;
struct Dataset;

// Traces the checks and a note naming the formula to fix (or saying that every
// formula agrees, so the mistake is in how they are chained). Returns whether
// every formula agreed.
bool report_formulas(Tracer& trace, const Network& differentiated, const Dataset& data);

}  // namespace bpw
