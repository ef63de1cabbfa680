# The vendor-SDK reader backend (idcard/vendor_sdk_reader.h, idcard/wlt_decoder.h) against fake vendor libraries: the
# real ones need a reader on the desk. fake_sdtapi stands in for an sdtapi library, fake_sdtapi_nofp for one without
# SDT_ReadBaseFPMsg, fake_wlt for libwlt2bmp.so; the test loads them by the paths compiled into it.
add_library(fake_sdtapi SHARED ${CMAKE_CURRENT_LIST_DIR}/fake_sdtapi.cpp)
add_library(fake_sdtapi_nofp SHARED ${CMAKE_CURRENT_LIST_DIR}/fake_sdtapi.cpp)
target_compile_definitions(fake_sdtapi_nofp PRIVATE FAKE_SDTAPI_NO_FINGERPRINT)
add_library(fake_wlt SHARED ${CMAKE_CURRENT_LIST_DIR}/fake_wlt.cpp)
foreach(fake fake_sdtapi fake_sdtapi_nofp fake_wlt)
    target_include_directories(${fake} PRIVATE ${PROJECT_SOURCE_DIR})
    target_link_libraries(${fake} PRIVATE counter::warnings)
endforeach()

counter_add_test(idcard_vendor_tests LABEL idcard LIBS counter::idcard SOURCES idcard/vendor_sdk_reader_test.cpp)
target_compile_definitions(idcard_vendor_tests PRIVATE
    FAKE_SDTAPI_PATH="$<TARGET_FILE:fake_sdtapi>"
    FAKE_SDTAPI_NOFP_PATH="$<TARGET_FILE:fake_sdtapi_nofp>"
    FAKE_WLT_PATH="$<TARGET_FILE:fake_wlt>")
add_dependencies(idcard_vendor_tests fake_sdtapi fake_sdtapi_nofp fake_wlt)
