// The trace as one standalone page (--format html): the JSON trace of
// docs/json.md, record for record, inside the page, and the player
// (lib/trace/player) that draws the network and steps through the equations.
// The page needs nothing outside itself; MathJax, when a folder mathjax/ is
// beside it (the book's folder), typesets the equations, and without it they
// read in Unicode.
#include <ostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "writer.hpp"

namespace bpw {

// player.js and player.css, made into constants by lib/trace/player/embed.cmake.
extern const std::string_view player_script;
extern const std::string_view player_style;

namespace {

std::string escaped_html(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// JSON inside a <script> element: '<' only occurs inside JSON strings, where
// \u003c means the same, so no "</script>" or "<!--" can end the element early.
std::string inside_script(std::string_view json_text) {
  std::string out;
  for (const char c : json_text) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

class HtmlWriter final : public Writer {
 public:
  HtmlWriter(const TraceOptions& options, std::ostream& out)
      : options_(options), out_(out), json_(json_writer(options, lines_)) {}

  void begin_document(std::string_view title) override { title_ = title; }
  // The page is written whole, once the trace is complete.
  void end_document() override { page(); }

  void network(const NetworkRecord& net) override { json_->network(net); }
  void heading(std::string_view title) override {
    if (title_.empty()) title_ = title;
    json_->heading(title);
  }
  void note(std::string_view text) override { json_->note(text); }
  void tip(const Tip& tip) override { json_->tip(tip); }
  void matrix(const MatrixRecord& r) override { json_->matrix(r); }
  void table(const TableRecord& r) override { json_->table(r); }
  void check(const CheckRecord& r) override { json_->check(r); }
  void chain(const ChainRecord& r) override { json_->chain(r); }
  void end_recap() override { json_->end_recap(); }
  // --concordance: nothing to play, a table in a page of its own.
  void concordance(const std::vector<ConcordanceRow>& rows) override {
    out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<title>Notation concordance</title>\n<style>\n" << player_style << "</style>\n"
         << "</head>\n<body class=\"concordance\">\n<table>\n<tr><th>equation</th>"
         << "<th>samples as rows</th><th>samples as columns</th><th>index notation</th>"
         << "<th>in tutorial code</th></tr>\n";
    for (const ConcordanceRow& row : rows)
      out_ << "<tr><td>(" << row.eq.number << ")</td><td>" << escaped_html(row.rows) << "</td><td>"
           << escaped_html(row.columns) << "</td><td>" << escaped_html(row.eq.index_form)
           << "</td><td>" << escaped_html(row.eq.code_names) << "</td></tr>\n";
    out_ << "</table>\n</body>\n</html>\n";
  }

 private:
  void page() {
    const nlohmann::json settings = {
        {"title", title_},
        {"layout", options_.layout == Layout::columns ? "columns" : "rows"},
        {"precision", options_.precision},
        {"full", options_.full}};
    out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << "<title>" << escaped_html(title_) << "</title>\n"
         << "<style>\n" << player_style << "</style>\n</head>\n<body>\n"
         << "<noscript><p>This page plays the trace with JavaScript. The same trace as text: "
            "run the chapter without --format.</p></noscript>\n"
         << "<div id=\"player\"></div>\n"
         << "<script type=\"application/json\" id=\"settings\">" << inside_script(settings.dump())
         << "</script>\n"
         << "<script type=\"application/x-ndjson\" id=\"trace\">\n" << inside_script(lines_.str())
         << "</script>\n"
         << "<script>\n" << player_script << "</script>\n</body>\n</html>\n";
    out_.flush();
  }

  TraceOptions options_;
  std::ostream& out_;
  std::ostringstream lines_;  // the JSON trace, one record a line
  std::unique_ptr<Writer> json_;
  std::string title_;
};

}  // namespace

std::unique_ptr<Writer> html_writer(const TraceOptions& options, std::ostream& out) {
  return std::make_unique<HtmlWriter>(options, out);
}

}  // namespace bpw
