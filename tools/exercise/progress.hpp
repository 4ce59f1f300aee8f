// What a learner has done, kept beside the exercise files it describes: the
// text that last passed each exercise (so that an edit after a pass shows),
// the time of the first pass, the hints revealed, and the class code and name
// that `exercise report` puts on the hand-in line.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace workspace {

struct ExerciseProgress {
  std::string passed;      // a fingerprint of the text that last passed; empty if none
  std::string first_pass;  // "2025-03-04T10:15Z" (UTC); empty until the first pass;
                           // "earlier" for a pass recorded before the record kept times
  int hints = 0;           // hints revealed by `exercise hint`
};

struct Progress {
  std::string class_code, student;
  std::map<std::string, ExerciseProgress> exercises;  // by exercise name
};

// build/exercises/progress.json, or progress.json under BPW_EXERCISE_ROOT.
std::filesystem::path progress_file();

// A damaged or missing record reads as an empty one: it only forgets passes.
Progress load_progress();
void save_progress(const Progress& progress);

// A short fingerprint of a file's text.
std::string fingerprint(const std::string& text);

// The present time as a report line writes it: "2025-03-04T10:15Z".
std::string utc_now();

}  // namespace workspace
