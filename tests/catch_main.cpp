// The one Catch2 main for the test executables that need nothing else before tests run.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
