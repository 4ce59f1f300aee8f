#include "bpw/trace.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>
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
  std::vector<OperandRef> refs = s.resolve(eq, l, operands);
  const bool explain = s.options.explain && !s.brief && !equation(eq).number.empty();
  s.emit(s.rendered(eq, l), s.shown(value), std::move(refs), s.factor_shapes(eq, l, operands),
         source_of(where), explain ? explanation(eq) : std::string());
  s.pause();
}

void Tracer::table(Eq eq, int l, const Table& table, std::source_location where) {
  impl_->writer->table({impl_->rendered(eq, l), table, source_of(where)});
  impl_->pause();
}

bool Tracer::check(Eq eq, int l, const Matrix& computed, const Matrix& reference,
                   std::string_view reference_name, double tolerance) {
  // Positions and shapes as the learner sees them, transposed in the column layout.
  const Matrix got = impl_->shown(computed), want = impl_->shown(reference);
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

void Tracer::heading(std::string_view title) { impl_->writer->heading(title); }
void Tracer::note(std::string_view text) { impl_->writer->note(text); }
void Tracer::begin_document(std::string_view title) { impl_->writer->begin_document(title); }
void Tracer::end_document() { impl_->writer->end_document(); }

Tracer::Recap::Recap(Tracer& tracer) : tracer_(tracer), was_brief_(tracer.impl_->brief) {
  tracer_.impl_->brief = !tracer_.impl_->options.verbose;
}

Tracer::Recap::~Recap() {
  tracer_.impl_->brief = was_brief_;
  tracer_.impl_->writer->end_recap();
}

Tracer::Recap Tracer::recap(std::string_view what) {
  const bool verbose = impl_->options.verbose;
  note(fmt::format("Recap of {}{}", what, verbose ? ":" : " (one line each; --verbose shows them in full):"));
  return Recap(*this);
}

int Tracer::failed_checks() const { return impl_->failed; }
const TraceOptions& Tracer::options() const { return impl_->options; }

}  // namespace bpw
