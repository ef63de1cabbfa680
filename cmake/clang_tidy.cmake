# clang-tidy as ctests labelled `lint`, one per library (so ctest runs them in parallel); the UI's are added by
# cmake/lint.cmake, split in parts. Uses the build's compile_commands.json; warnings are errors.
find_program(CLANG_TIDY_PROGRAM NAMES clang-tidy clang-tidy-14)

# The .cpp files of a target, with full paths. Generated sources (absolute paths, e.g. embed_text's) are not ours.
function(counter_lint_sources target out_var)
    get_target_property(sources ${target} SOURCES)
    get_target_property(dir ${target} SOURCE_DIR)
    set(files)
    foreach(src IN LISTS sources)
        if(src MATCHES "\\.cpp$" AND NOT IS_ABSOLUTE ${src})
            list(APPEND files ${dir}/${src})
        endif()
    endforeach()
    set(${out_var} ${files} PARENT_SCOPE)
endfunction()

# lint:<name> runs clang-tidy over the files given after the name.
function(counter_add_lint_files name)
    if(NOT CLANG_TIDY_PROGRAM)
        return()
    endif()
    add_test(NAME lint:${name}
             COMMAND ${CLANG_TIDY_PROGRAM} -p ${PROJECT_BINARY_DIR} --quiet --warnings-as-errors=* ${ARGN})
    set_tests_properties(lint:${name} PROPERTIES LABELS lint)
endfunction()

function(counter_add_lint_test target)
    counter_lint_sources(${target} files)
    counter_add_lint_files(${target} ${files})
endfunction()
