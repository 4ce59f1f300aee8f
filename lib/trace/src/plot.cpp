#include "bpw/plot.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "bpw/network.hpp"

namespace bpw {
namespace {

constexpr double width = 640, height = 400, left = 70, right = 70, top = 40, bottom = 50;
constexpr double plot_w = width - left - right, plot_h = height - top - bottom;

struct Range {
  double low, high;
  double at(double v) const { return high == low ? 0.5 : (v - low) / (high - low); }
};

Range range_of(const std::vector<double>& values) {
  if (values.empty()) return {0, 1};
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  return {*lo, *hi == *lo ? *lo + 1 : *hi};
}

std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else out += c;
  }
  return out;
}

std::string header(const std::string& title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"{0}\" height=\"{1}\" fill=\"white\"/>\n"
      "<text x=\"{2}\" y=\"24\" font-size=\"15\" text-anchor=\"middle\">{3}</text>\n",
      width, height, width / 2, escape(title));
}

std::string frame(const std::string& x_label, const std::string& y_label, Range x, Range y) {
  std::string s = fmt::format(
      "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#444\"/>\n", left,
      top, plot_w, plot_h);
  for (int i = 0; i <= 4; ++i) {
    const double fx = left + plot_w * i / 4, fy = top + plot_h * (1 - i / 4.0);
    s += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{:.4g}</text>\n", fx,
                     top + plot_h + 16, x.low + (x.high - x.low) * i / 4);
    s += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{:.3g}</text>\n", left - 6, fy + 4,
                     y.low + (y.high - y.low) * i / 4);
  }
  s += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", left + plot_w / 2,
                   height - 12, escape(x_label));
  s += fmt::format(
      "<text x=\"16\" y=\"{0}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {0})\">{1}</text>\n",
      top + plot_h / 2, escape(y_label));
  return s;
}

std::string polyline(const std::vector<double>& xs, const std::vector<double>& ys, Range x, Range y,
                     const std::string& color, bool dashed) {
  std::string points;
  for (std::size_t i = 0; i < xs.size() && i < ys.size(); ++i)
    points += fmt::format("{:.1f},{:.1f} ", left + plot_w * x.at(xs[i]), top + plot_h * (1 - y.at(ys[i])));
  return fmt::format("<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{} points=\"{}\"/>\n",
                     color, dashed ? " stroke-dasharray=\"6 4\"" : "", points);
}

struct Entry {
  std::string label, color;
  bool dashed = false;
};

std::string legend(const std::vector<Entry>& entries) {
  std::string s;
  double y = top + 14;
  for (const Entry& e : entries) {
    s += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"3\"{4}/>"
                     "<text x=\"{5}\" y=\"{6}\">{7}</text>\n",
                     left + plot_w - 160, y, left + plot_w - 134, e.color,
                     e.dashed ? " stroke-dasharray=\"6 4\"" : "", left + plot_w - 128, y + 4, escape(e.label));
    y += 16;
  }
  return s;
}

}  // namespace

std::string learning_curve_svg(const History& h, const std::string& title, const std::string& x_label) {
  const Range x = range_of(h.step), cost = range_of(h.cost), percent{0, 1};
  std::string s = header(title) + frame(x_label, "cost J", x, cost);
  for (int i = 0; i <= 4; ++i)
    s += fmt::format("<text x=\"{}\" y=\"{}\">{}%</text>\n", left + plot_w + 6,
                     top + plot_h * (1 - i / 4.0) + 4, 25 * i);
  s += polyline(h.step, h.cost, x, cost, "#1f77b4", false);
  std::vector<Entry> entries{{"cost (left)", "#1f77b4"}};
  if (!h.train_accuracy.empty()) {
    s += polyline(h.step, h.train_accuracy, x, percent, "#2ca02c", false);
    entries.push_back({"training accuracy", "#2ca02c"});
  }
  if (!h.test_accuracy.empty()) {
    s += polyline(h.step, h.test_accuracy, x, percent, "#d62728", true);
    entries.push_back({"test accuracy", "#d62728", true});
  }
  return s + legend(entries) + "</svg>\n";
}

