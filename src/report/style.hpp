#pragma once
// ANSI styles of the text formats; empty strings when colour is off.

#include <string_view>

namespace pyperf::report {

struct Style {
  bool on;
  std::string_view bold() const { return on ? "\x1b[1m" : ""; }
  std::string_view code() const { return on ? "\x1b[1;31m" : ""; }
  std::string_view dim() const { return on ? "\x1b[2;34m" : ""; }
  std::string_view caret() const { return on ? "\x1b[1;31m" : ""; }
  std::string_view help() const { return on ? "\x1b[1;36m" : ""; }
  std::string_view reset() const { return on ? "\x1b[0m" : ""; }
};

}  // namespace pyperf::report
