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

struct MatrixRecord {
  const Rendered& eq;
  const Matrix& value;          // as shown (transposed when samples are columns)
  std::vector<Shape> factors;   // the shapes of a product's factors, as shown
  std::string source;           // "lib/math/src/forward.cpp:31"
  bool brief = false;           // one line in a recap
  std::string explanation;      // --explain, empty otherwise
  bool blank = false;           // a worksheet's blank: its values to work out by hand
};

struct TableRecord {
  const Rendered& eq;
  const Table& table;
  std::string source;
  bool blank = false;  // a worksheet's blank
};

struct CheckRecord {
  const Rendered& eq;
  bool passed;
  std::string message;  // "agrees with the finite-difference ∂J/∂z: …"
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
  virtual void heading(std::string_view title) = 0;
  virtual void note(std::string_view text) = 0;
  virtual void matrix(const MatrixRecord& r) = 0;
  virtual void table(const TableRecord& r) = 0;
  virtual void check(const CheckRecord& r) = 0;
  // After a recap's one-line entries.
  virtual void end_recap() = 0;
  virtual void concordance(const std::vector<ConcordanceRow>& rows) = 0;
};

std::unique_ptr<Writer> text_writer(const TraceOptions& options, std::ostream& out);
std::unique_ptr<Writer> markdown_writer(const TraceOptions& options, std::ostream& out);
std::unique_ptr<Writer> latex_writer(const TraceOptions& options, std::ostream& out);
std::unique_ptr<Writer> json_writer(const TraceOptions& options, std::ostream& out);

std::unique_ptr<Writer> writer_for(const TraceOptions& options, std::ostream& out);

// "(1.1)", or "given" for a quantity that no equation computes.
std::string label_of(const Rendered& eq);

// "[3×1] = [3×3]·[3×1]": the value's shape and those of its factors.
std::string shape_line(const Matrix& value, const std::vector<Shape>& factors);

}  // namespace bpw
