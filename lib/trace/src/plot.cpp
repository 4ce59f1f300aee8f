#include "bpw/plot.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "bpw/network.hpp"

namespace bpw {

std::vector<double> round_ticks(double low, double high, int most) {
  if (!(high > low)) high = low + 1;
  const double rough = (high - low) / std::max(1, most - 1);
  const double power = std::pow(10.0, std::floor(std::log10(rough)));
  double step = 10 * power;
  for (double m : {1.0, 2.0, 5.0})
    if (m * power >= rough * (1 - 1e-9)) {
      step = m * power;
      break;
    }
  std::vector<double> ticks;
  const double first = std::floor(low / step + 1e-9), last = std::ceil(high / step - 1e-9);
  for (double k = first; k <= last + 0.5; ++k) ticks.push_back(k * step == 0 ? 0.0 : k * step);
  return ticks;
}

std::string tick_label(double v, double step) {
  const int digits = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
  return fmt::format("{:.{}f}", v, digits);
}

namespace {

constexpr double width = 640, plot_h = 270, top = 40, font = 12;
constexpr double char_w = 0.65 * font;  // a sans-serif character is at most this wide, mostly

// An axis: its range, its ticks with their labels, linear or logarithmic.
struct Axis {
  double low = 0, high = 1;
  bool log = false;
  std::vector<double> ticks;
  std::vector<std::string> labels;

