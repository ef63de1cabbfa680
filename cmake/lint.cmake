# The guardrails of issue 19, as ctests labelled `lint` (./test.sh runs them with the rest):
#   lint:layers          who may #include whom (tools/lint/layers.txt, from ARCHITECTURE.md's folder table)
#   lint:layers_catches  proof that lint:layers fails on a crossing and on a stale baseline line
#   lint:format          every tracked C++ file as .clang-format lays it out
find_package(Python3 COMPONENTS Interpreter)
# The tree was formatted with clang-format 14; another major version lays some lines out differently.
find_program(CLANG_FORMAT_PROGRAM NAMES clang-format-14 clang-format)

# A guardrail whose tool is missing fails instead of silently leaving the run.
function(counter_add_missing_tool_test name tool)
    add_test(NAME ${name} COMMAND ${CMAKE_COMMAND} -E echo "${tool} not found: run scripts/install-deps.sh")
    set_tests_properties(${name} PROPERTIES LABELS lint FAIL_REGULAR_EXPRESSION "not found")
endfunction()

set(lint_dir ${PROJECT_SOURCE_DIR}/tools/lint)
if(Python3_Interpreter_FOUND)
    add_test(NAME lint:layers COMMAND ${Python3_EXECUTABLE} ${lint_dir}/layers.py --root ${PROJECT_SOURCE_DIR})
    add_test(NAME lint:layers_catches COMMAND ${Python3_EXECUTABLE} ${lint_dir}/layers_test.py)
    set_tests_properties(lint:layers lint:layers_catches PROPERTIES LABELS lint)
else()
    counter_add_missing_tool_test(lint:layers python3)
endif()
if(CLANG_FORMAT_PROGRAM)
    add_test(NAME lint:format COMMAND ${lint_dir}/format.sh ${PROJECT_SOURCE_DIR} ${CLANG_FORMAT_PROGRAM})
    set_tests_properties(lint:format PROPERTIES LABELS lint)
else()
    counter_add_missing_tool_test(lint:format clang-format)
endif()
