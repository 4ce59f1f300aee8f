// The html writer: one standalone page that holds the JSON trace, record for
// record, with the player's script and stylesheet inline. What the page does in
// a browser is tests/html/player_test.mjs.
#include <regex>
#include <sstream>

#include <catch2/catch.hpp>

#include <bpw/network.hpp>
#include <bpw/trace.hpp>

using namespace bpw;
using Catch::Contains;

namespace {

// A 2-3-1 network's first equation, traced in `format`, with `title` as the
// document's title (a page is written whole at end_document).
std::string traced(Format format, const std::string& title = "Chapter 1 · The forward pass") {
  std::ostringstream out;
  Tracer trace({.format = format}, out);
  trace.describe(random_network({{2, 3, 1}, {sigmoid(), sigmoid()}, sse(), false}, 1));
  trace.begin_document(title);
  trace.heading(title);
  trace.note("a note with </script> in it");
  const Matrix X = {{0.3, 1.0}, {0.5, 0.2}, {1.0, 0.4}};
  const Matrix W = {{0.25, -0.5, 1.0}, {2.0, 0.125, -1.5}};
  const Matrix b = xt::zeros<double>({std::size_t{1}, std::size_t{3}});
  traced(trace, Eq::weighted_input, 1, matmul(X, W), {X, W, b});
  trace.end_document();
  return out.str();
}

// The text between <script …id="ID">\n? and </script>.
std::string script_text(const std::string& page, const std::string& id) {
  const std::regex element("<script[^>]*id=\"" + id + "\">\n?([\\s\\S]*?)</script>");
  std::smatch m;
  REQUIRE(std::regex_search(page, m, element));
  return m[1].str();
}

}  // namespace

TEST_CASE("the html page holds the JSON trace line for line", "[html][unit]") {
  const std::string page = traced(Format::html);
  std::string json = traced(Format::json);
  // The one difference: '<' inside JSON strings is written \u003c, so that no
  // "</script>" in a note can end the element early.
  json = std::regex_replace(json, std::regex("<"), "\\u003c");
  CHECK(script_text(page, "trace") == json);
  CHECK_THAT(page, !Contains("</script> in it"));
  CHECK_THAT(page, Contains("a note with \\u003c/script> in it"));
}

TEST_CASE("the html page is one document that needs no other file", "[html][unit]") {
  const std::string page = traced(Format::html, "Chapter <1> & \"more\"");
  CHECK(page.starts_with("<!DOCTYPE html>\n"));
  CHECK(page.ends_with("</html>\n"));
  CHECK_THAT(page, Contains("<title>Chapter &lt;1&gt; &amp; &quot;more&quot;</title>"));
  // The player's stylesheet and script inline; no src= or href= but MathJax,
  // which the script looks for beside the page.
  CHECK_THAT(page, Contains("<style>\n/* The trace player's page"));
  CHECK_THAT(page, Contains("// The trace player: the page --format html writes"));
  CHECK_THAT(page, !Contains("<link"));
  CHECK_THAT(page, !Contains("<script src"));
  // The one address: the name of SVG's namespace, which is never fetched.
  const std::string addresses = std::regex_replace(page, std::regex("http://www.w3.org/2000/svg"), "");
  CHECK_THAT(addresses, !Contains("http://"));
  CHECK_THAT(addresses, !Contains("https://"));
  CHECK(script_text(page, "settings") ==
        R"({"full":false,"layout":"rows","precision":4,"title":"Chapter \u003c1> & \"more\""})");
}

TEST_CASE("the html page is written only when the trace ends", "[html][unit]") {
  std::ostringstream out;
  {
    Tracer trace({.format = Format::html}, out);
    trace.begin_document("Chapter 1");
    trace.note("a trace stopped by an error never reaches end_document");
  }
  CHECK(out.str().empty());
}