  double at(double v) const {  // 0 at low, 1 at high
    if (log) return (std::log10(std::max(v, 1e-300)) - std::log10(low)) / (std::log10(high) - std::log10(low));
    return (v - low) / (high - low);
  }
  std::size_t widest() const {
    std::size_t w = 0;
    for (const auto& l : labels) w = std::max(w, l.size());
    return w;
  }
};

// Round ticks in 1-2-5 steps, the axis extended to the first and last.
Axis linear_axis(double low, double high, int most = 6) {
  Axis a;
  a.ticks = round_ticks(low, high, most);
  a.low = a.ticks.front();
  a.high = a.ticks.back();
  const double step = a.ticks.size() > 1 ? a.ticks[1] - a.ticks[0] : 1;
  for (double t : a.ticks) a.labels.push_back(tick_label(t, step));
  return a;
}

// Powers of ten, for values that span two orders of magnitude or more; every
// second or third power when there are many.
Axis log_axis(double low, double high) {
  Axis a;
  a.log = true;
  const int first = static_cast<int>(std::floor(std::log10(low) + 1e-9));
  const int end = std::max(first + 1, static_cast<int>(std::ceil(std::log10(high) - 1e-9)));
  const int every = std::max(1, (end - first + 7) / 8);
  const int last = first + every * ((end - first + every - 1) / every);
  for (int k = first; k <= last; k += every) {
    a.ticks.push_back(std::pow(10.0, k));
    a.labels.push_back(k >= -3 && k <= 4 ? fmt::format("{}", std::pow(10.0, k)) : fmt::format("1e{}", k));
  }
  a.low = a.ticks.front();
  a.high = a.ticks.back();
  return a;
}

Axis value_axis(const std::vector<double>& values, bool allow_log) {
  std::vector<double> finite;
  for (double v : values)
    if (std::isfinite(v)) finite.push_back(v);
  if (finite.empty()) return linear_axis(0, 1);
  const auto [lo, hi] = std::minmax_element(finite.begin(), finite.end());
  if (allow_log && *lo > 0 && *hi / *lo >= 100) return log_axis(*lo, *hi);
  return linear_axis(*lo, *hi == *lo ? *lo + 1 : *hi);
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

std::size_t chars(const std::string& text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

struct Entry {
  std::string label, color;
  bool dashed = false;
  bool marked = false;  // a run that stopped early: a dot at its end
};

// Where the plot sits in the picture: margins made to fit the tick labels and
// the axis titles beside them, and the legend below the x-axis title.
struct Frame {
  double left, right, plot_w;
  double bottom() const { return top + plot_h; }
  double x(const Axis& a, double v) const { return left + plot_w * a.at(v); }
  double y(const Axis& a, double v) const { return top + plot_h * (1 - a.at(v)); }
};

Frame frame_for(const Axis& y, const Axis* right_axis) {
  const double left = 14 + font + 10 + char_w * static_cast<double>(y.widest()) + 8;
  const double right = right_axis ? 8 + char_w * static_cast<double>(right_axis->widest()) + 14 : 24;
  return {left, right, width - left - right};
}

std::string header(const std::string& title, double height) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"sans-serif\" font-size=\"{4}\">\n<title>{3}</title>\n"
      "<rect width=\"{0}\" height=\"{1}\" fill=\"white\"/>\n"
      "<text x=\"{2}\" y=\"24\" font-size=\"15\" text-anchor=\"middle\">{3}</text>\n",
      width, height, width / 2, escape(title), font);
}

std::string axes(const Frame& f, const Axis& x, const Axis& y, const std::string& x_title,
                 const std::string& y_title) {
  std::string s = fmt::format(
      "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#444\"/>\n", f.left,
      top, f.plot_w, plot_h);
  s += "<g class=\"x-ticks\" text-anchor=\"middle\">\n";
  for (std::size_t i = 0; i < x.ticks.size(); ++i) {
    const double px = f.x(x, x.ticks[i]);
    s += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#444\"/>"
                     "<text x=\"{0:.1f}\" y=\"{3}\">{4}</text>\n",
                     px, f.bottom(), f.bottom() + 4, f.bottom() + 17, x.labels[i]);
  }
  s += "</g>\n<g class=\"y-ticks\" text-anchor=\"end\">\n";
  for (std::size_t i = 0; i < y.ticks.size(); ++i) {
    const double py = f.y(y, y.ticks[i]);
    s += fmt::format("<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#ddd\"/>"
                     "<text x=\"{3}\" y=\"{4:.1f}\">{5}</text>\n",
                     f.left, py, f.left + f.plot_w, f.left - 6, py + 4, y.labels[i]);
  }
  s += "</g>\n";
  s += fmt::format("<text class=\"x-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                   f.left + f.plot_w / 2, f.bottom() + 36, escape(x_title));
  s += fmt::format(
      "<text class=\"y-title\" x=\"{0}\" y=\"{1}\" text-anchor=\"middle\" transform=\"rotate(-90 {0} {1})\">{2}{3}</text>\n",
      14 + font * 0.8, top + plot_h / 2, escape(y_title), y.log ? " (log scale)" : "");
  return s;
}

std::string polyline(const Frame& f, const std::vector<double>& xs, const std::vector<double>& ys,
                     const Axis& x, const Axis& y, const std::string& color, bool dashed) {
  std::string points;
  for (std::size_t i = 0; i < xs.size() && i < ys.size(); ++i)
    if (std::isfinite(ys[i])) points += fmt::format("{:.1f},{:.1f} ", f.x(x, xs[i]), f.y(y, ys[i]));
  return fmt::format("<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{} points=\"{}\"/>\n",
                     color, dashed ? " stroke-dasharray=\"6 4\"" : "", points);
}

// The legend below the plot, off the data: entries side by side, as many to a
// row as fit. Returns the SVG and the height it takes.
std::pair<std::string, double> legend(const std::vector<Entry>& entries, double y0) {
  std::string s = "<g class=\"legend\">\n";
  double x = 20, y = y0;
  for (const Entry& e : entries) {
    const double w = 34 + char_w * static_cast<double>(chars(e.label)) + 18;
    if (x > 20 && x + w > width - 10) {
      x = 20;
      y += 18;
    }
    s += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"3\"{4}/>",
                     x, y - 4, x + 26, e.color, e.dashed ? " stroke-dasharray=\"6 4\"" : "");
    if (e.marked)
      s += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{}\"/>", x + 26, y - 4, e.color);
    s += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", x + 34, y, escape(e.label));
    x += w;
  }
  return {s + "</g>\n", y - y0 + 18};
}

}  // namespace

std::string learning_curve_svg(const History& h, const std::string& title, const std::string& x_label) {
  const Axis x = linear_axis(h.step.empty() ? 0 : h.step.front(), h.step.empty() ? 1 : h.step.back());
  const Axis cost = value_axis(h.cost, true);
  const bool accuracy = !h.train_accuracy.empty() || !h.test_accuracy.empty();
  Axis percent = linear_axis(0, 1);
  percent.labels.clear();
  for (double t : percent.ticks) percent.labels.push_back(fmt::format("{:.0f}%", 100 * t));
  const Frame f = frame_for(cost, accuracy ? &percent : nullptr);

  std::string body = axes(f, x, cost, x_label, "cost J");
  if (accuracy) {
    body += "<g class=\"right-ticks\">\n";
    for (std::size_t i = 0; i < percent.ticks.size(); ++i)
      body += fmt::format("<text x=\"{}\" y=\"{:.1f}\">{}</text>\n", f.left + f.plot_w + 6,
                          f.y(percent, percent.ticks[i]) + 4, percent.labels[i]);
    body += "</g>\n";
  }
  body += polyline(f, h.step, h.cost, x, cost, "#1f77b4", false);
  std::vector<Entry> entries{{accuracy ? "cost J (left axis)" : "cost J", "#1f77b4"}};
  if (!h.train_accuracy.empty()) {
    body += polyline(f, h.step, h.train_accuracy, x, percent, "#2ca02c", false);
    entries.push_back({"training accuracy (right axis)", "#2ca02c"});
  }
  if (!h.test_accuracy.empty()) {
    body += polyline(f, h.step, h.test_accuracy, x, percent, "#d62728", true);
    entries.push_back({"test accuracy (right axis)", "#d62728", true});
  }
  const auto [keys, keys_height] = legend(entries, f.bottom() + 64);
  return header(title, f.bottom() + 52 + keys_height + 8) + body + keys + "</svg>\n";
}

