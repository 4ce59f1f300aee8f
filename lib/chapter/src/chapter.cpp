#include <algorithm>
#include "bpw/chapter.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <limits>
#include <sstream>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "bpw/cli.hpp"
#include "bpw/concordance.hpp"
#include "bpw/errors.hpp"
#include "bpw/files.hpp"
#include "bpw/idx.hpp"
#include "bpw/interrupt.hpp"
#include "bpw/limits.hpp"
#include "bpw/presets.hpp"
#include "bpw/text_fit.hpp"
#include "example.hpp"
#include "output.hpp"
#include "validators.hpp"
#include "worksheets.hpp"

namespace bpw {

struct Chapter::Impl {
  int number;
  std::string program, title;
  CLI::App app;
  TraceOptions trace;
  Settings settings;
  ExampleRequest request;
  std::string class_code;
  std::string weight;  // --weight as given
  SheetRequest sheets;       // worksheets and keys (worksheets.hpp)
  std::ostringstream sheet;  // a worksheet is written here first, then checked
  bool no_color = false, standalone = false;
  ChapterOutput output;  // --output FILE, or the standard output
  std::size_t default_iterations = 0;  // > 0: the chapter trains with a schedule

  Impl(int n, std::string_view p, std::string_view t, std::string_view summary)
      : number(n), program(p), title(t), app(std::string(summary), std::string(p)) {}

