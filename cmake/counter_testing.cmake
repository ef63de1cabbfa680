# One way to add a test executable: Catch2 with our main, labels for `ctest -L`, and every TEST_CASE registered as
# its own ctest (so a failure names the case). GUI tests start the toolkit in main and cannot be listed at build time
# without a display, so they run as one ctest each (NO_DISCOVER). PROPERTIES adds ctest properties to every test
# (e.g. PROPERTIES FIXTURES_REQUIRED postgres).
find_package(Catch2 2 REQUIRED)
include(Catch)

add_library(counter_catch_main STATIC ${CMAKE_CURRENT_LIST_DIR}/../tests/catch_main.cpp)
target_link_libraries(counter_catch_main PUBLIC Catch2::Catch2)

function(counter_add_test name)
    cmake_parse_arguments(T "NO_DISCOVER;OWN_MAIN" "LABEL" "SOURCES;LIBS;ENVIRONMENT;PROPERTIES" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE ${T_LIBS} Catch2::Catch2 counter::warnings)
    if(NOT T_OWN_MAIN)
        target_link_libraries(${name} PRIVATE counter_catch_main)
    endif()
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR})
    set(env "COUNTER_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data" ${T_ENVIRONMENT})
    if(T_NO_DISCOVER)
        add_test(NAME ${name} COMMAND ${name})
        set_tests_properties(${name} PROPERTIES LABELS "${T_LABEL}" ENVIRONMENT "${env}" ${T_PROPERTIES})
    else()
        # catch_discover_tests flattens its PROPERTIES, so an ENVIRONMENT of more than one entry would lose all but
        # the first (and shift the properties after it): set them from a second file that ctest reads after the list
        # of discovered tests, which Catch names ${name}_TESTS.
        # -w NoTests: a test whose name no longer matches (a ";" splits it in two, for one) fails instead of
        # passing with nothing run.
        catch_discover_tests(${name} TEST_PREFIX "${T_LABEL}:" EXTRA_ARGS -w NoTests PROPERTIES LABELS "${T_LABEL}")
        set(properties "ENVIRONMENT [==[${env}]==]")
        foreach(item IN LISTS T_PROPERTIES)
            string(APPEND properties " [==[${item}]==]")
        endforeach()
        set(properties_file ${CMAKE_CURRENT_BINARY_DIR}/${name}_properties.cmake)
        file(WRITE ${properties_file}
            "if(${name}_TESTS)\n  set_tests_properties(\${${name}_TESTS} PROPERTIES ${properties})\nendif()\n")
        set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${properties_file})
    endif()
endfunction()
