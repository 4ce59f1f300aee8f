// The SVG plots as a printed page needs them: round tick values, no text over
// other text, the legend off the data, a log scale for a cost that spans orders
// of magnitude, and a marked end where a run stops early.
#include <cmath>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <bpw/data.hpp>
#include <bpw/network.hpp>
#include <bpw/plot.hpp>

using namespace bpw;
using Catch::Contains;

namespace {

// A text element's box, estimated as a browser would lay it out in a sans-serif
// font: 0.65 em a character, from 0.8 em above the baseline to 0.25 em below.
struct Box {
  double x0, y0, x1, y1;
  std::string text;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

std::size_t chars(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string attribute(const std::string& tag, const std::string& name) {
  const std::regex re("\\s" + name + "=\"([^\"]*)\"");
  std::smatch m;
  return std::regex_search(tag, m, re) ? m[1].str() : "";
}

std::vector<Box> text_boxes(const std::string& svg) {
  std::vector<Box> boxes;
  std::vector<std::string> anchors{"start"};
  static const std::regex element(R"(<(/?)(g|text)([^>]*)>([^<]*))");
  for (std::sregex_iterator it(svg.begin(), svg.end(), element), end; it != end; ++it) {
    const std::string tag = (*it)[3], closing = (*it)[1];
    if ((*it)[2] == "g") {
      if (closing.empty()) {
        const std::string a = attribute(tag, "text-anchor");
        anchors.push_back(a.empty() ? anchors.back() : a);
      } else {
        anchors.pop_back();
      }
      continue;
    }
    if (!closing.empty()) continue;
    const std::string text = (*it)[4];
    const double size = attribute(tag, "font-size").empty() ? 12 : std::stod(attribute(tag, "font-size"));
    const std::string a = attribute(tag, "text-anchor").empty() ? anchors.back() : attribute(tag, "text-anchor");
    const double x = std::stod(attribute(tag, "x")), y = std::stod(attribute(tag, "y"));
    const double w = 0.65 * size * static_cast<double>(chars(text));
    const double start = a == "middle" ? -w / 2 : a == "end" ? -w : 0;
    if (attribute(tag, "transform").find("rotate(-90") != std::string::npos)
      boxes.push_back({x - 0.8 * size, y - start - w, x + 0.25 * size, y - start, text});
    else
      boxes.push_back({x + start, y - 0.8 * size, x + start + w, y + 0.25 * size, text});
  }
  return boxes;
}

std::vector<std::string> texts_in(const std::string& svg, const std::string& group) {
  std::vector<std::string> out;
  const auto at = svg.find("<g class=\"" + group + "\"");
  if (at == std::string::npos) return out;
  const std::string part = svg.substr(at, svg.find("</g>", at) - at);
  static const std::regex text(R"(<text[^>]*>([^<]*)</text>)");
  for (std::sregex_iterator it(part.begin(), part.end(), text), end; it != end; ++it)
    out.push_back((*it)[1]);
  return out;
}

void check_layout(const std::string& svg) {
  const std::vector<Box> boxes = text_boxes(svg);
  REQUIRE(boxes.size() > 5);
  const double width = std::stod(attribute(svg.substr(0, svg.find('>')), "width"));
  const double height = std::stod(attribute(svg.substr(0, svg.find('>')), "height"));
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    INFO("\"" << boxes[i].text << "\" at " << boxes[i].x0 << ", " << boxes[i].y0);
    CHECK(boxes[i].x0 >= 0);
    CHECK(boxes[i].y0 >= 0);
    CHECK(boxes[i].x1 <= width);
    CHECK(boxes[i].y1 <= height);
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      INFO("overlaps \"" << boxes[j].text << "\" at " << boxes[j].x0 << ", " << boxes[j].y0);
      CHECK_FALSE(boxes[i].overlaps(boxes[j]));
    }
  }
}

// The plot area's bottom edge: the frame is the first <rect> with a stroke.
double plot_bottom(const std::string& svg) {
  static const std::regex frame(R"re(<rect x="[0-9.]+" y="([0-9.]+)" width="[0-9.]+" height="([0-9.]+)" fill="none")re");
  std::smatch m;
  REQUIRE(std::regex_search(svg, m, frame));
  return std::stod(m[1]) + std::stod(m[2]);
}

History moons_like() {
  History h;
  for (int i = 1; i <= 1000; ++i) {
    h.step.push_back(i);
    // A cost with a spike to 443 early on, then down to about 0.05.
    h.cost.push_back(i == 3 ? 443.0 : 0.05 + 2.0 / i);
    h.train_accuracy.push_back(std::min(1.0, 0.5 + i / 1500.0));
  }
  return h;
}

}  // namespace

