counter_add_test(backoffice_demo_tests LABEL backoffice LIBS counter::backoffice_core counter::idcard SOURCES backoffice/demo_data_test.cpp)
