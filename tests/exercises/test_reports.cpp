// The hand-in line and the instructor's table.
#include <catch2/catch.hpp>

#include <bpw/exercise_report.hpp>

using namespace bpw;

namespace {

Report ada() {
  return {"K7Q", "Ada Lovelace",
          {{"1-A", "2025-03-04T10:15Z", 0}, {"1-B", "2025-03-04T10:40Z", 1}, {"1-C", "", 2}}};
}

}  // namespace

TEST_CASE("a report line holds the class, the name, each pass with its time and hints, and a check",
          "[exercises][report]") {
  const std::string line = report_line(ada());
  CHECK(line.starts_with("bpw-report 1 | class K7Q | student Ada Lovelace | 1-A 2025-03-04T10:15Z, "
                         "1-B 2025-03-04T10:40Z hints 1, 1-C not passed hints 2 | check "));
  CHECK(line.size() == line.find("| check ") + 8 + 16);
  const Report back = parse_report_line(line);
  CHECK(back.class_code == "K7Q");
  CHECK(back.student == "Ada Lovelace");
  REQUIRE(back.entries.size() == 3);
  CHECK(back.entries[1].passed_at == "2025-03-04T10:40Z");
  CHECK(back.entries[1].hints == 1);
  CHECK(back.entries[2].passed_at.empty());
  CHECK(back.entries[2].hints == 2);
  CHECK(parse_report_line(report_line({"K7Q", "Alan Turing", {}})).entries.empty());
}

TEST_CASE("a report line edited by hand is noticed, whatever part was changed", "[exercises][report]") {
  const std::string line = report_line(ada());
  for (const auto& [from, to] : {std::pair{"Ada Lovelace", "Ada Byron"}, std::pair{"K7Q", "K8Q"},
                                 std::pair{"1-C not passed", "1-C 2025-03-05T09:00Z"},
                                 std::pair{"10:15Z", "09:15Z"}, std::pair{"hints 2", "hints 0"}}) {
    std::string edited = line;
    edited.replace(edited.find(from), std::string_view(from).size(), to);
    INFO(edited);
    CHECK_THROWS_WITH(parse_report_line(edited), Catch::Contains("was changed after `exercise report` "
                                                                 "wrote it"));
  }
  CHECK_THROWS_WITH(parse_report_line("my report: 1-A done"), Catch::Contains("is not a report line"));
  CHECK_THROWS_AS(report_line({"K7Q", "A|B", {}}), ReportError);
  CHECK_THROWS_AS(report_line({"K7Q", "", {}}), ReportError);
}

TEST_CASE("the class table counts passes, where each student is stuck, and the hints asked for",
          "[exercises][report]") {
  const Report grace{"K7Q", "Grace Hopper", {{"1-A", "2025-03-04T11:00Z", 3}}};
  const Report alan{"K7Q", "Alan Turing", {}};
  const Report other{"ZZ9", "Edsger Dijkstra", {{"1-A", "2025-03-06T08:00Z", 0}}};
  const std::string table = class_table({ada(), grace, alan, other});
  INFO(table);
  CHECK(table.starts_with("Class K7Q: 3 students (Ada Lovelace, Grace Hopper, Alan Turing)\n"));
  // 1-A: Ada and Grace passed, Alan is stuck there, 0 + 3 hints.
  CHECK(table.find("\n1-A  sigmoid                     2/3           1       3\n") != std::string::npos);
  // 1-B: Ada passed; Grace is stuck there.
  CHECK(table.find("\n1-B  weighted_input              1/3           1       1\n") != std::string::npos);
  // 1-C: nobody passed; Ada is stuck there, with 2 hints.
  CHECK(table.find("\n1-C  network_output              0/3           1       2\n") != std::string::npos);
  CHECK(table.find("\n2-A  sse_cost                    0/3\n") != std::string::npos);
  CHECK(table.find("Most stuck: 1-A sigmoid (1 of 3).") != std::string::npos);
  CHECK(table.find("\nClass ZZ9: 1 student (Edsger Dijkstra)\n") != std::string::npos);
}

TEST_CASE("a student's second line replaces the first when it has as many passes or more",
          "[exercises][report]") {
  const Report earlier{"K7Q", "ada  lovelace", {{"1-A", "2025-03-04T10:15Z", 0}}};
  const std::string table = class_table({earlier, ada()});
  INFO(table);
  CHECK(table.starts_with("Class K7Q: 1 student (Ada Lovelace)\n"));
  CHECK(table.find("Ada Lovelace handed in more than one line") != std::string::npos);
  CHECK(table.find("\n1-B  weighted_input              1/1") != std::string::npos);
}
