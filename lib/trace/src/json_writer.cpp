// The trace as JSON Lines, one object per matrix, table or check, at full
// precision: for programs that read the trace (docs/json.md lists the keys).
#include <ostream>

#include <nlohmann/json.hpp>

#include "bpw/json_matrix.hpp"
#include "bpw/table.hpp"
#include "writer.hpp"

namespace bpw {
namespace {

using json = nlohmann::json;

json record(const char* kind, const Rendered& eq, const Matrix& value, const std::string& source,
            bool brief) {
  return {{"kind", kind},     {"eq", eq.number},     {"id", eq.key},
          {"symbol", eq.symbol}, {"text", eq.text},   {"latex", eq.latex},
          {"layer", eq.layer}, {"shape", {value.shape(0), value.shape(1)}},
          {"value", rows_of(value)}, {"source", source}, {"recap", brief}};
}

class JsonWriter final : public Writer {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  void begin_document(std::string_view) override {}
  void end_document() override {}
  void network(const NetworkRecord& net) override {
    out_ << json{{"kind", "network"},       {"sizes", net.sizes},   {"activations", net.activations},
                 {"biases", net.biases},     {"cost", net.cost},     {"lambda", net.lambda},
                 {"l2", net.averaged ? "mean" : "sum"}}
                .dump()
         << "\n";
  }

  void heading(std::string_view title) override {
    out_ << json{{"kind", "heading"}, {"text", title}}.dump() << "\n";
  }
  void note(std::string_view text) override {
    out_ << json{{"kind", "note"}, {"text", text}}.dump() << "\n";
  }
  void end_recap() override {}

  void matrix(const MatrixRecord& r) override {
    if (r.again) return;  // every record is in the JSON in full already
    json rec = record("matrix", r.eq, r.value, r.source, r.brief);
    rec["n"] = r.n;
    if (!r.explanation.empty()) rec["explanation"] = r.explanation;
    json operands = json::array();
    for (const OperandRef& o : r.operands)
      operands.push_back({{"symbol", o.symbol},
                          {"ref", o.n},
                          {"shape", {o.shape.rows, o.shape.cols}},
                          {"transposed", o.transposed}});
    rec["operands"] = std::move(operands);
    json factors = json::array();
    for (const Shape& f : r.factors) factors.push_back({f.rows, f.cols});
    rec["factors"] = std::move(factors);
    out_ << rec.dump() << "\n";
  }

  void table(const TableRecord& r) override {
    json rec = record("table", r.eq, r.table.values(), r.source, false);
    rec["rows"] = r.table.row_names();
    rec["columns"] = r.table.columns();
    out_ << rec.dump() << "\n";
  }

  void check(const CheckRecord& r) override {
    const json rec = {{"kind", "check"},      {"eq", r.eq.number},
                      {"id", r.eq.key},       {"symbol", r.eq.symbol},
                      {"layer", r.eq.layer},  {"passed", r.passed},
                      {"message", r.eq.symbol + " (" + r.eq.number + ") " + r.message}};
    out_ << rec.dump() << "\n";
  }

  void chain(const ChainRecord& r) override {
    const auto element = [](const ElementRef& e) {
      return json{{"symbol", e.symbol}, {"eq", e.eq}, {"ref", e.n},
                  {"row", e.row},       {"col", e.col}, {"value", e.value}};
    };
    json samples = json::array();
    for (const ChainSample& s : r.samples) {
      json factors = json::array();
      for (const ChainFactorRef& f : s.factors) {
        json factor = element(f.element);
        if (!f.terms.empty()) {
          factor["terms"] = json::array();
          for (const auto& [delta, w] : f.terms)
            factor["terms"].push_back({{"delta", element(delta)}, {"weight", element(w)}});
        }
        factors.push_back(std::move(factor));
      }
      samples.push_back({{"sample", s.sample}, {"factors", std::move(factors)}, {"value", s.value}});
    }
    out_ << json{{"kind", "chain"}, {"weight", r.weight}, {"layer", r.layer}, {"row", r.row},
                 {"col", r.col},     {"eq", r.eq.number}, {"value", r.value}, {"samples", samples}}
                .dump()
         << "\n";
  }

  void concordance(const std::vector<ConcordanceRow>& rows) override {
    for (const ConcordanceRow& row : rows)
      out_ << json{{"eq", row.eq.number},
                   {"id", std::string(row.eq.key)},
                   {"rows", row.rows},
                   {"columns", row.columns},
                   {"index", row.eq.index_form},
                   {"code", row.eq.code_names},
                   {"rows_latex", row.rows_latex},
                   {"columns_latex", row.columns_latex}}
                  .dump()
           << "\n";
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Writer> json_writer(const TraceOptions&, std::ostream& out) {
  return std::make_unique<JsonWriter>(out);
}

}  // namespace bpw