std::string curves_svg(const std::vector<Curve>& curves, const std::string& title,
                       const std::string& x_label, const std::string& y_label) {
  std::vector<double> xs, ys;
  for (const Curve& c : curves) {
    xs.insert(xs.end(), c.x.begin(), c.x.end());
    ys.insert(ys.end(), c.y.begin(), c.y.end());
  }
  const Range x = range_of(xs), y = range_of(ys);
  std::string s = header(title) + frame(x_label, y_label, x, y);
  std::vector<Entry> entries;
  for (const Curve& c : curves) {
    s += polyline(c.x, c.y, x, y, c.color, c.dashed);
    entries.push_back({c.label, c.color, c.dashed});
  }
  return s + legend(entries) + "</svg>\n";
}

std::string decision_boundary_svg(const Network& network, const Dataset& data, const std::string& title) {
  std::vector<double> a, b;
  for (std::size_t m = 0; m < data.X.shape(0); ++m) {
    a.push_back(data.X(m, 0));
    b.push_back(data.X(m, 1));
  }
  Range ra = range_of(a), rb = range_of(b);
  const double pa = 0.1 * (ra.high - ra.low), pb = 0.1 * (rb.high - rb.low);
  ra = {ra.low - pa, ra.high + pa};
  rb = {rb.low - pb, rb.high + pb};
  constexpr std::size_t cells = 80;
  Matrix grid({cells * cells, std::size_t{2}});
  for (std::size_t i = 0; i < cells; ++i)
    for (std::size_t j = 0; j < cells; ++j) {
      grid(i * cells + j, 0) = ra.low + (ra.high - ra.low) * (j + 0.5) / cells;
      grid(i * cells + j, 1) = rb.high - (rb.high - rb.low) * (i + 0.5) / cells;
    }
  Matrix out = grid;
  for (int l = 1; l < network.L(); ++l)
    out = network.layer(l).f.f(Matrix(matmul(out, network.layer(l).W) + network.layer(l).b));
  const char* shade[] = {"#c6dbef", "#fdd0a2", "#c7e9c0", "#dadaeb"};
  const char* dot[] = {"#08519c", "#a63603", "#006d2c", "#54278f"};
  const auto class_of = [](const Matrix& m, std::size_t row) {
    if (m.shape(1) == 1) return m(row, 0) >= 0.5 ? std::size_t{1} : std::size_t{0};
    const double* p = &m(row, 0);
    return static_cast<std::size_t>(std::max_element(p, p + m.shape(1)) - p);
  };
  std::string s = header(title);
  const double cw = plot_w / cells, ch = plot_h / cells;
  for (std::size_t i = 0; i < cells; ++i)
    for (std::size_t j = 0; j < cells; ++j)
      s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.2f}\" height=\"{:.2f}\" fill=\"{}\"/>\n",
                       left + cw * j, top + ch * i, cw + 0.2, ch + 0.2, shade[class_of(out, i * cells + j) % 4]);
  s += frame("x₁", "x₂", ra, rb);
  for (std::size_t m = 0; m < data.X.shape(0); ++m)
    s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\" stroke=\"white\" stroke-width=\"0.5\"/>\n",
                     left + plot_w * ra.at(a[m]), top + plot_h * (1 - rb.at(b[m])), dot[class_of(data.y, m) % 4]);
  return s + "</svg>\n";
}

std::string sparkline(const std::vector<double>& values, std::size_t columns) {
  static const char* bars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  if (values.empty()) return "";
  const Range r = range_of(values);
  std::string out;
  const std::size_t n = std::min(columns, values.size());
  for (std::size_t i = 0; i < n; ++i) {
    const double v = values[i * (values.size() - 1) / std::max<std::size_t>(1, n - 1)];
    out += bars[std::clamp(static_cast<int>(std::lround(7 * r.at(v))), 0, 7)];
  }
  return out;
}

}  // namespace bpw
