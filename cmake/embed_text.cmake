# Turns a UTF-8 data file into a C++ source that defines `std::string_view <symbol>()`, so libraries without I/O
# (domain) can ship data tables. The file is regenerated whenever the data file changes.
set(COUNTER_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_text_run.cmake)

function(counter_embed_text target data_file namespace symbol)
    get_filename_component(abs ${data_file} ABSOLUTE)
    set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded/${symbol}.cpp)
    add_custom_command(
        OUTPUT ${out}
        COMMAND ${CMAKE_COMMAND} -DINPUT=${abs} -DOUTPUT=${out} -DNAMESPACE=${namespace} -DSYMBOL=${symbol}
                -P ${COUNTER_EMBED_SCRIPT}
        DEPENDS ${abs} ${COUNTER_EMBED_SCRIPT}
        COMMENT "Embedding ${data_file}"
        VERBATIM)
    target_sources(${target} PRIVATE ${out})
endfunction()
