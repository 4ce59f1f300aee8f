#include "writer.hpp"

namespace bpw {

std::unique_ptr<Writer> writer_for(const TraceOptions& options, std::ostream& out) {
  switch (options.format) {
    case Format::markdown: return markdown_writer(options, out);
    case Format::latex: return latex_writer(options, out);
    case Format::json: return json_writer(options, out);
    case Format::html: return html_writer(options, out);
    case Format::text: break;
  }
  return text_writer(options, out);
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
