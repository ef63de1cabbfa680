# CPack: a Debian package of the workstation and its tools, and on Windows an NSIS installer (docs/INSTALL.md says
# how to build both). Ends with include(CPack) as SOCI and Audacity do.
install(FILES ${PROJECT_SOURCE_DIR}/installer/counter.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/installer/counter.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

set(CPACK_PACKAGE_NAME counter)
set(CPACK_PACKAGE_VENDOR "Counter workstation team")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Counter workstation for telecom business halls")
set(CPACK_PACKAGE_CONTACT "counter-team@example.invalid")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Counter Workstation")
set(CPACK_RESOURCE_FILE_README ${PROJECT_SOURCE_DIR}/README.md)
if(WIN32)
    # Windows: an NSIS installer with a Start menu entry and a desktop shortcut, uninstallable from the Control Panel.
    # The wxWidgets, SOCI, curl and cairo DLLs are installed next to the executables by the Windows build (vcpkg's
    # applocal step); the forms and catalogs go under share/ as on Linux, where the programs look for them.
    set(CPACK_GENERATOR NSIS)
    set(CPACK_NSIS_DISPLAY_NAME "Counter Workstation")
    set(CPACK_NSIS_PACKAGE_NAME "Counter Workstation ${PROJECT_VERSION}")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_MODIFY_PATH OFF)
    set(CPACK_NSIS_INSTALLED_ICON_NAME bin\\counter.exe)
    set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
    set(CPACK_NSIS_CONTACT "counter-team@example.invalid")
    set(CPACK_PACKAGE_EXECUTABLES counter "Counter Workstation")
    set(CPACK_CREATE_DESKTOP_LINKS counter)
else()
    set(CPACK_GENERATOR DEB)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# Library dependencies are read from the binaries; fonts are needed to show Chinese at all.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk | fonts-wqy-zenhei")
include(CPack)
