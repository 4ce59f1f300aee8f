// The whole workbook library in one include.
#pragma once

#include "bpw/activation.hpp"
#include "bpw/backprop.hpp"
#include "bpw/chapter.hpp"
#include "bpw/concordance.hpp"
#include "bpw/cost.hpp"
#include "bpw/data.hpp"
#include "bpw/equations.hpp"
#include "bpw/errors.hpp"
#include "bpw/files.hpp"
#include "bpw/forward.hpp"
#include "bpw/gradcheck.hpp"
#include "bpw/layer_matrices.hpp"
#include "bpw/matrix.hpp"
#include "bpw/network.hpp"
#include "bpw/presets.hpp"
#include "bpw/trace.hpp"
