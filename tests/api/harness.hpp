// What an API test includes: the server and command-line processes (harness/processes.hpp), the
// World fixture with its registry steps (harness/world.hpp) and the domain steps taken as other
// users (harness/steps.hpp).
#pragma once

#include "harness/processes.hpp"
#include "harness/steps.hpp"
#include "harness/world.hpp"
