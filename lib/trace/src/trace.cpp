#include "bpw/trace.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bpw/equations.hpp"
#include "bpw/network.hpp"
#include "bpw/table.hpp"
#include "tracer_impl.hpp"

namespace bpw {

LayerContext Tracer::Impl::context(int l) const {
  const bool has_bias = l >= 1 && static_cast<std::size_t>(l) < bias.size() && bias[l];
  return {l, L, has_bias, columns(), l2};
}

Rendered Tracer::Impl::rendered(Eq id, int l) const {
  const Equation& e = equation(id);
  const LayerContext at = context(l);
  return {std::string(e.key),
          std::string(e.number),
          render(e.symbol, Notation::unicode, at),
          render(text_of(e, columns()), Notation::unicode, at),
          render(e.symbol, Notation::latex, at),
          render(latex_of(e, columns()), Notation::latex, at),
          symbol_layer(e, l)};
}

bool Tracer::Impl::blank(const Rendered& r) {
  const Worksheet& w = options.worksheet;
  if (!w.on) return false;
  traced.push_back(r.key);
  if (!r.number.empty()) traced.push_back(r.number);
  if (w.blank.empty()) return !in_recap && !r.number.empty();
  return std::find(w.blank.begin(), w.blank.end(), r.key) != w.blank.end() ||
         (!r.number.empty() && std::find(w.blank.begin(), w.blank.end(), r.number) != w.blank.end());
}

void Tracer::Impl::pause() const {
  if (!options.step || brief || !isatty(STDIN_FILENO)) return;
  std::cout.flush();
  std::cerr << "  ⏎ Enter for the next equation " << std::flush;
  std::string ignored;
  std::getline(std::cin, ignored);
  std::cerr << "\x1b[1A\x1b[2K" << std::flush;  // the prompt's line, cleared for the next equation
}

namespace {

std::string source_of(const std::source_location& where) {
  return fmt::format("{}:{}", where.file_name(), where.line());
}

// The first element that is not finite, as shown (row and column from 1).
struct NonFinite {
  std::size_t row, col;
  double value;
};
std::optional<NonFinite> first_non_finite(const Matrix& m) {
  for (std::size_t r = 0; r < m.shape(0); ++r)
    for (std::size_t c = 0; c < m.shape(1); ++c)
      if (!std::isfinite(m(r, c))) return NonFinite{r + 1, c + 1, m(r, c)};
  return std::nullopt;
}

// Why equation `eq` may have made a value that is not finite from finite operands.
std::string likely_cause(Eq eq, double value) {
  switch (eq) {
    case Eq::bce_gradient:
    case Eq::softmax_ce_gradient:
      return "division by 0, as ŷ rounds to exactly 0 or 1 (a sigmoid at |z| ≥ 37); the product with f′, "
             "ŷ − y (3.11), stays finite";
    case Eq::numerical_weight_gradient:
    case Eq::numerical_bias_gradient:
      return "J(w + ε) and J(w − ε) are both infinite, and ∞ − ∞ is undefined: J itself overflows";
    case Eq::bce_sample_cost:
    case Eq::softmax_ce_sample_cost: return "the log of 0, as ŷ rounds to exactly 0 or 1";
    default: break;
  }
  if (std::isnan(value))
    return "an undefined operation such as 0 × ∞, ∞ − ∞ or 0/0, on a value that overflowed in an "
           "intermediate step";
  return "a value beyond what float64 holds (about 1.8e308): overflow, as in the square of a number "
         "above 1.3e154, a product of large weights, or exp of a number above 709";
}

std::string shown_value(double v) { return std::isnan(v) ? "NaN" : v > 0 ? "inf" : "−inf"; }

}  // namespace

Tracer::Tracer(TraceOptions options, std::ostream& out) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->writer = writer_for(options, out);
}
Tracer::~Tracer() = default;
Tracer::Tracer(Tracer&&) noexcept = default;
Tracer& Tracer::operator=(Tracer&&) noexcept = default;

Matrix Tracer::as_shown(const Matrix& m) const { return impl_->shown(m); }

