// write: deterministic fault injection for the tests of killed and failed
// builds. Off unless VERSA_TEST_FAULT is set in the environment.
#pragma once

#include <string_view>

namespace versa {

/// Marks a point where a build may be interrupted. With
/// VERSA_TEST_FAULT="<point>:<n>:<kill|fail|bug>", the n-th time (from 1)
/// any thread reaches `point`, the process is killed with SIGKILL ("kill"), a
/// FileError is thrown ("fail", as a full disk would) or a std::logic_error
/// ("bug": what no caller expects, as a bug would). Points: "write"
/// (before a file is written), "rename" (between a rebuild's temporary file
/// and its rename), "manifest" (while the manifest is half written), "move"
/// (between two moves of a staged build), "command" (in `versa`, once its
/// command line is parsed: where a bug escapes every handler but main's).
void fault_point(std::string_view point);

}  // namespace versa
