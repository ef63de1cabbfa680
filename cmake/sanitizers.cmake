# COUNTER_SANITIZE picks the sanitizers for every target, tests included: ON (the debug and fuzz presets) turns on
# AddressSanitizer and UBSan, `thread` ThreadSanitizer (the tsan preset). The two cannot share a process, hence one
# variable rather than two options.
if(COUNTER_SANITIZE STREQUAL "thread")
    # The tsan preset builds with -O1 -g1: TSAN at -O0 runs several times slower again, and line tables (-g1) are all
    # its reports need (file:line of every frame, inlined ones too) at two thirds of the compile time of -g.
    add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
    # Boost.Asio closes each handler call with std::atomic_thread_fence, which TSAN does not model (g++ warns, -Wtsan,
    # an error with COUNTER_WERROR); handlers are handed between threads under Asio's mutexes, which TSAN does see, so
    # without the fence it sees the same and g++ has nothing to warn about.
    add_compile_definitions(BOOST_ASIO_DISABLE_FENCED_BLOCK)
    add_link_options(-fsanitize=thread)
elseif(COUNTER_SANITIZE)
    # vptr checks need the typeinfo of every polymorphic class we touch, and libsoci does not export all of it.
    add_compile_options(-fsanitize=address,undefined -fno-sanitize=vptr -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# Fuzzing instruments every library for coverage; only the fuzz executables link libFuzzer's main.
if(COUNTER_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
