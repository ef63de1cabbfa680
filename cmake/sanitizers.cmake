# The debug preset turns these on for every target, tests included.
if(COUNTER_SANITIZE)
    # vptr checks need the typeinfo of every polymorphic class we touch, and libsoci does not export all of it.
    add_compile_options(-fsanitize=address,undefined -fno-sanitize=vptr -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# Fuzzing instruments every library for coverage; only the fuzz executables link libFuzzer's main.
if(COUNTER_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
