// IDX files, the format of MNIST and Fashion-MNIST: images of 8-bit pixels and
// their labels, gzipped or not. Images become rows scaled to [0, 1], labels
// one-hot rows.
#pragma once

#include <string>

#include "bpw/train.hpp"

namespace bpw {

// Where Debian's dataset-fashion-mnist package puts the data set.
inline constexpr const char* fashion_mnist_dir = "/usr/share/datasets/fashion-mnist";

// An images file and its labels file: X [N x rows·cols] in [0, 1], y one-hot
// [N x classes], classes = 10 or the largest label + 1.
Dataset load_idx(const std::string& images_path, const std::string& labels_path);

// A directory with train-images-idx3-ubyte, train-labels-idx1-ubyte,
// t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, each optionally .gz.
Split load_idx_directory(const std::string& dir);

}  // namespace bpw
