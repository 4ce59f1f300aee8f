#include "edits.hpp"

#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace claims {
namespace {

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string after_prefix(const std::string& line, const std::string& prefix) {
  if (!line.starts_with(prefix)) throw std::runtime_error("expected '" + prefix + "' in: " + line);
  std::string rest = line.substr(prefix.size());
  rest.erase(0, rest.find_first_not_of(' '));
  return rest;
}

void shell(const std::string& command, const std::string& what) {
  if (std::system(command.c_str()) != 0) throw std::runtime_error(what + " failed: " + command);
}

// A link step of build.ninja: its outputs' rule, inputs and variables.
struct Link {
  std::string output, rule;
  std::vector<std::string> objects;
  std::map<std::string, std::string> vars;
};

std::vector<Link> links_in(const std::string& ninja) {
  std::vector<Link> links;
  std::istringstream lines(ninja);
  Link* current = nullptr;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("build ")) {
      current = nullptr;
      const auto colon = line.find(": ");
      std::istringstream rest(line.substr(colon + 2));
      Link link;
      link.output = line.substr(6, colon - 6);
      rest >> link.rule;
      if (!link.rule.starts_with("CXX_SHARED_LIBRARY_LINKER") && !link.rule.starts_with("CXX_EXECUTABLE_LINKER"))
        continue;
      for (std::string word; rest >> word && word != "|" && word != "||";) link.objects.push_back(word);
      links.push_back(std::move(link));
      current = &links.back();
    } else if (current && line.starts_with("  ")) {
      const auto eq = line.find(" = ");
      if (eq != std::string::npos) current->vars[line.substr(2, eq - 2)] = line.substr(eq + 3);
    } else if (!line.starts_with("  ")) {
      current = nullptr;
    }
  }
  return links;
}

std::string replace_once(std::string text, const std::string& from, const std::string& to, const std::string& where) {
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("'" + from + "' is not in " + where);
  if (text.find(from, at + 1) != std::string::npos)
    throw std::runtime_error("'" + from + "' is in " + where + " more than once");
  return text.replace(at, from.size(), to);
}

}  // namespace

Edit edit_at(const std::vector<std::string>& lines, std::size_t i) {
  if (i + 2 >= lines.size()) throw std::runtime_error("an edit needs 'from:' and 'to:' lines: " + lines[i]);
  const std::string verb = lines[i].substr(0, lines[i].find(' '));
  return {after_prefix(lines[i], verb), after_prefix(lines[i + 1], "from:"), after_prefix(lines[i + 2], "to:")};
}

Variant build_variant(const std::string& program, const std::vector<Edit>& edits, const Context& context) {
  const fs::path build = context.build;
  if (!fs::exists(build / "build.ninja"))
    throw std::runtime_error("edit claims rebuild from build.ninja: configure with -G Ninja (the presets do)");
  std::string key = program;
  for (const Edit& e : edits) key += "\n" + e.file + "\n" + e.from + "\n" + e.to;
  const fs::path dir = fs::absolute(context.variants) / fmt::format("{:016x}", std::hash<std::string>{}(key));
  Variant variant{dir / program, dir};
  fs::remove_all(dir);

  const nlohmann::json commands = nlohmann::json::parse(read(build / "compile_commands.json"));
  std::map<std::string, std::string> replaced;  // object in build.ninja → edited object
  for (const Edit& edit : edits) {
    const fs::path source = fs::path(context.source) / edit.file;
    const fs::path copy = dir / "src" / edit.file;
    write(copy, replace_once(read(source), edit.from, edit.to, edit.file));
    const auto entry = std::find_if(commands.begin(), commands.end(), [&](const nlohmann::json& c) {
      return fs::equivalent(c["file"].get<std::string>(), source);
    });
    if (entry == commands.end()) throw std::runtime_error(edit.file + " is compiled by no target");
    std::string command = (*entry)["command"].get<std::string>();
    const auto o = command.find(" -o ");
    const std::string object = command.substr(o + 4, command.find(' ', o + 4) - o - 4);
    const fs::path edited = dir / "obj" / (fs::path(edit.file).filename().string() + ".o");
    fs::create_directories(edited.parent_path());
    command = command.substr(0, o) + " -iquote " + source.parent_path().string() + " -fmacro-prefix-map=" +
              (dir / "src").string() + "/= -o " + edited.string() +
              " -c " + copy.string();
    replaced[object] = edited.string();
    shell("cd '" + build.string() + "' && " + command + " 2>&1", "compiling the edited " + edit.file);
  }

  for (Link link : links_in(read(build / "build.ninja"))) {
    bool touched = false;
    for (std::string& object : link.objects)
      if (const auto r = replaced.find(object); r != replaced.end()) object = r->second, touched = true;
    if (!touched) continue;
    const std::string name = fs::path(link.output).filename().string();
    std::string command = "cd '" + build.string() + "' && c++ " + link.vars["FLAGS"] + " " +
                          link.vars["LANGUAGE_COMPILE_FLAGS"] + " " + link.vars["LINK_FLAGS"];
    if (link.rule.starts_with("CXX_SHARED_LIBRARY_LINKER")) command += " -fPIC -shared -Wl,-soname," + name;
    command += " -o '" + (dir / name).string() + "'";
    for (const std::string& object : link.objects) command += " " + object;
    command += " " + link.vars["LINK_PATH"] + " " + link.vars["LINK_LIBRARIES"] + " 2>&1";
    shell(command, "linking " + name);
  }
  if (!fs::exists(variant.program)) variant.program = fs::path(context.bin) / program;
  return variant;
}

}  // namespace claims
