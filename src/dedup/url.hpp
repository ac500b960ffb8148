// URL normalisation for comparing links: two URLs that lead to the same page compare equal.
// Used by the duplicate-resource rule and by the link checker (one check per distinct URL).
#pragma once

#include <string>
#include <string_view>

namespace qbank::dedup {

// Lower-cases scheme and host, drops a leading "www.", the default port (80 for http, 443 for
// https), the fragment, a trailing slash of the path (so "https://x.org/" == "https://x.org"),
// and surrounding white space. Keeps user info, path case and the query as they are. Text that
// is not a scheme://authority URL comes back trimmed and otherwise unchanged.
std::string normalize_url(std::string_view url);

}  // namespace qbank::dedup
