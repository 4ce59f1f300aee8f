#include "bpw/chapter.hpp"

#include <unistd.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <iomanip>
#include <map>
#include <optional>
#include <random>
#include <vector>

#include <CLI/CLI.hpp>

#include "bpw/cli.hpp"
#include "bpw/errors.hpp"
#include "bpw/concordance.hpp"
#include "bpw/files.hpp"
#include "bpw/presets.hpp"
#include "training_setup.hpp"
#include "validators.hpp"

namespace bpw {
namespace {

// CLI11 validators whose messages say what a learner should type instead.
constexpr std::string_view class_alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

// The preamble and the end of a complete document, for printed handouts.
void begin_document(Format format, const ChapterInfo& info) {
  const std::string title = "Chapter " + std::to_string(info.number) + " · " + std::string(info.title);
  if (format == Format::latex)
    std::cout << "% A handout from the Backprop Workbook. Compile with lualatex (Unicode symbols).\n"
                 "\\documentclass[10pt]{article}\n\\usepackage{amsmath,amssymb}\n"
                 "\\usepackage{fontspec}\n\\usepackage{unicode-math}\n"
                 "\\usepackage[a4paper,margin=18mm]{geometry}\n"
                 "\\setlength{\\parindent}{0pt}\n\\title{Backprop Workbook\\\\ "
              << title << "}\n\\date{}\n\\begin{document}\n\\maketitle\n\n";
  if (format == Format::markdown)
    std::cout << "---\ntitle: \"Backprop Workbook — " << title << "\"\n---\n\n";
}

void end_document(Format format) {
  if (format == Format::latex) std::cout << "\\end{document}\n";
}

struct CommandLine {
  TraceOptions trace;
  Settings settings;
  std::string preset = "sleep-study";
  std::string network_file, data_file;
  std::optional<double> lambda;
  std::string l2_form, layout;
  bool no_color = false;
  bool list_presets = false;
  bool concordance = false;
  bool standalone = false;
  bool new_class = false;
  std::string class_code;
};

std::vector<std::string> preset_names() {
  std::vector<std::string> names;
  for (const Preset& p : all_presets()) names.emplace_back(p.name);
  return names;
}

std::string program_error(const ChapterInfo& info, const std::string& message) {
  return std::string(info.program) + ": " + message;
}

}  // namespace

std::uint64_t class_seed(std::string_view code) {
  if (code.size() < 2 || code.size() > 12)
    throw UsageError("a class code has 2 to 12 letters and digits, such as K7Q, not '" +
                     std::string(code) + "'");
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a of the code in capitals
  for (char c : code) {
    const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (class_alphabet.find(upper) == std::string_view::npos)
      throw UsageError("the class code '" + std::string(code) + "' has '" + std::string(1, c) +
                       "', which codes leave out; they use " + std::string(class_alphabet));
    hash = (hash ^ static_cast<unsigned char>(upper)) * 0x100000001b3ULL;
  }
  return hash;
}

std::string new_class_code() {
  std::random_device entropy;
  std::string code;
  for (int i = 0; i < 4; ++i) code += class_alphabet[entropy() % class_alphabet.size()];
  return code;
}

int run_chapter(int argc, char** argv, const ChapterInfo& info,
                const std::function<void(Session&)>& body) {
  CommandLine cl;
  cl.settings.seed = default_seed;
  CLI::App app(std::string(info.summary), std::string(info.program));
  app.get_formatter()->column_width(34);

  const std::map<std::string, Format> formats{{"text", Format::text},
                                              {"markdown", Format::markdown},
                                              {"latex", Format::latex},
                                              {"json", Format::json}};
  std::string format = "text";
  app.add_option("--format", format, "Output: text, markdown, latex or json (JSON Lines)")
      ->check(one_of("the format", {"text", "markdown", "latex", "json"}))
      ->capture_default_str();
  app.add_option("--precision", cl.trace.precision, "Digits after the point (text, markdown, latex)")
      ->check(checked_number("the precision", "a whole number from 0 to 17",
                             [](double v) { return v >= 0 && v <= 17; }, true))
      ->capture_default_str();
  app.add_flag("--no-color", cl.no_color, "No colour, even on a terminal");
  app.add_flag("--step", cl.trace.step, "Pause after each equation until Enter is pressed");
  app.add_flag("-v,--verbose", cl.trace.verbose, "Show the earlier chapters' steps in full");
  app.add_flag("--full", cl.trace.full, "Print every row and column of large matrices");
  app.add_flag("--explain", cl.trace.explain, "Under each equation, the derivation step it comes from");
  app.add_flag("--standalone", cl.standalone, "With latex or markdown: a complete document, for handouts");
  app.add_option("--class", cl.class_code, "A class code: everyone with the same code gets the same weights");
  app.add_flag("--new-class", cl.new_class, "Print a new class code for --class, and stop");
  app.add_option("--seed", cl.settings.seed, "Seed of the default example's weights")
      ->capture_default_str();
  app.add_option("--preset", cl.preset, "A complete formulation with its data (see --list-presets)")
      ->check(one_of("the preset", preset_names()))
      ->capture_default_str();
  app.add_flag("--list-presets", cl.list_presets, "List the presets, one line each");
  app.add_option("--network", cl.network_file, "Load the network from a JSON file");
  app.add_option("--data", cl.data_file, "Load X and y from a JSON file");
  app.add_option("--lambda", cl.lambda, "L2 regularisation: add (λ/2) Σ W² to J")
      ->check(checked_number("λ", "zero or a positive number such as 0.01",
                             [](double v) { return v >= 0; }));
  app.add_option("--l2", cl.l2_form, "The L2 form: sum (J + penalty) or mean (J/M + penalty)")
      ->check(one_of("the L2 form", {"sum", "mean"}));
  app.add_option("--layout", cl.layout, "Show samples as rows (z = a W) or columns (Z = W A)")
      ->check(one_of("the layout", {"rows", "columns"}));
  app.add_flag("--concordance", cl.concordance,
               "Print how each formulation writes this chapter's equations, and stop");
  if (info.options & learning_rate_option)
    app.add_option("--learning-rate,--eta", cl.settings.learning_rate, "Learning rate η")
        ->capture_default_str()
        ->check(checked_number("the learning rate", "a positive number such as 0.5",
                               [](double v) { return v > 0; }));
  if (info.options & save_network_option)
    app.add_option("--save-network", cl.settings.save_network,
                   "Write the updated network to this JSON file");
  if (info.options & epsilon_option)
    app.add_option("--epsilon", cl.settings.epsilon, "Step ε of the central differences")
        ->capture_default_str()
        ->check(checked_number("ε", "a positive number such as 0.5", [](double v) { return v > 0; }));
  if (info.options & training_options) add_training_options(app, cl.settings.training);
  if (info.options & break_derivative_option)
    app.add_flag("--break-derivative", cl.settings.break_derivative,
                 "Use a wrong f′ (f in place of f′) to see the check fail");

  if (const auto status = parse_command_line(app, argc, argv, info.program)) return *status;

  cl.trace.format = formats.at(format);
  if (cl.new_class) {
    std::cout << new_class_code() << "\n";
    return 0;
  }
  if (cl.list_presets) {
    for (const Preset& p : all_presets())
      std::cout << std::left << std::setw(15) << p.name << p.summary << "\n";
    return 0;
  }
  if (cl.concordance) {
    print_concordance(std::cout, cl.trace.format, info.program);
    return 0;
  }
  const bool terminal = isatty(STDOUT_FILENO) != 0;
  cl.trace.color = terminal && !cl.no_color && std::getenv("NO_COLOR") == nullptr &&
                   cl.trace.format == Format::text;
  try {
    if (!cl.class_code.empty()) {
      cl.settings.seed = class_seed(cl.class_code);
      for (char& c : cl.class_code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    const Preset& preset = preset_named(cl.preset);
    const TrainingSettings& training = cl.settings.training;
    std::optional<TrainingData> loaded;
    if (info.options & training_options)
      loaded = load_training_data(training, cl.settings.seed, !cl.network_file.empty());
    Network network = !cl.network_file.empty() ? load_network(cl.network_file)
                      : loaded                  ? *loaded->network
                                                : preset.network(cl.settings.seed);
    Dataset data, test;
    if (loaded) {
      data = std::move(loaded->train);
      test = std::move(loaded->test);
    } else {
      data = cl.data_file.empty() ? preset.data(cl.settings.seed)
                                  : load_data(cl.data_file, network.layout());
      if (info.options & training_options)
        adjust_preset_data(training, cl.preset, cl.settings.seed, data, test);
    }
    const CLI::Option* rate = app.get_option_no_throw("--learning-rate");
    if ((info.options & training_options) && (rate == nullptr || rate->count() == 0))
      cl.settings.learning_rate = loaded ? loaded->learning_rate : preset.learning_rate;
    // How long, and in what steps: mini-batches of 64 for five epochs on data
    // from files, a thousand full-batch steps on the small presets.
    TrainingSettings& steps = cl.settings.training;
    if (loaded && steps.batch == 0) steps.batch = 64;
    if (steps.epochs == 0 && steps.iterations == 0) {
      if (loaded) steps.epochs = 5;
      else steps.iterations = info.default_iterations;
    }
    if (cl.lambda || !cl.l2_form.empty()) {
      L2 l2 = network.l2();
      if (cl.lambda) l2.lambda = *cl.lambda;
      if (!cl.l2_form.empty()) l2.averaged = cl.l2_form == "mean";
      network.set_l2(l2);
    }
    if (!cl.layout.empty()) network.set_layout(cl.layout == "columns" ? Layout::columns : Layout::rows);
    data = fit_data(network, std::move(data));
    if (test.X.size() > 0) test = fit_data(network, std::move(test));
    if ((info.options & training_options) && app.count("--epochs") && app.count("--iterations"))
      throw UsageError("--epochs and --iterations both say how long to train; give one");
    if (training.batch > data.X.shape(0))
      throw UsageError("--batch " + std::to_string(training.batch) + " is larger than the " +
                       std::to_string(data.X.shape(0)) + " training samples; use at most " +
                       std::to_string(data.X.shape(0)) + ", or leave --batch out for full-batch steps");

    Session session{std::move(network), std::move(data), std::move(test),
                    Tracer(cl.trace, std::cout), cl.settings};
    session.trace.describe(session.network);
    if (cl.standalone) begin_document(cl.trace.format, info);
    session.trace.heading("Chapter " + std::to_string(info.number) + " · " +
                          std::string(info.title));
    std::string example = loaded ? loaded->description : "preset " + cl.preset;
    if (!cl.class_code.empty()) example += ", class " + cl.class_code;
    else if (cl.network_file.empty()) example += ", seed " + std::to_string(cl.settings.seed);
    else example += ", network " + cl.network_file;
    if (!cl.data_file.empty()) example += ", data " + cl.data_file;
    session.trace.note("network " + session.network.describe() + " · " + example);
    body(session);
    if (cl.standalone) end_document(cl.trace.format);
    std::cout.flush();
    return session.trace.failed_checks() > 0 ? 1 : 0;
  } catch (const UsageError& e) {
    std::cout.flush();
    std::cerr << program_error(info, e.what()) << "\n";
    return 2;
  } catch (const std::exception& e) {
    // Not the user's mistake: a bug in the workbook, still reported in one line.
    std::cout.flush();
    std::cerr << program_error(info, std::string("internal error: ") + e.what() +
                                         " (please report it with the command line that caused it)")
              << "\n";
    return 1;
  }
}

}  // namespace bpw
