#include "core/cmark_lock.hpp"

namespace qbank {

std::mutex& cmark_finish_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::once_flag& cmark_registration_once() {
  static std::once_flag once;
  return once;
}

}  // namespace qbank
