// The tracer prints every matrix a chapter computes beside the registry equation
// that produced it, its shape, the shapes that made it, and the source line of
// the expression that computed it. It is the math's TraceSink: the library's
// functions and the chapters trace through bpw::traced (bpw/traced.hpp). How
// each format looks is up to its writer (text, markdown, latex, json, and html:
// one standalone page that plays the JSON trace, the network drawn).
#pragma once

#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <source_location>
#include <string>
#include <string_view>
#include <vector>

#include "bpw/eq.hpp"
#include "bpw/layout.hpp"
#include "bpw/matrix.hpp"
#include "bpw/traced.hpp"

namespace bpw {

class Network;
class Table;
struct WeightChain;

enum class Format { text, markdown, latex, json, html };

// A suggestion the output makes, with the command that follows it and what that
// command shows, so that a test can run every tip and hold it to its word: `run`
// is a program and its arguments, `expect` lines in the language of the claims
// (tests/claims/claims.hpp), such as "exit 0" or "lacks kind=matrix recap=true".
// Text, Markdown and LaTeX print the text as a note; JSON prints a "tip" record.
struct Tip {
  std::string text;
  std::string run;
  std::vector<std::string> expect;
};

// A worksheet (latex or markdown): the trace with the values of chosen
// equations left blank, to work out by hand, or for the answer key filled in
// and marked. The sheet and its key differ only in those cells.
struct Worksheet {
  bool on = false;
  bool answers = false;            // the key: the blanks filled in and marked
  std::vector<std::string> blank;  // equation keys or numbers; empty: the chapter's own results
  std::string class_code, student;  // printed at the top of the sheet
};

struct TraceOptions {
  Format format = Format::text;
  Layout layout = Layout::rows;  // samples as rows, or as columns (every matrix transposed)
  int precision = 4;     // digits after the point in text, markdown and latex
  bool color = false;    // ANSI colour in text (the chapter runner sets it for a terminal)
  bool step = false;     // pause after each equation until Enter (only if stdin is a terminal)
  bool verbose = false;  // recaps of earlier chapters in full instead of one line each
  bool full = false;     // every row and column of a large matrix, not the first and last few
  bool explain = false;  // under each equation, the derivation step it comes from
  // Columns of text output (--width, COLUMNS, the terminal's): text wraps and
  // wide matrices and tables print in blocks of columns. 0: no limit.
  int width = 0;
  // The program and the arguments that made this trace, without the ones that
  // only choose how it looks (--format, --no-color, …): tips build on it.
  std::string command;
  Worksheet worksheet;   // --worksheet, --answers, --blank
};

class Tracer final : public TraceSink {
 public:
  Tracer(TraceOptions options, std::ostream& out);
  ~Tracer() override;
  Tracer(Tracer&&) noexcept;
  Tracer& operator=(Tracer&&) noexcept;

  // The network whose layers the equations are written for (L and its biases).
  void describe(const Network& network);

  // What bpw::traced calls: equation `eq` at layer l computed `value`.
  void record(Eq eq, int l, const Matrix& value, Operands operands,
              std::source_location where) override;

  // A table traced under equation `eq` (its rows are named, e.g. one per weight).
  void table(Eq eq, int l, const Table& table,
             std::source_location where = std::source_location::current());

  // Compare what this chapter computed with an independent reference, report
  // the largest difference or the first mismatch, and count failures.
  bool check(Eq eq, int l, const Matrix& computed, const Matrix& reference,
             std::string_view reference_name, double tolerance);

  // One weight's gradient worked as a chain of scalars, each factor an element of
  // a matrix traced before (--weight).
  void chain(const WeightChain& chain);

  // A pass/fail line that is not a matrix comparison (the gradient check's verdict).
  bool verdict(Eq eq, int l, bool passed, std::string_view message);

  // The symbol an equation defines, at layer l: symbol(Eq::W, 1) is "W⁽¹⁾".
  std::string symbol(Eq eq, int l) const;
  // A matrix as the trace shows it: transposed when samples are columns.
  Matrix as_shown(const Matrix& m) const;
  // A number in the tracer's precision, for notes.
  std::string number(double v) const;
  // A number with every digit that tells it apart (the shortest form that reads
  // back as the same double), for commands and expectations.
  static std::string exact(double v);

  void heading(std::string_view title);
  void note(std::string_view text);
  void tip(const Tip& tip);
  // This trace's command for a tip's `run`: the options of `arguments` added (in
  // place of the same options given before) and the options in `drop` left out.
  std::string command_with(std::string_view arguments, std::initializer_list<std::string_view> drop = {}) const;
  // A complete document around the trace (--standalone): a LaTeX preamble and
  // \end{document}, or a Markdown title block. The html page is written whole
  // at end_document(), so a trace in html needs both.
  void begin_document(std::string_view title);
  void end_document();

  // While a Recap is alive, traces are one line each (unless --verbose): used to
  // recompute what earlier chapters did before a chapter's own step.
  class Recap {
   public:
    explicit Recap(Tracer& tracer);
    ~Recap();
    Recap(const Recap&) = delete;
    Recap& operator=(const Recap&) = delete;

   private:
    Tracer& tracer_;
    bool was_brief_;
    bool was_recap_ = false;
  };
  [[nodiscard]] Recap recap(std::string_view what);

  int failed_checks() const;
  // The worksheet's --blank entries that no traced equation matched: a blank
  // the chapter cannot show. Empty when every one was traced.
  std::vector<std::string> blanks_not_traced() const;
  // The numbers of the equations traced so far, "(1.1)", in order, once each.
  std::vector<std::string> traced_numbers() const;
  const TraceOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bpw
