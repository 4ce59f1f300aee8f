#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include <bpw/equations.hpp>

using namespace bpw;

namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "ch03_output_delta" → chapters/03_output_delta/README.md
std::filesystem::path page_file(std::string_view page) {
  return std::filesystem::path(BPW_SOURCE_DIR) / "chapters" / std::string(page.substr(2)) / "README.md";
}

}  // namespace

TEST_CASE("equation numbers are unique, follow their chapter and count up from 1",
          "[equations][unit]") {
  std::set<std::string_view> numbers, keys;
  std::map<int, int> last_in_chapter;
  for (const Equation& e : all_equations()) {
    INFO("equation " << e.key);
    CHECK(keys.insert(e.key).second);
    CHECK(equation_by_key(e.key) == e.id);
    if (e.number.empty()) continue;
    CHECK(numbers.insert(e.number).second);
    const auto dot = e.number.find('.');
    const int chapter = std::stoi(std::string(e.number.substr(0, dot)));
    const int index = std::stoi(std::string(e.number.substr(dot + 1)));
    CHECK(e.page.substr(2, 2) == (chapter < 10 ? "0" : "") + std::to_string(chapter));
    CHECK(index == last_in_chapter[chapter] + 1);
    last_in_chapter[chapter] = index;
  }
}

TEST_CASE("equations render for a concrete layer as the trace prints them", "[equations][unit]") {
  const auto text = [](Eq id, LayerContext at) {
    return render(equation(id).text, Notation::unicode, at);
  };
  CHECK(text(Eq::weighted_input, {1, 3, false}) == "z⁽²⁾ = X W⁽¹⁾");
  CHECK(text(Eq::weighted_input, {2, 3, true}) == "z⁽³⁾ = a⁽²⁾ W⁽²⁾ + b⁽²⁾");
  CHECK(text(Eq::activation, {2, 3, false}) == "ŷ = f(z⁽³⁾)");
  CHECK(text(Eq::output_delta, {3, 3, false}) == "δ⁽³⁾ = ∂J/∂ŷ ⊙ f′(z⁽³⁾)");
  CHECK(text(Eq::activation_gradient, {2, 3, false}) == "∂J/∂a⁽²⁾ = δ⁽³⁾ (W⁽²⁾)ᵀ");
  CHECK(text(Eq::weight_gradient, {1, 3, false}) == "∂J/∂W⁽¹⁾ = Xᵀ δ⁽²⁾");
  CHECK(text(Eq::weight_gradient, {2, 3, false}) == "∂J/∂W⁽²⁾ = (a⁽²⁾)ᵀ δ⁽³⁾");
  CHECK(text(Eq::hidden_delta, {12, 14, false}) == "δ⁽¹²⁾ = (δ⁽¹³⁾ (W⁽¹²⁾)ᵀ) ⊙ f′(z⁽¹²⁾)");
  CHECK(render(equation(Eq::weight_gradient).latex, Notation::latex, {2, 4, false}) ==
        "\\frac{\\partial J}{\\partial W^{(2)}} = (a^{(2)})^{\\top} \\delta^{(3)}");
}

TEST_CASE("equations render in the book's general form", "[equations][unit]") {
  const auto general = [](Eq id, Notation n) {
    const Equation& e = equation(id);
    return render_general(e.text, n, e.layer_symbol);
  };
  CHECK(general(Eq::weighted_input, Notation::unicode) == "z⁽ˡ⁺¹⁾ = a⁽ˡ⁾ W⁽ˡ⁾ + b⁽ˡ⁾");
  CHECK(general(Eq::output_delta, Notation::unicode) == "δ⁽ᴸ⁾ = ∂J/∂ŷ ⊙ f′(z⁽ᴸ⁾)");
  CHECK(render_general(equation(Eq::hidden_delta).latex, Notation::latex, 'l') ==
        "\\delta^{(l)} = (\\delta^{(l+1)} (W^{(l)})^{\\top}) \\odot f'(z^{(l)})");
}

TEST_CASE("every chapter page shows each of its equations from the registry, and no number "
          "by hand", "[equations][book]") {
  const std::regex marker(R"(\{\{(eq|eqref):([a-z0-9_]+)\}\})");
  const std::regex hand_number(R"(\(\d+\.\d+\))");
  std::map<std::string, std::string> pages;
  for (const Equation& e : all_equations())
    if (!pages.contains(std::string(e.page))) pages[std::string(e.page)] = read(page_file(e.page));

  for (const auto& [page, text] : pages) {
    INFO("page " << page_file(page).string());
    REQUIRE_FALSE(text.empty());
    std::multiset<std::string> shown;
    for (std::sregex_iterator it(text.begin(), text.end(), marker), end; it != end; ++it) {
      CHECK(equation_by_key((*it)[2].str()).has_value());
      if ((*it)[1] == "eq") shown.insert((*it)[2].str());
    }
    for (const Equation& e : all_equations()) {
      if (e.page != page || e.number.empty()) continue;
      INFO("equation (" << e.number << ") " << e.key);
      CHECK(shown.count(std::string(e.key)) == 1);
    }
    CHECK_FALSE(std::regex_search(text, hand_number));
  }
}

TEST_CASE("every numbered equation has an explanation whose references resolve", "[equations][explain]") {
  for (const Equation& e : all_equations()) {
    if (e.number.empty()) continue;
    INFO("equation " << e.key);
    CHECK_FALSE(explanation_template(e.id).empty());
    CHECK_NOTHROW(explanation(e.id));
  }
  CHECK(explanation(Eq::simplified_delta).starts_with("Substitution: (3.8) times σ′ of (3.4)"));
}

TEST_CASE("the README's table of chapters gives each chapter's equations as the registry numbers them",
          "[equations][book]") {
  std::map<int, std::pair<int, int>> registry;  // chapter → first and last equation
  for (const Equation& e : all_equations()) {
    if (e.number.empty()) continue;
    const int chapter = std::stoi(std::string(e.number));
    const int n = std::stoi(std::string(e.number.substr(e.number.find('.') + 1)));
    auto [it, fresh] = registry.try_emplace(chapter, n, n);
    it->second = {std::min(it->second.first, n), std::max(it->second.second, n)};
  }
  const std::string readme = read(std::filesystem::path(BPW_SOURCE_DIR) / "README.md");
  // | `ch08_training` | … | 8.1–8.3 |
  const std::regex row(R"(\| `ch(\d\d)_[a-z_0-9]+` \|.*\| (\d+)\.(\d+)(?:–\d+\.(\d+))? \|)");
  std::set<int> listed;
  for (std::sregex_iterator it(readme.begin(), readme.end(), row), end; it != end; ++it) {
    const int chapter = std::stoi((*it)[1]);
    INFO("chapter " << chapter << ": " << (*it)[0]);
    listed.insert(chapter);
    const int first = std::stoi((*it)[3]), last = (*it)[4].matched ? std::stoi((*it)[4]) : first;
    CHECK(std::stoi((*it)[2]) == chapter);
    CHECK(registry.at(chapter) == std::make_pair(first, last));
  }
  CHECK(listed.size() == registry.size());
}