std::string curves_svg(const std::vector<Curve>& curves, const std::string& title,
                       const std::string& x_label, const std::string& y_label) {
  std::vector<double> ys;
  double x_low = INFINITY, x_high = -INFINITY;
  for (const Curve& c : curves) {
    ys.insert(ys.end(), c.y.begin(), c.y.end());
    for (double v : c.x) {
      x_low = std::min(x_low, v);
      x_high = std::max(x_high, v);
    }
  }
  if (!std::isfinite(x_low)) x_low = 0, x_high = 1;
  const Axis x = linear_axis(x_low, x_high == x_low ? x_low + 1 : x_high);
  const Axis y = value_axis(ys, true);
  const Frame f = frame_for(y, nullptr);
  std::string body = axes(f, x, y, x_label, y_label);
  std::vector<Entry> entries;
  for (const Curve& c : curves) {
    body += polyline(f, c.x, c.y, x, y, c.color, c.dashed);
    Entry e{c.label, c.color, c.dashed};
    // A run that ended before the others (L-BFGS converged, say): its last point
    // marked, and the legend says where it stopped.
    if (!c.x.empty() && !c.y.empty() && c.x.back() < x_high) {
      const std::size_t n = std::min(c.x.size(), c.y.size());
      body += fmt::format("<circle class=\"stop\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"{}\"/>\n",
                          f.x(x, c.x[n - 1]), f.y(y, c.y[n - 1]), c.color);
      e.label += ", stops at " + fmt::format("{}", c.x[n - 1]);
      e.marked = true;
    }
    entries.push_back(e);
  }
  const auto [keys, keys_height] = legend(entries, f.bottom() + 64);
  return header(title, f.bottom() + 52 + keys_height + 8) + body + keys + "</svg>\n";
}

std::string decision_boundary_svg(const Network& network, const Dataset& data, const std::string& title) {
  std::vector<double> a, b;
  for (std::size_t m = 0; m < data.X.shape(0); ++m) {
    a.push_back(data.X(m, 0));
    b.push_back(data.X(m, 1));
  }
  const auto padded = [](const std::vector<double>& v) {
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    const double pad = 0.05 * (*hi - *lo + 1e-12);
    return linear_axis(*lo - pad, *hi + pad, 7);
  };
  const Axis ra = a.empty() ? linear_axis(0, 1) : padded(a), rb = b.empty() ? linear_axis(0, 1) : padded(b);
  const Frame f = frame_for(rb, nullptr);
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
  std::string s = header(title, f.bottom() + 52);
  const double cw = f.plot_w / cells, ch = plot_h / cells;
  for (std::size_t i = 0; i < cells; ++i)
    for (std::size_t j = 0; j < cells; ++j)
      s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.2f}\" height=\"{:.2f}\" fill=\"{}\"/>\n",
                       f.left + cw * j, top + ch * i, cw + 0.2, ch + 0.2, shade[class_of(out, i * cells + j) % 4]);
  s += axes(f, ra, rb, "x₁", "x₂");
  for (std::size_t m = 0; m < data.X.shape(0); ++m)
    s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\" stroke=\"white\" stroke-width=\"0.5\"/>\n",
                     f.x(ra, a[m]), f.y(rb, b[m]), dot[class_of(data.y, m) % 4]);
  return s + "</svg>\n";
}

std::string sparkline(const std::vector<double>& values, std::size_t columns) {
  static const char* bars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  if (values.empty()) return "";
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  const double low = *lo, high = *hi == *lo ? *lo + 1 : *hi;
  std::string out;
  const std::size_t n = std::min(columns, values.size());
  for (std::size_t i = 0; i < n; ++i) {
    const double v = values[i * (values.size() - 1) / std::max<std::size_t>(1, n - 1)];
    out += bars[std::clamp(static_cast<int>(std::lround(7 * (v - low) / (high - low))), 0, 7)];
  }
  return out;
}

}  // namespace bpw
