#include "report/reporter.hpp"

#include <filesystem>

namespace pyperf::report {

WriteFn reporter_for(app::OutputFormat format) {
  switch (format) {
    case app::OutputFormat::Full:
      return write_full;
    case app::OutputFormat::Concise:
      return write_concise;
    case app::OutputFormat::Json:
      return write_json;
  }
  return write_full;
}

std::string absolute_path(std::string_view path) {
  std::error_code ec;
  const std::filesystem::path abs = std::filesystem::absolute(std::filesystem::path(path), ec);
  return (ec ? std::filesystem::path(path) : abs).lexically_normal().string();
}

}  // namespace pyperf::report