void Tracer::describe(const Network& network) {
  impl_->L = network.L();
  impl_->l2 = network.l2().active();
  impl_->bias.assign(static_cast<std::size_t>(network.L()), false);
  for (int l = 1; l < network.L(); ++l) impl_->bias[l] = network.layer(l).has_bias;
  NetworkRecord record{network.sizes(), {}, {}, std::string(network.cost().name),
                       network.l2().lambda, network.l2().averaged};
  for (int l = 2; l <= network.L(); ++l) record.activations.emplace_back(network.activation(l).name);
  for (int l = 1; l < network.L(); ++l) record.biases.push_back(network.layer(l).has_bias);
  impl_->writer->network(record);
}

void Tracer::record(Eq eq, int l, const Matrix& value, Operands operands,
                    std::source_location where) {
  Impl& s = *impl_;
  std::vector<OperandRef> refs = s.resolve(eq, l, operands, value);
  const bool explain = s.options.explain && !s.brief && !equation(eq).number.empty();
  const Rendered r = s.rendered(eq, l);
  const Matrix shown = s.shown(value);
  s.emit(r, shown, std::move(refs), s.factor_shapes(eq, l, operands), source_of(where),
         explain ? explanation(eq) : std::string());
  // The first value that is not finite is named once, where it appeared: every
  // value computed from it afterwards is not finite either.
  if (!s.non_finite_named)
    if (const auto bad = first_non_finite(shown)) {
      s.non_finite_named = true;
      note(fmt::format("{} {} holds {} at row {}, column {}: the first value of this trace that is not "
                       "finite, so the values computed from it are not either, and no check is drawn "
                       "from them. Likely cause: {}.",
                       r.number.empty() ? "" : "(" + r.number + ")", r.symbol, shown_value(bad->value),
                       bad->row, bad->col, likely_cause(eq, bad->value)));
    }
  s.pause();
}

void Tracer::table(Eq eq, int l, const Table& table, std::source_location where) {
  const Rendered r = impl_->rendered(eq, l);
  const bool blank = impl_->blank(r);
  impl_->writer->table({r, table, source_of(where), blank});
  impl_->pause();
}

bool Tracer::check(Eq eq, int l, const Matrix& computed, const Matrix& reference,
                   std::string_view reference_name, double tolerance) {
  // Positions and shapes as the learner sees them, transposed in the column layout.
  const Matrix got = impl_->shown(computed), want = impl_->shown(reference);
  // inf against inf is no agreement, and NaN differs from everything: values
  // that are not finite are reported as such, not compared.
  const auto bad_got = first_non_finite(got), bad_want = first_non_finite(want);
  if (bad_got || bad_want) {
    const NonFinite& bad = bad_got ? *bad_got : *bad_want;
    return verdict(eq, l, false,
                   fmt::format("not compared: {} holds {} at row {}, column {}, a value that is not finite",
                               bad_got ? std::string("the computed value") : std::string(reference_name),
                               shown_value(bad.value), bad.row, bad.col));
  }
  const auto mismatch = first_mismatch(got, want, tolerance);
  std::string message;
  if (!mismatch) {
    message = fmt::format("agrees with {}: largest difference {:.1e}", reference_name,
                          max_abs_difference(got, want));
  } else if (mismatch->shape_differs) {
    message = fmt::format("is {}, expected {} like {}", to_string(shape_of(got)),
                          to_string(shape_of(want)), reference_name);
  } else {
    message = fmt::format("differs from {} at row {}, column {}: computed {:.10g}, expected {:.10g}",
                          reference_name, mismatch->row + 1, mismatch->col + 1, mismatch->got,
                          mismatch->expected);
  }
  return verdict(eq, l, !mismatch, message);
}

void Tracer::chain(const WeightChain& chain) {
  Impl& s = *impl_;
  const Element weight{Eq::W, chain.l, chain.i, chain.j, 0.0};
  const ElementRef w = s.element(weight);
  std::vector<ChainSample> samples;
  for (const SampleChain& sample : chain.samples) {
    ChainSample shown{sample.m + 1, {}, sample.value};
    for (const Factor& f : sample.factors) {
      ChainFactorRef factor{s.element(f.element), {}};
      for (const auto& [delta, weight_of] : f.terms)
        factor.terms.push_back({s.element(delta), s.element(weight_of)});
      shown.factors.push_back(std::move(factor));
    }
    samples.push_back(std::move(shown));
  }
  const Rendered r = s.rendered(Eq::weight_gradient, chain.l);
  s.writer->chain({r, w.symbol, chain.l, w.row, w.col, chain.value, std::move(samples)});
  s.pause();
}

