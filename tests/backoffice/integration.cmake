# The back office end to end: each test case starts the real `backoffice` on a loopback port with real TLS and demo
# data, and talks to it with libcurl. The same cases run twice: on SQLite, and on PostgreSQL in the private cluster
# of the `postgres` fixture (pg_fixture.cmake), each case in a database of its own.
add_library(backoffice_test_support STATIC
    backoffice/support/backoffice_process.cpp
    backoffice/support/bss_test_client.cpp
    backoffice/support/scenario.cpp
)
target_link_libraries(backoffice_test_support PUBLIC counter::contract CURL::libcurl Catch2::Catch2
    SOCI::postgresql SOCI::sqlite3 counter::warnings)
target_compile_definitions(backoffice_test_support PRIVATE BACKOFFICE_PATH="$<TARGET_FILE:backoffice>")
add_dependencies(backoffice_test_support backoffice)

set(backoffice_integration_sources
    backoffice/integration/auth_test.cpp
    backoffice/integration/customers_test.cpp
    backoffice/integration/orders_test.cpp
    backoffice/integration/payments_test.cpp
    backoffice/integration/protocol_test.cpp
    backoffice/integration/hostile_test.cpp
)
counter_add_test(backoffice_sqlite_tests LABEL backoffice.sqlite THREADS LIBS backoffice_test_support
    SOURCES ${backoffice_integration_sources}
    ENVIRONMENT "COUNTER_BACKOFFICE_DB=sqlite")
counter_add_test(backoffice_pg_tests LABEL backoffice.postgresql LIBS backoffice_test_support
    SOURCES ${backoffice_integration_sources}
    ENVIRONMENT "COUNTER_BACKOFFICE_DB=postgresql" "COUNTER_PG_CONNINFO_FILE=${COUNTER_PG_CONNINFO_FILE}"
    PROPERTIES FIXTURES_REQUIRED postgres)
