# clang-tidy over the libraries that have no wxWidgets, as ctests labelled `lint` (one per library, so ctest runs
# them in parallel). Uses the build's compile_commands.json; warnings are errors.
find_program(CLANG_TIDY_PROGRAM NAMES clang-tidy clang-tidy-14)

function(counter_add_lint_test target)
    if(NOT CLANG_TIDY_PROGRAM)
        return()
    endif()
    get_target_property(sources ${target} SOURCES)
    get_target_property(dir ${target} SOURCE_DIR)
    set(files)
    foreach(src IN LISTS sources)
        if(src MATCHES "\\.cpp$" AND NOT IS_ABSOLUTE ${src})
            list(APPEND files ${dir}/${src})
        endif()
    endforeach()
    add_test(NAME lint:${target}
             COMMAND ${CLANG_TIDY_PROGRAM} -p ${PROJECT_BINARY_DIR} --quiet --warnings-as-errors=* ${files})
    set_tests_properties(lint:${target} PROPERTIES LABELS lint)
endfunction()