  void common_options();
  void example_options();
  std::optional<int> early_exit(bool new_class, bool list_presets, bool concordance) const;
  Session session();
  std::string sheet_for(const std::function<void(Session&)>& body, const std::string& student,
                        bool answers);
  int run_sheets(const std::function<void(Session&)>& body);
};

namespace {

std::vector<std::pair<std::string, std::string>> preset_choices() {
  std::vector<std::pair<std::string, std::string>> names;
  for (const Preset& p : all_presets()) names.emplace_back(p.name, p.name);
  return names;
}

// "W2[1,3]": element (1, 3) of W⁽²⁾ as the trace shows it, rows and columns from 1.
WeightSpec weight_named(const std::string& text, const Network& network, Layout layout) {
  int l = 0;
  std::size_t row = 0, col = 0;
  char close = 0;
  const int read = std::sscanf(text.c_str(), "%*1[Ww]%d[%zu,%zu%c", &l, &row, &col, &close);
  if (read != 4 || close != ']' || text.back() != ']')
    throw UsageError(fmt::format("--weight '{}' names no weight; write it as W2[1,3]: layer 2, row 1, "
                                 "column 3 of W⁽²⁾ as the trace shows it", text));
  if (l < 1 || l >= network.L())
    throw UsageError(fmt::format("--weight {}: this network's weights are W1 to W{}", text,
                                 network.L() - 1));
  const Matrix& W = network.layer(l).W;
  const std::size_t rows = layout == Layout::columns ? W.shape(1) : W.shape(0);
  const std::size_t cols = layout == Layout::columns ? W.shape(0) : W.shape(1);
  if (row < 1 || row > rows || col < 1 || col > cols)
    throw UsageError(fmt::format("--weight {}: W{} is {}×{} as shown, so rows 1 to {} and columns 1 to {}",
                                 text, l, rows, cols, rows, cols));
  if (layout == Layout::columns) std::swap(row, col);
  return {l, row - 1, col - 1};
}

bool positive(double v) { return v > 0; }
bool non_negative(double v) { return v >= 0; }

}  // namespace

void Chapter::Impl::common_options() {
  app.get_formatter()->column_width(34);
  app.add_option("--format", trace.format,
                 "Output: text, markdown, latex, json (JSON Lines) or html (a page that plays the trace)")
      ->transform(one_of<Format>("the format", {{"text", Format::text},
                                                 {"markdown", Format::markdown},
                                                 {"latex", Format::latex},
                                                 {"json", Format::json},
                                                 {"html", Format::html}}))
      ->type_name("TEXT")
      ->default_str("text");
  app.add_option("--output", output.path, "Write the output to this file, not the standard output");
  app.add_option("--precision", trace.precision, "Digits after the point (text, markdown, latex)")
      ->check(whole_number("the precision", 0, 17))
      ->capture_default_str();
  app.add_flag("--no-color", no_color, "No colour, even on a terminal");
  app.add_flag("--step", trace.step, "Pause after each equation until Enter is pressed");
  app.add_flag("-v,--verbose", trace.verbose, "Show the earlier chapters' steps in full");
  app.add_flag("--full", trace.full, "Print every row and column of large matrices");
  app.add_flag("--explain", trace.explain, "Under each equation, the derivation step it comes from");
  app.add_option("--width", trace.width,
                 "Fit text output to this many columns (default: COLUMNS, or the terminal's width)")
      ->check(whole_number("the width", min_width, max_width));
  app.add_flag("--standalone", standalone, "With latex or markdown: a complete document, for handouts");
}

void Chapter::Impl::example_options() {
  auto* seed = app.add_option("--seed", settings.seed, "Seed of the example's weights")
                   ->check(whole_number("the seed", 0, std::numeric_limits<std::uint64_t>::max()))
                   ->capture_default_str();
  app.add_option("--class", class_code,
                 "A class code: everyone with the same code gets the same weights")
      ->excludes(seed);
  app.add_option("--preset", request.preset, "A complete formulation with its data (see --list-presets)")
      ->transform(one_of<std::string>("the preset", preset_choices()))
      ->capture_default_str();
  app.add_option("--network", request.network_file, "Load the network from a JSON file");
  app.add_option("--data", request.data_file, "Load X and y from a JSON file");
  app.add_option("--layout", request.layout, "Show samples as rows (z = a W) or columns (Z = W A)")
      ->transform(one_of<Layout>("the layout", {{"rows", Layout::rows}, {"columns", Layout::columns}}))
      ->type_name("TEXT");
}

Chapter::Chapter(int number, std::string_view program, std::string_view title,
                 std::string_view summary)
    : impl_(std::make_unique<Impl>(number, program, title, summary)) {
  impl_->settings.seed = default_seed;
  impl_->common_options();
  impl_->example_options();
  add_sheet_options(impl_->app, impl_->sheets);
}

Chapter::~Chapter() = default;

Chapter& Chapter::regularization(bool compared) {
  CLI::App& app = impl_->app;
  if (compared)
    app.add_option("--lambda", impl_->request.lambda,
                   "L2 regularisation to compare with none: add (λ/2) Σ W² to J (default 1e-4)")
        ->check(number("λ", "a positive number such as 0.001 (λ = 0 is the run it is compared with)",
                       positive));
  else
    app.add_option("--lambda", impl_->request.lambda, "L2 regularisation: add (λ/2) Σ W² to J")
        ->check(number("λ", "zero or a positive number such as 0.01", non_negative));
  app.add_option("--l2", impl_->request.l2_mean, "The L2 form: sum (J + penalty) or mean (J/M + penalty)")
      ->transform(one_of<bool>("the L2 form", {{"sum", false}, {"mean", true}}))
      ->type_name("TEXT");  // a word, not CLI11's BOOLEAN of the std::optional<bool> it sets
  return *this;
}

Chapter& Chapter::learning_rate(double eta) {
  impl_->settings.learning_rate = eta;
  impl_->app.add_option("--learning-rate,--eta", impl_->settings.learning_rate,
                        fmt::format("Learning rate η (default: the preset's own, also with --network when "
                                    "--preset is given; {} for a network file alone, 0.1 for --csv or --idx data)",
                                    eta))
      ->check(number("the learning rate", "a positive number such as 0.5", positive));
  return *this;
}

Chapter& Chapter::save_network() {
  impl_->app.add_option("--save-network", impl_->settings.save_network,
                        "Write the network to this JSON file")
      ->check([](const std::string& path) { return unwritable_reason(path, "trained.json"); });
  return *this;
}

Chapter& Chapter::fixed_biases() {
  impl_->app.add_flag("--fixed-biases", impl_->request.fix_biases,
                      "Hold the biases fixed: the update changes the weights only");
  return *this;
}

Chapter& Chapter::held_out() {
  impl_->request.held_out = true;
  return *this;
}

Chapter& Chapter::gradient_check() {
  impl_->app.add_option("--epsilon", impl_->settings.epsilon, "Step ε of the central differences")
      ->capture_default_str()
      ->check(number("ε", "a positive number such as 0.0001", positive));
  impl_->app.add_flag("--break-derivative", impl_->settings.break_derivative,
                      "Use a wrong f′ (f in place of f′) to see the check fail");
  impl_->app.add_option("--sample-weights", impl_->settings.sample_weights,
                        "Check N weights and biases drawn at random by the seed, not all of them")
      ->check(whole_number("the number of sampled weights", 1, limits::parameters));
  return *this;
}

Chapter& Chapter::schedule(std::size_t default_iterations) {
  CLI::App& app = impl_->app;
  ScheduleRequest& s = impl_->settings.asked;
  impl_->default_iterations = default_iterations;
  impl_->request.trains = true;
  auto* epochs = app.add_option("--epochs", s.epochs, "Passes over the training data")
                     ->check(whole_number("the number of epochs", 1, UINT64_MAX));
  app.add_option("--iterations", s.iterations, "Gradient steps, instead of epochs")
      ->check(whole_number("the number of iterations", 1, UINT64_MAX))
      ->excludes(epochs);
  app.add_option("--batch", s.batch, "Samples per step (mini-batch SGD); all of them by default")
      ->check(whole_number("the batch size", 1, UINT64_MAX));
  app.add_option("--trace-every", impl_->settings.trace_every, "Also trace every Nth step in full")
      ->check(whole_number("the tracing interval", 1, UINT64_MAX));
  return *this;
}

Chapter& Chapter::iterations(std::size_t default_iterations) {
  impl_->settings.asked.iterations = default_iterations;
  impl_->request.trains = true;
  impl_->app.add_option("--iterations", impl_->settings.asked.iterations, "Iterations of the optimiser")
      ->check(whole_number("the number of iterations", 1, 1'000'000))
      ->capture_default_str();
  return *this;
}

Chapter& Chapter::moons() {
  Settings& s = impl_->settings;
  bool& changed = impl_->request.moons_changed;
  impl_->app.add_option("--samples", s.samples, "Points of the two moons")
      ->check(whole_number("the number of samples", 1, limits::samples))
      ->each([&changed](const std::string&) { changed = true; });
  impl_->app.add_option("--noise", s.noise, "Noise of the two moons")
      ->check(number("the noise", "zero or a positive number such as 0.2", non_negative))
      ->each([&changed](const std::string&) { changed = true; });
  return *this;
}

Chapter& Chapter::data_files(bool images, bool test_split) {
  CLI::App& app = impl_->app;
  DataFiles& f = impl_->settings.files;
  auto* csv = app.add_option("--csv", f.csv_file, "Data from a CSV file, one sample per line");
  if (images) {
    app.add_option("--idx", f.idx_dir, "Data from an MNIST-format IDX directory")->excludes(csv);
    app.add_flag_callback("--fashion-mnist", [&f] { f.idx_dir = fashion_mnist_dir; },
                          "Data from Fashion-MNIST, Debian's dataset-fashion-mnist")
        ->excludes(csv);
  }
  app.add_option("--targets", f.targets, "The CSV's target columns: last, numbers or names")
      ->capture_default_str();
  app.add_flag("--classes", f.classes,
               "The CSV's numeric target column holds class labels (a column of words always does)");
  app.add_option("--hidden", f.hidden, "Hidden units of the network made for IDX or CSV data")
      ->check(whole_number("the number of hidden units", 1, limits::units));
  if (!test_split) return *this;
  app.add_option("--test-fraction", f.test_fraction, "Hold out this share of the samples for testing")
      ->check(number("the test fraction", "at least 0 and below 1, such as 0.2",
                     [](double v) { return v >= 0 && v < 1; }));
  return *this;
}

Chapter& Chapter::weight() {
  impl_->app.add_option("--weight", impl_->weight,
                        "One weight worked by hand as a chain of scalars, e.g. W2[1,1] (row, column as shown)");
  return *this;
}

Chapter& Chapter::plot(std::vector<std::string> suffixes, std::string more) {
  std::string files;
  for (const std::string& suffix : suffixes) files += (files.empty() ? "PREFIX" : ", PREFIX") + suffix;
  impl_->app.add_option("--plot", impl_->settings.plot, "Write SVG plots: " + files + more)
      ->check([suffixes](const std::string& prefix) -> std::string {
        if (prefix.empty()) return "the prefix is empty; give one, such as moons";
        std::error_code unknown;
        if (prefix.back() == '/' || std::filesystem::is_directory(prefix, unknown))
          return "'" + prefix + "' is a folder; give the start of the plots' file names, such as " +
                 (prefix.back() == '/' ? prefix : prefix + "/") + "moons";
        return unwritable_reason(prefix + suffixes.front(), "moons");
      });
  return *this;
}

namespace {

// The command line without the options that only choose how the trace looks, for
// the tips: "ch06_update --preset moons --learning-rate 5", every option by its
// long name and "--name=value" as "--name value".
std::string command_of(std::string_view program, int argc, char** argv) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
      args.push_back(arg.substr(0, eq));
      arg = arg.substr(eq + 1);
    }
    args.push_back(arg);
  }
  for (std::string& arg : args) {
    if (arg == "--eta") arg = "--learning-rate";
    if (arg == "-v") arg = "--verbose";
  }
  // how the trace looks and where it goes, not what it computes
  const std::vector<std::string_view> valued{"--format", "--precision", "--blank", "--student",
                                             "--roster", "--output-dir", "--output", "--width"};
  const std::vector<std::string_view> flags{"--no-color", "--step", "--standalone", "--worksheet", "--answers"};
  std::string command(program);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (std::ranges::find(valued, arg) != valued.end()) {
      ++i;
      continue;
    }
    if (std::ranges::find(flags, arg) != flags.end()) continue;
    const bool plain = !arg.empty() && arg.find_first_of(" '\"\\$`") == std::string_view::npos;
    command += plain ? " " + std::string(arg) : " '" + std::string(arg) + "'";
  }
  return command;
}

}  // namespace

