// Claims: what a page or a tip says a command shows, in a form that can be run
// and checked. A claim is a command and what must hold of its run:
//
//   run ch06_update --preset logistic --learning-rate 5
//   exit 0
//   less id=total_cost < id=cost_after_step      the value of one record below another's
//   has kind=note text~overshoots                a record with these keys (~: contains)
//   lacks kind=check passed=false                no such record
//   count kind=matrix id=hidden_delta recap=false = 3
//   near id=cost_after_step 0.291027924 2e-7     a record's value within a tolerance
//   near id=hidden_delta at=2,1 0.0425 1e-12     element [2,1] of a matrix (from 1)
//   near id=accuracy last 0.86 0.02              the last record that matches
//   near kind=table at=last,3 0.0031 1e-6        column 3 of a table's last row
//   stderr ~ cannot multiply                     the error line contains a text
//   file step1.json                              the run wrote this file
//
// Programs run with --format json added (unless the command gives a format), in
// a scratch folder where `tests/` and `chapters/` of the source tree are at hand.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace claims {

struct Run {
  int status = 0;
  std::string out, err;
  std::vector<nlohmann::json> records;  // the JSON lines of `out`
};

struct Claim {
  std::string where;                      // "chapters/06_update/README.md:80"
  std::vector<std::string> lines;         // its lines, "run …" first
};

// Claims in a page: <!-- claim … --> comments, one statement per line.
std::vector<Claim> claims_in(const std::string& page_path, const std::string& text);

// The "Try this" items of a page that have no claim after them.
std::vector<std::string> unclaimed_items(const std::string& page_path, const std::string& text);

struct Context {
  std::string build;      // the build folder (its build.ninja and compile_commands.json)
  std::string bin;        // where the chapter programs are
  std::string variants;   // where the programs of edit claims are
  std::string source;     // the source tree
  std::string scratch;    // a folder to run in
};

// Runs every line of the claim; an empty string when all hold, else what failed.
std::string check(const Claim& claim, const Context& context);

// Runs a program's command line (words, program first) with --format json in the
// scratch folder and returns its JSON records, exit status and stderr.
Run run_command(const std::string& command, const Context& context);

}  // namespace claims
