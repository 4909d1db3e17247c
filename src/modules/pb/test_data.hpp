// Where the tests find the pabulib elections: $GONGZHI_PABULIB_DIR, else ../shared/data/pabulib
// beside the repository (located from this file's path, so any build directory works).
// Tests that need the files skip when they are not there.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace gz::pb::testing {

inline std::string pabulib_dir() {
  if (const char* dir = std::getenv("GONGZHI_PABULIB_DIR"); dir && *dir) return dir;
  // __FILE__ is <repo>/src/modules/pb/test_data.hpp
  std::filesystem::path repo = std::filesystem::path(__FILE__).parent_path() / ".." / ".." / "..";
  return (repo / ".." / "shared" / "data" / "pabulib").lexically_normal().string();
}

inline std::string pabulib_file(const std::string& name) {
  return pabulib_dir() + "/" + name;
}

inline bool have_pabulib_file(const std::string& name) {
  return std::filesystem::exists(pabulib_file(name));
}

}  // namespace gz::pb::testing
