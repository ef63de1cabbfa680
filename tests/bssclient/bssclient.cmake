# The back-office client. Unit tests link only bssclient (and curl, for the failure table's codes). The integration
# tests put BssClient in front of servers: the back office's own HTTPS transport with scripted, misbehaving handlers
# (and a TCP listener that resets), and the real `backoffice` executable on loopback over SQLite, started by the
# back office's test support (tests/backoffice/integration.cmake), which also builds the executable.
counter_add_test(bssclient_tests LABEL bssclient LIBS counter::bssclient CURL::libcurl SOURCES
    bssclient/endpoint_test.cpp
    bssclient/backoff_test.cpp
    bssclient/call_error_test.cpp
)
counter_add_test(bssclient_integration_tests LABEL bssclient THREADS
    LIBS counter::bssclient counter::backoffice_http backoffice_test_support CURL::libcurl Boost::boost
    SOURCES
        bssclient/misbehaving_server.cpp
        bssclient/bss_client_fault_test.cpp
        bssclient/bss_client_backoffice_test.cpp
    ENVIRONMENT "COUNTER_BACKOFFICE_DB=sqlite")
