counter_add_test(backoffice_http_tests LABEL backoffice THREADS LIBS counter::backoffice_http CURL::libcurl SOURCES
    backoffice/http_server_test.cpp
    backoffice/tls_material_test.cpp)
