# printing: the template parser, the layout, the PDF archive and calibration values, without a display; the wx print
# path in its own executable under the virtual X server (./test.sh runs ctest inside xvfb-run); counterctl print as
# its users run it. PDF tests read the PDFs back with pdftotext from poppler-utils (scripts/deps.txt).
find_program(PDFTOTEXT_PROGRAM pdftotext)
if(NOT PDFTOTEXT_PROGRAM)
    message(WARNING "pdftotext not found (poppler-utils): the printing PDF tests will fail until it is installed")
endif()
# cairo and fontconfig keep a few allocations until exit; the suppressions name them so our own leaks still show.
set(COUNTER_PRINTING_TEST_ENV "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/lsan.supp:print_suppressions=0")

counter_add_test(printing_tests LABEL printing LIBS counter::printing pugixml::pugixml SOURCES
    printing/qr_code_test.cpp
    printing/template_parser_test.cpp
    printing/form_data_test.cpp
    printing/layout_test.cpp
    printing/pdf_test.cpp
    printing/calibration_test.cpp
    printing/pdf_words.cpp
    ENVIRONMENT ${COUNTER_PRINTING_TEST_ENV})
target_compile_definitions(printing_tests PRIVATE
    FORMS_DIR="${PROJECT_SOURCE_DIR}/forms" PDFTOTEXT_PATH="${PDFTOTEXT_PROGRAM}")

counter_add_test(counterctl_print_tests LABEL tools LIBS counter::printing pugixml::pugixml SOURCES
    tools/counterctl_print_test.cpp
    printing/pdf_words.cpp
    ENVIRONMENT ${COUNTER_PRINTING_TEST_ENV})
target_compile_definitions(counterctl_print_tests PRIVATE COUNTERCTL_PATH="$<TARGET_FILE:counterctl>"
    FORMS_DIR="${PROJECT_SOURCE_DIR}/forms" PDFTOTEXT_PATH="${PDFTOTEXT_PROGRAM}")
target_include_directories(counterctl_print_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR})
add_dependencies(counterctl_print_tests counterctl)

# counterctl print-order: a workstation's cache (made here through the workflows) printed as the counter would.
counter_add_test(counterctl_print_order_tests LABEL tools LIBS counter::workflows SOURCES
    tools/counterctl_print_order_test.cpp
    ENVIRONMENT ${COUNTER_PRINTING_TEST_ENV})
target_compile_definitions(counterctl_print_order_tests PRIVATE COUNTERCTL_PATH="$<TARGET_FILE:counterctl>"
    FORMS_DIR="${PROJECT_SOURCE_DIR}/forms")
add_dependencies(counterctl_print_order_tests counterctl)

if(COUNTER_BUILD_GUI)
    # GTK keeps caches alive until exit, which LeakSanitizer would report as leaks of ours (as in gui_tests).
    counter_add_test(printing_wx_tests LABEL printing NO_DISCOVER OWN_MAIN LIBS counter::printing_wx SOURCES
        gui/gui_main.cpp
        printing/wx_print_test.cpp
        ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0")
    target_compile_definitions(printing_wx_tests PRIVATE FORMS_DIR="${PROJECT_SOURCE_DIR}/forms")
endif()
