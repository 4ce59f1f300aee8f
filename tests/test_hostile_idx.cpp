// Hostile IDX files (tests/make_idx_fixtures.cpp): headers that claim more than
// the file holds or than the workbook takes, gzip that inflates to millions of
// images. One line each, before anything is allocated for the claim.
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include <bpw/errors.hpp>
#include <bpw/idx.hpp>

#include "hostile.hpp"

using namespace bpw;
using namespace hostile;
using Catch::Contains;

namespace {

void load_training(const std::string& set) {
  load_idx((idx_fixtures() / set / "train-images-idx3-ubyte").string(),
           (idx_fixtures() / set / "train-labels-idx1-ubyte").string());
}

}  // namespace

TEST_CASE("IDX sizes beyond the limits are refused before anything is allocated", "[idx][hostile]") {
  CHECK_THROWS_WITH(load_training("claims_400000"),
                    Contains("claims 400,000 images of 28×28 pixels; the workbook takes at most "
                             "1,000,000 images and 100,000,000 pixels in all"));
  CHECK_THROWS_WITH(load_training("huge_images"),
                    Contains("claims 1 image of 2147483648×2147483648 pixels; the workbook takes"));
  CHECK_THROWS_WITH(load_training("overflowing"),
                    Contains("claims 4,294,967,295 images of 4294967295×4294967295 pixels"));
  CHECK_THROWS_WITH(load_training("no_images"), Contains("claims 0 images of 28×28 pixels, which is no data"));
  CHECK_THROWS_WITH(load_training("many_classes"),
                    Contains("has labels up to 255: as one-hot rows for 400,000 images that is more "
                             "than the 100,000,000 numbers"));
}

TEST_CASE("an IDX header is checked against the size of its file", "[idx][hostile]") {
  CHECK_THROWS_WITH(load_training("claims_50000"),
                    Contains("claims 50,000 images of 28×28 pixels (39,200,000 bytes) but holds only "
                             "0: it is cut short or corrupt"));
  CHECK_THROWS_WITH(load_training("thin_gzip"),
                    Contains("claims 50,000 images of 28×28 pixels (39,200,000 bytes), more than its") &&
                        Contains("gzipped bytes can hold"));
}

TEST_CASE("a consistent gzip that inflates to millions of images is refused before inflating",
          "[idx][hostile]") {
  const fs::path bomb = idx_fixtures() / "bomb";
  CHECK_THROWS_WITH(load_idx((bomb / "train-images-idx3-ubyte.gz").string(),
                             (bomb / "train-labels-idx1-ubyte.gz").string()),
                    Contains("claims 2,000,000 images of 28×28 pixels; the workbook takes at most "
                             "1,000,000 images"));
}
