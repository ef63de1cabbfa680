# The vendor-SDK reader backends (idcard/vendor_sdk_reader.h, idcard/cvr_sdk_reader.h, idcard/sdk_reader.h,
# idcard/wlt_decoder.h) against fake vendor libraries: the real ones need a reader on the desk. fake_sdtapi stands in
# for an sdtapi library, fake_sdtapi_nofp for one without SDT_ReadBaseFPMsg, fake_cvr for a 华视 CVR library,
# fake_cvr_old for an older one with the base getters only, fake_cvr_noaddress for one that lacks a required getter,
# fake_wlt for libwlt2bmp.so; the tests load them by the paths compiled into them.
add_library(fake_sdtapi SHARED ${CMAKE_CURRENT_LIST_DIR}/fake_sdtapi.cpp)
add_library(fake_sdtapi_nofp SHARED ${CMAKE_CURRENT_LIST_DIR}/fake_sdtapi.cpp)
target_compile_definitions(fake_sdtapi_nofp PRIVATE FAKE_SDTAPI_NO_FINGERPRINT)
add_library(fake_cvr SHARED ${CMAKE_CURRENT_LIST_DIR}/fake_cvr.cpp)
add_library(fake_cvr_old SHARED ${CMAKE_CURRENT_LIST_DIR}/fake_cvr.cpp)
target_compile_definitions(fake_cvr_old PRIVATE FAKE_CVR_OLD)
add_library(fake_cvr_noaddress SHARED ${CMAKE_CURRENT_LIST_DIR}/fake_cvr.cpp)
target_compile_definitions(fake_cvr_noaddress PRIVATE FAKE_CVR_NO_ADDRESS)
add_library(fake_wlt SHARED ${CMAKE_CURRENT_LIST_DIR}/fake_wlt.cpp)
set(fake_vendor_libraries fake_sdtapi fake_sdtapi_nofp fake_cvr fake_cvr_old fake_cvr_noaddress fake_wlt)
foreach(fake ${fake_vendor_libraries})
    target_include_directories(${fake} PRIVATE ${PROJECT_SOURCE_DIR})
    target_link_libraries(${fake} PRIVATE counter::warnings)
endforeach()

counter_add_test(idcard_vendor_tests LABEL idcard THREADS LIBS counter::idcard SOURCES
    idcard/vendor_sdk_reader_test.cpp
    idcard/cvr_sdk_reader_test.cpp
    idcard/card_read_test.cpp
    idcard/reader_address_test.cpp
)
target_compile_definitions(idcard_vendor_tests PRIVATE
    FAKE_SDTAPI_PATH="$<TARGET_FILE:fake_sdtapi>"
    FAKE_SDTAPI_NOFP_PATH="$<TARGET_FILE:fake_sdtapi_nofp>"
    FAKE_CVR_PATH="$<TARGET_FILE:fake_cvr>"
    FAKE_CVR_OLD_PATH="$<TARGET_FILE:fake_cvr_old>"
    FAKE_CVR_NOADDRESS_PATH="$<TARGET_FILE:fake_cvr_noaddress>"
    FAKE_WLT_PATH="$<TARGET_FILE:fake_wlt>")
add_dependencies(idcard_vendor_tests ${fake_vendor_libraries})
