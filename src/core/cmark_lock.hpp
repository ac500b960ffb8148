// cmark-gfm keeps the special inline characters of its syntax extensions (autolink's ':' and
// 'w', strikethrough's '~') in one process-wide table, which cmark_parser_finish sets before it
// parses a document's inlines and clears after (github/cmark-gfm#221). Two documents finished
// at once on different threads can therefore lose their autolinks and strikethrough. Every
// cmark_parser_finish in qbank holds this lock; feeding and rendering need not.
#pragma once

#include <mutex>  // std::mutex, std::once_flag

namespace qbank {

std::mutex& cmark_finish_mutex();

// cmark_gfm_core_extensions_ensure_registered() fills a process-wide registry and is not safe to
// call from two threads at once: every caller goes through this flag.
std::once_flag& cmark_registration_once();

}  // namespace qbank
