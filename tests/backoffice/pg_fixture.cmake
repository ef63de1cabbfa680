# A private PostgreSQL cluster for the tests that need one, as the ctest fixture `postgres`: backoffice:pg_start
# creates it in the build folder (loopback only, a free port, database counter_test) before the first test that
# requires it, backoffice:pg_stop stops and removes it after the last. Both first remove what an aborted run left.
# Included from tests/CMakeLists.txt, after include(counter_testing). A test that needs PostgreSQL:
#
#   counter_add_test(foo_tests LABEL backoffice LIBS SOCI::postgresql ... SOURCES ...
#       ENVIRONMENT "COUNTER_PG_CONNINFO_FILE=${COUNTER_PG_CONNINFO_FILE}"
#       PROPERTIES FIXTURES_REQUIRED postgres)
#
# and reads the SOCI connection string ("host=127.0.0.1 port=N dbname=counter_test user=counter") from that file.
set(COUNTER_PG_CLUSTER_DIR ${CMAKE_BINARY_DIR}/pg-test-cluster)
set(COUNTER_PG_CONNINFO_FILE ${COUNTER_PG_CLUSTER_DIR}/conninfo)
set(COUNTER_PG_CLUSTER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/pg_cluster.sh)

add_test(NAME backoffice:pg_start COMMAND ${COUNTER_PG_CLUSTER_SCRIPT} start ${COUNTER_PG_CLUSTER_DIR})
set_tests_properties(backoffice:pg_start PROPERTIES
    FIXTURES_SETUP postgres LABELS backoffice TIMEOUT 180)
add_test(NAME backoffice:pg_stop COMMAND ${COUNTER_PG_CLUSTER_SCRIPT} stop ${COUNTER_PG_CLUSTER_DIR})
set_tests_properties(backoffice:pg_stop PROPERTIES
    FIXTURES_CLEANUP postgres LABELS backoffice TIMEOUT 120)

if(TARGET SOCI::postgresql)
    counter_add_test(backoffice_pg_smoke_tests LABEL backoffice LIBS SOCI::postgresql SOCI::core
        SOURCES backoffice/pg_smoke_test.cpp
        ENVIRONMENT "COUNTER_PG_CONNINFO_FILE=${COUNTER_PG_CONNINFO_FILE}"
        PROPERTIES FIXTURES_REQUIRED postgres)
else()
    message(WARNING "SOCI's PostgreSQL backend or libpq (libpq-dev) not found: backoffice_pg_smoke_tests not built")
endif()
