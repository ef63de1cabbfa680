# The workstation core end to end: workflows and the sync worker against the real `backoffice` on loopback HTTPS
# (SQLite), and the fault tests that kill the core (order_driver, a real process) and the back office mid-run.
add_executable(order_driver workflows/support/order_driver.cpp)
target_link_libraries(order_driver PRIVATE counter::workflows counter::backoffice_core CLI11::CLI11 counter::warnings)
target_include_directories(order_driver PRIVATE ${PROJECT_SOURCE_DIR})

counter_add_test(workflows_backoffice_tests LABEL workflows.backoffice THREADS
    LIBS counter::workflows backoffice_test_support SOURCES
    workflows/sync_worker_test.cpp
    workflows/customer_workflows_test.cpp
    workflows/install_workflow_test.cpp
    workflows/payment_workflow_test.cpp
    workflows/staff_administration_test.cpp
    workflows/service_changes_test.cpp
    workflows/outbox_fault_test.cpp
    workflows/open_customer_test.cpp
    workflows/group_members_test.cpp
    workflows/order_tracking_test.cpp
    workflows/sync_error_desk_test.cpp
    workflows/address_picker_test.cpp
    workflows/form_documents_test.cpp
    workflows/volume_report_test.cpp
    workflows/workstation_test.cpp
    workflows/desk_views_test.cpp
    printing/pdf_words.cpp
    ENVIRONMENT "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/printing/lsan.supp:print_suppressions=0"
)
target_compile_definitions(workflows_backoffice_tests PRIVATE ORDER_DRIVER_PATH="$<TARGET_FILE:order_driver>")
add_dependencies(workflows_backoffice_tests order_driver)
# The forms built from the store are printed through PrintDesk and read back with pdftotext (tests/printing's helper).
target_compile_definitions(workflows_backoffice_tests PRIVATE COUNTER_FORMS_DIR="${PROJECT_SOURCE_DIR}/forms"
    PDFTOTEXT_PATH="${PDFTOTEXT_PROGRAM}")
target_include_directories(workflows_backoffice_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests/printing)

# Member import tests make their XLSX workbooks with libxlsxwriter, so no binary fixtures live in git.
pkg_check_modules(xlsxwriter REQUIRED IMPORTED_TARGET xlsxwriter)
target_link_libraries(workflows_tests PRIVATE PkgConfig::xlsxwriter)
target_link_libraries(workflows_backoffice_tests PRIVATE PkgConfig::xlsxwriter)
# The report export's workbook is opened with libzip to check its styles, sums and column widths.
pkg_check_modules(libzip REQUIRED IMPORTED_TARGET libzip)
target_link_libraries(workflows_backoffice_tests PRIVATE PkgConfig::libzip)

# Printing at the counter without a printer (archive, audit, calibration settings): needs the forms and fonts only.
counter_add_test(print_desk_tests LABEL workflows LIBS counter::workflows SOURCES workflows/print_desk_test.cpp
    ENVIRONMENT "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/printing/lsan.supp:print_suppressions=0")
target_compile_definitions(print_desk_tests PRIVATE COUNTER_FORMS_DIR="${PROJECT_SOURCE_DIR}/forms")
