# Debian's libsoci-dev ships no CMake package, so this finds it and makes the targets SOCI's own build would:
# SOCI::core, SOCI::sqlite3 and SOCI::postgresql (the backends that are installed).
find_path(SOCI_INCLUDE_DIR soci/soci.h)
find_library(SOCI_CORE_LIBRARY NAMES soci_core)
find_library(SOCI_SQLITE3_LIBRARY NAMES soci_sqlite3)
find_library(SOCI_POSTGRESQL_LIBRARY NAMES soci_postgresql)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SOCI REQUIRED_VARS SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_SQLITE3_LIBRARY)

if(SOCI_FOUND AND NOT TARGET SOCI::core)
    add_library(SOCI::core UNKNOWN IMPORTED)
    set_target_properties(SOCI::core PROPERTIES
        IMPORTED_LOCATION ${SOCI_CORE_LIBRARY}
        INTERFACE_INCLUDE_DIRECTORIES ${SOCI_INCLUDE_DIR}
        INTERFACE_LINK_LIBRARIES ${CMAKE_DL_LIBS})
    add_library(SOCI::sqlite3 UNKNOWN IMPORTED)
    set_target_properties(SOCI::sqlite3 PROPERTIES
        IMPORTED_LOCATION ${SOCI_SQLITE3_LIBRARY}
        INTERFACE_LINK_LIBRARIES SOCI::core)
    # SOCI's PostgreSQL header includes libpq-fe.h, so its users need libpq's include folder (libpq-dev).
    find_package(PostgreSQL QUIET)
    if(SOCI_POSTGRESQL_LIBRARY AND PostgreSQL_FOUND)
        add_library(SOCI::postgresql UNKNOWN IMPORTED)
        set_target_properties(SOCI::postgresql PROPERTIES
            IMPORTED_LOCATION ${SOCI_POSTGRESQL_LIBRARY}
            INTERFACE_LINK_LIBRARIES "SOCI::core;PostgreSQL::PostgreSQL")
    endif()
endif()
mark_as_advanced(SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_SQLITE3_LIBRARY SOCI_POSTGRESQL_LIBRARY)
