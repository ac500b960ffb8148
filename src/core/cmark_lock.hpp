// cmark-gfm keeps the special inline characters of its syntax extensions (autolink's ':' and
// 'w', strikethrough's '~') in one process-wide table, which cmark_parser_finish sets before it
// parses a document's inlines and clears after (github/cmark-gfm#221). Two documents finished
// at once on different threads can therefore lose their autolinks and strikethrough. Every
// cmark_parser_finish in qbank holds this lock; feeding and rendering need not.
#pragma once

#include <mutex>

namespace qbank {

std::mutex& cmark_finish_mutex();

}  // namespace qbank
