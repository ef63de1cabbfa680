# The back office assembled in-process (EmbeddedBackoffice), talked to through the workstation's own client.
counter_add_test(backoffice_embedded_tests LABEL backoffice THREADS LIBS counter::backoffice_core counter::bssclient SOURCES
    backoffice/embedded_test.cpp)