bool Tracer::verdict(Eq eq, int l, bool passed, std::string_view message) {
  if (!passed) ++impl_->failed;
  impl_->writer->check({impl_->rendered(eq, l), passed, std::string(message)});
  return passed;
}

std::string Tracer::symbol(Eq eq, int l) const {
  return render(equation(eq).symbol, Notation::unicode, impl_->context(l));
}

std::string Tracer::number(double v) const {
  return fmt::format("{:.{}g}", v, std::max(1, impl_->options.precision + 2));
}

std::string Tracer::exact(double v) { return fmt::format("{}", v); }

void Tracer::heading(std::string_view title) { impl_->writer->heading(title); }
void Tracer::note(std::string_view text) { impl_->writer->note(text); }
void Tracer::tip(const Tip& tip) { impl_->writer->tip(tip); }

std::string Tracer::command_with(std::string_view arguments, std::initializer_list<std::string_view> drop) const {
  const auto words = [](std::string_view text) {
    std::vector<std::string> out;
    std::istringstream in{std::string(text)};
    for (std::string word; in >> word;) out.push_back(word);
    return out;
  };
  const std::vector<std::string> given = words(impl_->options.command), added = words(arguments);
  std::vector<std::string_view> replaced(drop);
  for (const std::string& word : added)
    if (word.starts_with("--")) replaced.push_back(word);
  std::string command;
  for (std::size_t i = 0; i < given.size(); ++i) {
    if (std::find(replaced.begin(), replaced.end(), given[i]) != replaced.end()) {
      if (i + 1 < given.size() && !given[i + 1].starts_with("--")) ++i;  // and its value
      continue;
    }
    command += (command.empty() ? "" : " ") + given[i];
  }
  for (const std::string& word : added) command += " " + word;
  return command;
}

void Tracer::begin_document(std::string_view title) { impl_->writer->begin_document(title); }
void Tracer::end_document() { impl_->writer->end_document(); }

Tracer::Recap::Recap(Tracer& tracer)
    : tracer_(tracer), was_brief_(tracer.impl_->brief), was_recap_(tracer.impl_->in_recap) {
  tracer_.impl_->brief = !tracer_.impl_->options.verbose;
  tracer_.impl_->in_recap = true;
}

Tracer::Recap::~Recap() {
  tracer_.impl_->brief = was_brief_;
  tracer_.impl_->in_recap = was_recap_;
  tracer_.impl_->writer->end_recap();
}

Tracer::Recap Tracer::recap(std::string_view what) {
  const bool verbose = impl_->options.verbose;
  const std::string recap = fmt::format("Recap of {}", what);
  if (verbose) {
    note(recap + ":");
  } else {
    tip({recap + " (one line each; --verbose shows them in full):", command_with("--verbose"),
         {"exit 0", "lacks kind=matrix recap=true", "has kind=note text~Recap"}});
  }
  return Recap(*this);
}

int Tracer::failed_checks() const { return impl_->failed; }

std::vector<std::string> Tracer::blanks_not_traced() const {
  std::vector<std::string> missing;
  for (const std::string& b : impl_->options.worksheet.blank)
    if (std::find(impl_->traced.begin(), impl_->traced.end(), b) == impl_->traced.end())
      missing.push_back(b);
  return missing;
}

std::vector<std::string> Tracer::traced_numbers() const {
  std::vector<std::string> numbers;
  for (const std::string& t : impl_->traced) {
    const bool number = !t.empty() && t.front() >= '0' && t.front() <= '9';
    const std::string shown = "(" + t + ")";
    if (number && std::find(numbers.begin(), numbers.end(), shown) == numbers.end())
      numbers.push_back(shown);
  }
  return numbers;
}
const TraceOptions& Tracer::options() const { return impl_->options; }

}  // namespace bpw
