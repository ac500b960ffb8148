#include "core/cmark_lock.hpp"

namespace qbank {

std::mutex& cmark_finish_mutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace qbank