std::optional<int> Chapter::Impl::early_exit(bool new_class, bool list_presets,
                                             bool concordance) const {
  if (new_class) std::cout << new_class_code() << "\n";
  if (list_presets)
    for (const Preset& p : all_presets()) {
      const auto lines = wrap(p.summary, static_cast<std::size_t>(trace.width), 15, 15);
      std::cout << fmt::format("{:<15}{}\n", p.name, lines.front());
      for (std::size_t i = 1; i < lines.size(); ++i) std::cout << fmt::format("{:<15}{}\n", "", lines[i]);
    }
  if (concordance) print_concordance(std::cout, trace.format, program, trace.width);
  if (new_class || list_presets || concordance) return 0;
  return std::nullopt;
}

Session Chapter::Impl::session() {
  output.check();
  if (!class_code.empty()) {
    settings.seed = sheets.student.empty() ? class_seed(class_code)
                                           : student_seed(class_code, sheets.student);
    for (char& c : class_code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  for (const char* flag : {"--seed", "--class", "--hidden", "--targets", "--classes", "--test-fraction"})
    if (const CLI::Option* option = app.get_option_no_throw(flag); option && option->count() > 0)
      request.given.insert(flag);
  request.worksheet = trace.worksheet.on;
  const CLI::Option* rate = app.get_option_no_throw("--learning-rate");
  request.rate_given = rate != nullptr && rate->count() > 0;
  request.preset_given = app.count("--preset") > 0;
  if (app.count("--preset") && !request.network_file.empty() &&
      (!request.data_file.empty() || settings.files.given()))
    throw UsageError("--preset chooses a network and its data, but --network and the data "
                     "files replace both; leave --preset out");
  if (app.count("--preset") && settings.files.given())
    throw UsageError(fmt::format("--preset chooses a network and its data, but {} gives the data and a "
                                 "network is made for it; leave --preset out",
                                 settings.files.csv_file.empty() ? "--idx" : "--csv"));
  request.seed_words = class_code.empty() ? fmt::format("seed {}", settings.seed) : "class " + class_code;
  // The student's name as given; in LaTeX the worksheet's header carries it
  // (written as is), as the note's text conversion would set an accented name
  // such as Núñez as a formula.
  if (!sheets.student.empty() && trace.format != Format::latex)
    request.seed_words += ", student " + sheets.student;
  Example example = make_example(request, settings);
  if (default_iterations > 0)
    settings.schedule = schedule_for(settings.asked, samples(example.data), example.from_files,
                                        default_iterations);
  if (settings.schedule.steps > limits::steps)
    throw UsageError(fmt::format("{} makes {} steps; the workbook takes at most {} in one run (see "
                                 "Limits in the README); ask for fewer",
                                 settings.asked.epochs
                                     ? fmt::format("--epochs {}", settings.asked.epochs)
                                     : fmt::format("--iterations {}", settings.asked.iterations),
                                 limits::grouped(settings.schedule.steps),
                                 limits::grouped(limits::steps)));
  trace.layout = example.layout;
  if (!weight.empty()) settings.weight = weight_named(weight, example.network, example.layout);
  trace.worksheet.class_code = class_code;
  trace.worksheet.student = sheets.student;
  Session s{std::move(example.network), std::move(example.data), std::move(example.test),
            Tracer(trace, sheets.documents() ? sheet : output.stream()), settings, example.layout,
            example.from_files};
  s.trace.describe(s.network);
  const char* document = !trace.worksheet.on        ? ""
                         : trace.worksheet.answers ? " · answer key"
                                                   : " · worksheet";
  if (standalone || trace.format == Format::html)  // the html page is always a whole document
    s.trace.begin_document(fmt::format("Chapter {} · {}{}", number, title, document));
  s.trace.heading(fmt::format("Chapter {} · {}", number, title));
  s.trace.note("network " + describe(s.network, s.layout) + " · " + example.description);
  return s;
}

// One worksheet or key, made in `sheet` and returned once its blanks are
// known to be in it.
std::string Chapter::Impl::sheet_for(const std::function<void(Session&)>& body,
                                     const std::string& student, bool answers) {
  sheets.student = student;
  trace.worksheet.answers = answers;
  sheet.str("");
  Session s = session();
  body(s);
  s.trace.end_document();
  check_blanks(s.trace, program);
  return sheet.str();
}

int Chapter::Impl::run_sheets(const std::function<void(Session&)>& body) {
  standalone = true;
  if (!sheets.roster.empty())
    return write_roster(sheets, program, class_code, trace.format,
                        [&](const std::string& student, bool answers) {
                          return sheet_for(body, student, answers);
                        });
  output.stream() << sheet_for(body, sheets.student, sheets.answers);
  output.finish();
  return 0;
}

int Chapter::run(int argc, char** argv, const std::function<void(Session&)>& body) {
  Impl& c = *impl_;
  bool new_class = false, list_presets = false, concordance = false;
  c.app.add_flag("--new-class", new_class, "Print a new class code for --class, and stop");
  c.app.add_flag("--list-presets", list_presets, "List the presets, one line each");
  c.app.add_flag("--concordance", concordance,
                 "Print how each formulation writes this chapter's equations, and stop");
  if (const auto status = parse_command_line(c.app, argc, argv, c.program)) return *status;
  c.trace.command = command_of(c.program, argc, argv);
  c.trace.width = text_width(c.trace.width, std::getenv("COLUMNS"), terminal_columns(c.output.path.empty()),
                             min_width);
  if (const auto status = c.early_exit(new_class, list_presets, concordance)) return *status;
  c.trace.color = isatty(STDOUT_FILENO) != 0 && !c.no_color && std::getenv("NO_COLOR") == nullptr &&
                  c.trace.format == Format::text && c.output.path.empty();
  try {
    prepare_sheets(c.sheets, c.trace);
    if (c.sheets.documents()) return c.run_sheets(body);
    Session s = c.session();
    body(s);
    if (c.standalone || c.trace.format == Format::html) s.trace.end_document();
    c.output.finish();
    std::cout.flush();
    if (stop_requested()) return 130;  // as a shell reports a program stopped by Ctrl-C
    return s.trace.failed_checks() > 0 ? 1 : 0;
  } catch (const UsageError& e) {
    std::cout.flush();
    std::cerr << c.program << ": " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    // Not the user's mistake: a bug in the workbook, still reported in one line.
    std::cout.flush();
    std::cerr << c.program << ": internal error: " << e.what()
              << " (please report it with the command line that caused it)\n";
    return 1;
  }
}

}  // namespace bpw
