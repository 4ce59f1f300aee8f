#include "writer.hpp"

#include <cmath>

#include <fmt/format.h>

#include "cells.hpp"

namespace bpw {

std::unique_ptr<Writer> writer_for(const TraceOptions& options, std::ostream& out) {
  switch (options.format) {
    case Format::markdown: return markdown_writer(options, out);
    case Format::latex: return latex_writer(options, out);
    case Format::json: return json_writer(options, out);
    case Format::text: break;
  }
  return text_writer(options, out);
}

namespace {

std::string number(double v, int precision) {
  const double size = std::abs(v);
  const std::string text = cells::format_number(v, precision, v != 0.0 && (size < 1e-3 || size >= 1e6));
  return v < 0 ? "(" + text + ")" : text;  // a factor: (−0.5) · 2, not −0.5 · 2 or + −0.5
}

std::string named(const ElementRef& e) {
  return e.eq.empty() ? e.symbol : fmt::format("{} ({})", e.symbol, e.eq);
}

}  // namespace

std::vector<std::string> chain_lines(const ChainRecord& r, int precision) {
  std::vector<std::string> lines{fmt::format(
      "{}  ∂J/∂{} by hand: the chain of scalars from J back to the weight, sample by sample",
      label_of(r.eq), r.weight)};
  for (const ChainSample& s : r.samples) {
    std::string symbols, values;
    for (const ChainFactorRef& f : s.factors) {
      symbols += (symbols.empty() ? "" : " · ") + named(f.element);
      values += (values.empty() ? "" : " · ") + number(f.element.value, precision);
    }
    lines.push_back(fmt::format("sample {}: {} = {} = {}", s.sample, symbols, values,
                                number(s.value, precision)));
    for (const ChainFactorRef& f : s.factors) {
      if (f.terms.empty()) continue;
      std::string sum, products;
      for (const auto& [delta, w] : f.terms) {
        sum += (sum.empty() ? "" : " + ") + delta.symbol + " · " + w.symbol;
        products += (products.empty() ? "" : " + ") + number(delta.value, precision) + " · " +
                    number(w.value, precision);
      }
      lines.push_back(fmt::format("  where {} = {} = {} = {}", f.element.symbol, sum, products,
                                  number(f.element.value, precision)));
    }
  }
  lines.push_back(r.samples.size() == 1
                      ? fmt::format("∂J/∂{} = {}", r.weight, number(r.value, precision))
                      : fmt::format("∂J/∂{} = {}, the sum over the {} samples", r.weight,
                                    number(r.value, precision), r.samples.size()));
  return lines;
}

std::string label_of(const Rendered& eq) {
  if (!eq.number.empty()) return "(" + eq.number + ")";
  return eq.key.empty() ? "operand" : "given";
}

std::string shape_line(const Matrix& value, const std::vector<Shape>& factors) {
  std::string line = "[" + to_string(shape_of(value)) + "]";
  const char* separator = " = ";
  for (const Shape& f : factors) {
    line += separator + ("[" + to_string(f) + "]");
    separator = "·";
  }
  return line;
}

}  // namespace bpw
