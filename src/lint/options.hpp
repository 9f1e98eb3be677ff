#pragma once
// Per-run settings the rules see (the rest of the configuration stays in app::Settings).

#include "cost/measurements.hpp"

namespace pyperf::lint {

struct Options {
  // The oldest CPython the linted code supports: micro advice is given only where the measured
  // win holds on every version from this one to the newest.
  cost::PythonVersion target_version = cost::kOldestVersion;
};

}  // namespace pyperf::lint
