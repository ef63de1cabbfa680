# Warnings high and clean in our own code. Third-party headers come in as SYSTEM includes, so their warnings stay
# theirs.
add_library(counter_warnings INTERFACE)
add_library(counter::warnings ALIAS counter_warnings)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(counter_warnings INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
        -Woverloaded-virtual -Wimplicit-fallthrough -Wformat=2)
    if(COUNTER_WERROR)
        target_compile_options(counter_warnings INTERFACE -Werror)
    endif()
elseif(MSVC)
    target_compile_options(counter_warnings INTERFACE /W4 /utf-8 /permissive-)
endif()

# Declares a library of ours: namespaced alias, headers from the repository root, our warnings.
function(counter_add_library name)
    add_library(${name} ${ARGN})
    add_library(counter::${name} ALIAS ${name})
    target_include_directories(${name} PUBLIC $<BUILD_INTERFACE:${COUNTER_INCLUDE_ROOT}>)
    target_link_libraries(${name} PRIVATE counter::warnings)
endfunction()

function(counter_add_executable name)
    add_executable(${name} ${ARGN})
    target_link_libraries(${name} PRIVATE counter::warnings)
endfunction()
