#include "plan/path_limits.hpp"

#include <algorithm>

namespace versa {

bool check_output_paths(const Project& project, const Urls& urls, Diagnostics& diags) {
  bool ok = true;
  const auto& protocols = project.inputs.protocols;
  for (std::size_t p = 0; p < protocols.size(); ++p) {
    const auto& codes = protocols[p].codes;
    if (codes.empty()) continue;
    // The longest comparison folder joins the two longest code folders.
    std::vector<std::size_t> order(codes.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const auto length = [&](std::size_t i) {
      return codes[i].code.size() + 1 + codes[i].slug.size();
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return length(a) > length(b); });
    for (const std::size_t i : order) {
      const std::size_t other =
          order.front() == i ? (order.size() > 1 ? order[1] : i) : order.front();
      const std::size_t folder =
          other == i ? length(i) : urls.compare_folder(p, i, other).size() - 1;  // without '/'
      if (folder <= kMaxNameBytes) break;  // the rest are shorter
      ok = false;
      const std::size_t room = codes[i].slug.size() - (folder - kMaxNameBytes);
      diags.error(protocols[p].document.locate(codes[i].pointer + "/slug"),
                  "slug \"" + codes[i].slug.substr(0, 40) + "...\" makes a folder name of " +
                      std::to_string(folder) + " bytes; file names may have at most " +
                      std::to_string(kMaxNameBytes) + " bytes: shorten it to " +
                      std::to_string(room) + " characters or fewer");
    }
  }
  return ok;
}

}  // namespace versa
