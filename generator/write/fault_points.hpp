// write: deterministic fault injection for the tests of killed and failed
// builds. Off unless VERSA_TEST_FAULT is set in the environment.
#pragma once

#include <string_view>

namespace versa {

/// Marks a point where a build may be interrupted. With
/// VERSA_TEST_FAULT="<point>:<n>:<kill|fail>", the n-th time (from 1) any
/// thread reaches `point`, the process is killed with SIGKILL ("kill") or a
/// FileError is thrown ("fail", as a full disk would). Points: "write"
/// (before a file is written), "rename" (between a rebuild's temporary file
/// and its rename), "manifest" (while the manifest is half written), "move"
/// (between two moves of a staged build).
void fault_point(std::string_view point);

}  // namespace versa
