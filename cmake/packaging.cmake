# CPack: a Debian package of the workstation and its tools (the NSIS configuration for Windows joins it with the
# installer issue). Ends with include(CPack) as SOCI and Audacity do.
install(FILES ${PROJECT_SOURCE_DIR}/installer/counter.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/installer/counter.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

set(CPACK_PACKAGE_NAME counter)
set(CPACK_PACKAGE_VENDOR "Counter workstation team")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Counter workstation for telecom business halls")
set(CPACK_PACKAGE_CONTACT "counter-team@example.invalid")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# Library dependencies are read from the binaries; fonts are needed to show Chinese at all.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk | fonts-wqy-zenhei")
include(CPack)
