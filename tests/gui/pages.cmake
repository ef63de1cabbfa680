# The business pages (ui_pages: order tracking, sync status) each in a bare frame, against the real `backoffice`
# process over loopback HTTPS, under Xvfb like gui_tests. Their strings wait in i18n/pending/pages.po until merged
# into the catalogs; the tests compile that file to a catalog of its own so the pages are checked in Chinese.
if(COUNTER_BUILD_GUI)
    find_package(Gettext REQUIRED)
    set(pages_locale ${CMAKE_CURRENT_BINARY_DIR}/pages-locale)
    set(pages_mo ${pages_locale}/zh_CN/LC_MESSAGES/counter-pages.mo)
    add_custom_command(
        OUTPUT ${pages_mo}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${pages_locale}/zh_CN/LC_MESSAGES
        COMMAND ${GETTEXT_MSGFMT_EXECUTABLE} --check --output-file=${pages_mo}
                ${PROJECT_SOURCE_DIR}/i18n/pending/pages.po
        DEPENDS ${PROJECT_SOURCE_DIR}/i18n/pending/pages.po
        COMMENT "Compiling the pages' pending zh_CN catalog"
        VERBATIM)
    add_custom_target(pages_pending_catalog DEPENDS ${pages_mo})
    counter_add_test(pages_gui_tests LABEL gui NO_DISCOVER OWN_MAIN
        LIBS counter::ui_pages backoffice_test_support SOURCES
        gui/gui_main.cpp
        gui/order_tracking_page_test.cpp
        gui/sync_status_page_test.cpp
        ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0" "COUNTER_PAGES_LOCALE_DIR=${pages_locale}"
                    "COUNTER_GUI_SCREENSHOTS=${CMAKE_BINARY_DIR}/gui-screenshots")
    add_dependencies(pages_gui_tests pages_pending_catalog)
endif()
