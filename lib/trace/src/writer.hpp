// One writer per output format, behind one interface: the tracer decides what
// is traced (the equation rendered for its layer, the value as shown, the
// recap's brevity); a writer decides only how it looks. Private to bpw_trace.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bpw/equations.hpp"
#include "bpw/trace.hpp"

namespace bpw {

// An equation instantiated for one layer.
struct Rendered {
  std::string key;     // the registry's stable name: "weighted_input"
  std::string number;  // "1.1"; empty for a given quantity
  std::string symbol, text, latex_symbol, latex;
  int layer = 0;       // the superscript of the symbol it defines, as printed
};

// An operand of an equation: the record that holds it, and how it enters.
struct OperandRef {
  std::string symbol;  // "W⁽²⁾"
  int n;               // the number of the record that holds its value
  Shape shape;         // as shown
  bool transposed;     // enters the equation transposed
};

struct MatrixRecord {
  const Rendered& eq;
  const Matrix& value;          // as shown (transposed when samples are columns)
  std::vector<Shape> factors;   // the shapes of a product's factors, as shown
  std::string source;           // "lib/math/src/forward.cpp:31"
  bool brief = false;           // one line in a recap
  std::string explanation;      // --explain, empty otherwise
  int n = 0;                    // the record's number, counted from 1
  std::vector<OperandRef> operands;
  bool again = false;           // an earlier record shown in full again, as an operand
};

struct TableRecord {
  const Rendered& eq;
  const Table& table;
  std::string source;
};

struct CheckRecord {
  const Rendered& eq;
  bool passed;
  std::string message;  // "agrees with the finite-difference ∂J/∂z: …"
};

// An element of a traced matrix, as shown: its record, row and column from 1.
struct ElementRef {
  std::string symbol;  // "∂J/∂ŷ[1,2]"
  std::string eq;      // "3.2"; empty for a given quantity
  int n;               // the record that holds the matrix
  std::size_t row, col;
  double value;
};

struct ChainFactorRef {
  ElementRef element;
  std::vector<std::pair<ElementRef, ElementRef>> terms;  // δ and w of a sum over the next layer
};

struct ChainSample {
  std::size_t sample;  // from 1
  std::vector<ChainFactorRef> factors;
  double value;
};

// One weight's gradient as a chain of scalars (--weight).
struct ChainRecord {
  const Rendered& eq;  // (5.1) at the weight's layer
  std::string weight;  // "W⁽²⁾[1,1]"
  int layer;
  std::size_t row, col;
  double value;
  std::vector<ChainSample> samples;
};

// The network a trace is written for.
struct NetworkRecord {
  std::vector<std::size_t> sizes;          // neurons per layer, input first
  std::vector<std::string> activations;    // of layers 2 … L
  std::vector<bool> biases;                // of weight layers 1 … L − 1
  std::string cost;
  double lambda = 0;
  bool averaged = false;                   // the J/M form
};

// One row of the notation concordance (--concordance).
struct ConcordanceRow {
  const Equation& eq;
  std::string rows, columns, rows_latex, columns_latex;  // in the book's general form
};

class Writer {
 public:
  virtual ~Writer() = default;
  virtual void begin_document(std::string_view title) = 0;
  virtual void end_document() = 0;
  virtual void network(const NetworkRecord& net) { (void)net; }
  virtual void heading(std::string_view title) = 0;
  virtual void note(std::string_view text) = 0;
  virtual void matrix(const MatrixRecord& r) = 0;
  virtual void table(const TableRecord& r) = 0;
  virtual void check(const CheckRecord& r) = 0;
  virtual void chain(const ChainRecord& r) = 0;
  // After a recap's one-line entries.
  virtual void end_recap() = 0;
  virtual void concordance(const std::vector<ConcordanceRow>& rows) = 0;
};

std::unique_ptr<Writer> text_writer(const TraceOptions& options, std::ostream& out);
std::unique_ptr<Writer> markdown_writer(const TraceOptions& options, std::ostream& out);
std::unique_ptr<Writer> latex_writer(const TraceOptions& options, std::ostream& out);
std::unique_ptr<Writer> json_writer(const TraceOptions& options, std::ostream& out);

std::unique_ptr<Writer> writer_for(const TraceOptions& options, std::ostream& out);

// "(1.1)"; "given" for a quantity that no equation computes (X, y, W, b);
// "operand" for one the chapter used without tracing it.
std::string label_of(const Rendered& eq);

// A chain of scalars as lines of text: its title, then for each sample the
// factors with their equations, their values and product, the sums some factors
// are, and the total. Writers set them out in their own way.
std::vector<std::string> chain_lines(const ChainRecord& r, int precision);

// "[3×1] = [3×3]·[3×1]": the value's shape and those of its factors.
std::string shape_line(const Matrix& value, const std::vector<Shape>& factors);

}  // namespace bpw
