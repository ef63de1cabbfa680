# The business pages (ui_pages) each in a bare frame, against the real `backoffice` process over loopback HTTPS,
# under Xvfb like gui_tests, in Chinese from the workstation's own compiled catalog (the i18n target).
if(COUNTER_BUILD_GUI)
    counter_add_test(pages_gui_tests LABEL gui NO_DISCOVER OWN_MAIN THREADS
        LIBS counter::ui_pages counter::ui backoffice_test_support SOURCES
        gui/gui_main.cpp
        gui/order_tracking_page_test.cpp
        gui/acceptance_page_test.cpp
        gui/install_offline_page_test.cpp
        gui/settings_page_test.cpp
        gui/group_opening_page_test.cpp
        gui/payments_page_test.cpp
        gui/staff_admin_page_test.cpp
        gui/group_members_page_test.cpp
        gui/sync_status_page_test.cpp
        gui/reports_page_test.cpp
        gui/line_changes_page_test.cpp
        gui/ui_stall_test.cpp
        gui/expired_session_page_test.cpp
        ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0" "COUNTER_LOCALE_DIR=${COUNTER_LOCALE_DIR_BUILD}"
                    "COUNTER_GUI_SCREENSHOTS=${CMAKE_BINARY_DIR}/gui-screenshots")
    add_dependencies(pages_gui_tests i18n)
    # The member import test makes its workbook with libxlsxwriter (tests/workflows/support/xlsx_fixture.h).
    pkg_check_modules(xlsxwriter REQUIRED IMPORTED_TARGET xlsxwriter)
    target_link_libraries(pages_gui_tests PRIVATE PkgConfig::xlsxwriter)
    set_tests_properties(pages_gui_tests PROPERTIES RESOURCE_LOCK x_display) # see gui_tests
    target_compile_definitions(pages_gui_tests PRIVATE COUNTER_FORMS_DIR="${PROJECT_SOURCE_DIR}/forms")
endif()