TEST_CASE("tick values are round: steps of 1, 2 or 5 times a power of ten", "[plot][unit]") {
  CHECK(round_ticks(1, 1000) == std::vector<double>{0, 200, 400, 600, 800, 1000});
  CHECK(round_ticks(0, 1) == std::vector<double>{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1});
  CHECK(tick_label(round_ticks(0, 1)[3], 0.2) == "0.6");
  // The ranges of the old plots, whose ticks read 50.75, 100.5, 0.00168 and 250.8.
  const auto ticks = round_ticks(0.00151, 0.00212);
  CHECK(tick_label(ticks.front(), ticks[1] - ticks[0]) == "0.0014");
  CHECK(tick_label(ticks[1], ticks[1] - ticks[0]) == "0.0016");
  CHECK(tick_label(ticks.back(), ticks[1] - ticks[0]) == "0.0022");
  std::mt19937 random(5);
  for (int trial = 0; trial < 2000; ++trial) {
    const double scale = std::pow(10.0, std::uniform_real_distribution<double>(-6, 6)(random));
    const double low = std::uniform_real_distribution<double>(-1, 1)(random) * scale;
    const double high = low + std::uniform_real_distribution<double>(1e-3, 3)(random) * scale;
    const auto t = round_ticks(low, high, 6);
    INFO("from " << low << " to " << high);
    REQUIRE(t.size() >= 2);
    CHECK(t.size() <= 8);
    CHECK(t.front() <= low);
    CHECK(t.back() >= high);
    const double step = t[1] - t[0];
    const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    CHECK((std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6 || std::abs(mantissa - 5) < 1e-6));
    for (std::size_t i = 1; i < t.size(); ++i) CHECK(std::abs(t[i] - t[i - 1] - step) < 1e-6 * step);
    CHECK(std::abs(t[0] / step - std::round(t[0] / step)) < 1e-6);
  }
}

TEST_CASE("a learning curve spanning orders of magnitude has a log scale and round labels",
          "[plot][unit]") {
  const std::string svg = learning_curve_svg(moons_like(), "Learning curve", "epoch");
  CHECK_THAT(svg, Contains("cost J (log scale)"));
  CHECK(texts_in(svg, "y-ticks") == std::vector<std::string>{"0.01", "0.1", "1", "10", "100", "1000"});
  CHECK(texts_in(svg, "x-ticks") == std::vector<std::string>{"0", "200", "400", "600", "800", "1000"});
  CHECK(texts_in(svg, "right-ticks") == std::vector<std::string>{"0%", "20%", "40%", "60%", "80%", "100%"});
  check_layout(svg);
  // A cost within one order of magnitude keeps a linear scale.
  History flat = moons_like();
  for (double& c : flat.cost) c = 0.5 + c / 1000;
  const std::string linear = learning_curve_svg(flat, "Learning curve", "epoch");
  CHECK_THAT(linear, !Contains("log scale"));
  check_layout(linear);
}

TEST_CASE("the legend lies below the plot, off the data", "[plot][unit]") {
  History h = moons_like();
  h.test_accuracy = h.train_accuracy;
  const std::string svg = learning_curve_svg(h, "Learning curve", "epoch");
  const auto legend = text_boxes(svg.substr(svg.find("<g class=\"legend\"")));
  REQUIRE(legend.size() == 3);
  for (const Box& b : legend) CHECK(b.y0 > plot_bottom(svg) + 20);  // below the x-axis title too
  check_layout(svg);
}

TEST_CASE("a run that stops early ends in a dot and says where", "[plot][unit]") {
  std::vector<double> x40, x200, falling40, falling200;
  for (int i = 1; i <= 200; ++i) {
    x200.push_back(i);
    falling200.push_back(0.02 + 0.3 / i);
    if (i <= 37) {
      x40.push_back(i);
      falling40.push_back(0.05 + 0.2 / i);
    }
  }
  const std::string svg = curves_svg({{"train, λ = 0", x40, falling40, "#1f77b4"},
                                      {"test, λ = 0", x40, falling40, "#1f77b4", true},
                                      {"train, λ = 0.0001", x200, falling200, "#d62728"},
                                      {"test, λ = 0.0001", x200, falling200, "#d62728", true}},
                                     "Training and test cost", "L-BFGS iteration", "J per sample");
  CHECK_THAT(svg, Contains("train, λ = 0, stops at 37"));
  CHECK_THAT(svg, Contains("test, λ = 0, stops at 37"));
  CHECK_THAT(svg, !Contains("0.0001, stops"));
  std::size_t dots = 0;
  for (auto at = svg.find("class=\"stop\""); at != std::string::npos; at = svg.find("class=\"stop\"", at + 1)) ++dots;
  CHECK(dots == 2);
  CHECK(texts_in(svg, "x-ticks") == std::vector<std::string>{"0", "50", "100", "150", "200"});
  check_layout(svg);
}

TEST_CASE("the decision boundary has round ticks and no text over text", "[plot][unit]") {
  const Dataset moons = two_moons(100, 0.2, 3);
  const Network net = random_network({{2, 4, 1}, {tanh_activation(), sigmoid()}, sse(), true}, 3);
  const std::string svg = decision_boundary_svg(net, moons, "Decision boundary");
  for (const char* group : {"x-ticks", "y-ticks"}) {
    const auto labels = texts_in(svg, group);
    INFO(group);
    REQUIRE(labels.size() >= 3);
    std::vector<double> values;
    for (const auto& l : labels) values.push_back(std::stod(l));
    const double step = values[1] - values[0];
    const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    CHECK((std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6 || std::abs(mantissa - 5) < 1e-6));
  }
  check_layout(svg);
}
