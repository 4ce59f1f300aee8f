#include "bpw/concordance.hpp"

#include <vector>

#include "bpw/equations.hpp"
#include "writer.hpp"

namespace bpw {

void print_concordance(std::ostream& out, Format format, std::string_view page, int width) {
  std::vector<ConcordanceRow> rows;
  for (const Equation& e : all_equations()) {
    if (e.number.empty() || (!page.empty() && e.page != page)) continue;
    const auto general = [&](std::string_view tmpl, Notation n, bool columns) {
      return render_general(tmpl, n, e.layer_symbol, columns);
    };
    rows.push_back({e, general(e.text, Notation::unicode, false),
                    general(text_of(e, true), Notation::unicode, true),
                    general(e.latex, Notation::latex, false),
                    general(latex_of(e, true), Notation::latex, true)});
  }
  TraceOptions options;
  options.format = format;
  options.width = width;
  writer_for(options, out)->concordance(rows);
}

}  // namespace bpw
