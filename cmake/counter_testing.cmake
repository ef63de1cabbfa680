# One way to add a test executable: Catch2 with our main, labels for `ctest -L`, and every TEST_CASE registered as
# its own ctest (so a failure names the case). GUI tests start the toolkit in main and cannot be listed at build time
# without a display, so they run as one ctest each (NO_DISCOVER). PROPERTIES adds ctest properties to every test
# (e.g. PROPERTIES FIXTURES_REQUIRED postgres). THREADS marks an executable whose code under test starts threads:
# its tests also carry the label `threads`, and the target `threaded_tests` builds it; the tsan preset builds that
# target and runs that label under ThreadSanitizer.
find_package(Catch2 2 REQUIRED)
include(Catch)

add_library(counter_catch_main STATIC ${CMAKE_CURRENT_LIST_DIR}/../tests/catch_main.cpp)
target_link_libraries(counter_catch_main PUBLIC Catch2::Catch2)

add_custom_target(threaded_tests)

# Under ThreadSanitizer (COUNTER_SANITIZE=thread, the tsan preset) every process of a test writes its reports to
# files in tsan-reports/ of the build folder (TSAN_OPTIONS log_path), so that a race in a process the test starts
# (the back office, order_driver, counterctl: their output is kept in a temporary folder or nowhere, and their exit
# status is not checked) is not lost: every test requires the fixture `tsan_reports` (tests/CMakeLists.txt), which
# empties that folder before the first test and fails after the last if any report was written, printing them. A
# test whose own process raced fails as well (TSAN exits with 66). tests/tsan.supp names the third-party frames whose
# races are not ours. history_size=4 keeps enough of each thread's past for both stacks of a race.
set(COUNTER_TSAN_REPORTS ${CMAKE_BINARY_DIR}/tsan-reports)
string(CONCAT COUNTER_TSAN_OPTIONS
    "suppressions=${PROJECT_SOURCE_DIR}/tests/tsan.supp:log_path=${COUNTER_TSAN_REPORTS}/report:log_exe_name=1"
    ":second_deadlock_stack=1:history_size=4")

function(counter_add_test name)
    cmake_parse_arguments(T "NO_DISCOVER;OWN_MAIN;THREADS" "LABEL" "SOURCES;LIBS;ENVIRONMENT;PROPERTIES" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE ${T_LIBS} Catch2::Catch2 counter::warnings)
    if(NOT T_OWN_MAIN)
        target_link_libraries(${name} PRIVATE counter_catch_main)
    endif()
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR})
    set(labels ${T_LABEL})
    if(T_THREADS)
        list(APPEND labels threads)
        add_dependencies(threaded_tests ${name})
    endif()
    if(COUNTER_SANITIZE STREQUAL "thread")
        list(APPEND T_ENVIRONMENT "TSAN_OPTIONS=${COUNTER_TSAN_OPTIONS}")
        # tsan_reports joins the test's FIXTURES_REQUIRED, or is the only one.
        list(FIND T_PROPERTIES FIXTURES_REQUIRED at)
        if(at EQUAL -1)
            list(APPEND T_PROPERTIES FIXTURES_REQUIRED tsan_reports)
        else()
            math(EXPR at "${at} + 1")
            list(GET T_PROPERTIES ${at} fixtures)
            list(REMOVE_AT T_PROPERTIES ${at})
            list(INSERT T_PROPERTIES ${at} "${fixtures}\\;tsan_reports")
        endif()
    endif()
    set(env "COUNTER_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data" ${T_ENVIRONMENT})
    if(T_NO_DISCOVER)
        add_test(NAME ${name} COMMAND ${name})
        set_tests_properties(${name} PROPERTIES LABELS "${labels}" ENVIRONMENT "${env}" ${T_PROPERTIES})
    else()
        # catch_discover_tests flattens its PROPERTIES, so a list value (more than one ENVIRONMENT entry or label)
        # would lose all but its first item (and shift the properties after it): set them from a second file that
        # ctest reads after the list of discovered tests, which Catch names ${name}_TESTS.
        # -w NoTests: a test whose name no longer matches (a ";" splits it in two, for one) fails instead of
        # passing with nothing run.
        catch_discover_tests(${name} TEST_PREFIX "${T_LABEL}:" EXTRA_ARGS -w NoTests)
        set(properties "LABELS [==[${labels}]==] ENVIRONMENT [==[${env}]==]")
        foreach(item IN LISTS T_PROPERTIES)
            string(APPEND properties " [==[${item}]==]")
        endforeach()
        set(properties_file ${CMAKE_CURRENT_BINARY_DIR}/${name}_properties.cmake)
        file(WRITE ${properties_file}
            "if(${name}_TESTS)\n  set_tests_properties(\${${name}_TESTS} PROPERTIES ${properties})\nendif()\n")
        set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${properties_file})
    endif()
endfunction()
