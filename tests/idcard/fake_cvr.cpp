// A stand-in for 华视's CVR library (Termb.dll / libtermb.so), built as a shared library so CvrSdkReader loads it
// exactly as it loads the real one. Every CVR_* function and getter answers with the value the test set for it
// (fake_cvr_set; 1 is success), getters hand out the bytes the test set (fake_cvr_set_text, GB18030 like the real
// library) and calls are counted (fake_cvr_get). The default card is a resident card whose text is spelt out here
// in GB18030 bytes, so the tests check the conversion against bytes that did not come from our own converter.
// Built three times: fake_cvr (a newer build: card types, SAM id, photo, fingerprint), fake_cvr_old
// (FAKE_CVR_OLD: the base getters only, as older builds that read resident cards) and fake_cvr_noaddress
// (FAKE_CVR_NO_ADDRESS: GetPeopleAddress missing, a library the reader must refuse).

#include "idcard/cvr_sdk_reader.h" // IDCARD_CVR_CALL

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <string>

#if defined(_WIN32)
#define FAKE_EXPORT extern "C" __declspec(dllexport)
#else
#define FAKE_EXPORT extern "C" __attribute__((visibility("default")))
#endif

namespace {

// The reader service test changes answers while the service's worker calls the library.
std::mutex& lock()
{
    static std::mutex mutex;
    return mutex;
}

// Return values by function name ("length NAME" overrides the length a getter reports), "calls NAME" counts,
// "port" and "active" record the arguments of CVR_InitComm and CVR_Read_Content.
std::map<std::string, int>& values()
{
    static std::map<std::string, int> state;
    return state;
}

// What each getter hands out, as raw bytes.
std::map<std::string, std::string>& texts()
{
    static std::map<std::string, std::string> state;
    return state;
}

void defaults()
{
    values().clear();
    texts() = {
        {"GetCertType", " "},
        {"GetPeopleName", "\xc0\xee\xd0\xe3\xd3\xa2"}, // 李秀英
        {"GetPeopleSex", "\xc5\xae"},                  // 女
        {"GetPeopleNation", "\xba\xba"},               // 汉
        {"GetPeopleBirthday", "19491231"},
        // 北京市东城区景山前街4号
        {"GetPeopleAddress", "\xb1\xb1\xbe\xa9\xca\xd0\xb6\xab\xb3\xc7\xc7\xf8\xbe\xb0\xc9\xbd\xc7\xb0\xbd\xd6"
                             "4\xba\xc5"},
        {"GetPeopleIDCode", "11010519491231002X"},
        // 北京市公安局东城分局
        {"GetDepartment", "\xb1\xb1\xbe\xa9\xca\xd0\xb9\xab\xb0\xb2\xbe\xd6\xb6\xab\xb3\xc7\xb7\xd6\xbe\xd6"},
        {"GetStartDate", "20100101"},
        {"GetEndDate", "\xb3\xa4\xc6\xda"}, // 长期
        {"GetPassCheckID", ""},
        {"GetIssuesNum", ""},
        {"GetPeopleChineseName", ""},
        {"GetPeopleCertVersion", ""},
    };
}

void ensure_defaults()
{
    if (texts().empty()) {
        defaults();
    }
}

int answer(const std::string& function)
{
    ensure_defaults();
    ++values()["calls " + function];
    const auto found = values().find(function);
    return found == values().end() ? 1 : found->second;
}

/// Writes a block of bytes, at most the room the caller said it has (*length on entry), and reports its length (or
/// the "length NAME" the test set, which may be a lie the reader must refuse).
int put_bytes(const std::string& function, const std::string& bytes, unsigned char* out, int* length)
{
    const int result = answer(function);
    if (result != 1) {
        return result;
    }
    const std::size_t room = *length > 0 ? static_cast<std::size_t>(*length) : 0;
    const std::size_t written = std::min(bytes.size(), room);
    std::memcpy(out, bytes.data(), written);
    const auto lie = values().find("length " + function);
    *length = lie == values().end() ? static_cast<int>(bytes.size()) : lie->second;
    return result;
}

int getter(const char* function, unsigned char* out, int* length)
{
    std::lock_guard guard(lock());
    ensure_defaults();
    return put_bytes(function, texts()[function], out, length);
}

/// A 102 x 126 24-bit BMP: the header the reader checks, pixels in a fixed pattern.
[[maybe_unused]] std::string bmp()
{
    std::string out(38862, '\0');
    out[0] = 'B';
    out[1] = 'M';
    for (std::size_t i = 54; i < out.size(); ++i) {
        out[i] = static_cast<char>((i * 5 + 1) & 0xFF);
    }
    return out;
}

} // namespace

FAKE_EXPORT void fake_cvr_reset()
{
    std::lock_guard guard(lock());
    defaults();
}

FAKE_EXPORT void fake_cvr_set(const char* key, int value)
{
    std::lock_guard guard(lock());
    ensure_defaults();
    values()[key] = value;
}

FAKE_EXPORT void fake_cvr_set_text(const char* getter_name, const char* bytes)
{
    std::lock_guard guard(lock());
    ensure_defaults();
    texts()[getter_name] = bytes;
}

FAKE_EXPORT int fake_cvr_get(const char* key)
{
    std::lock_guard guard(lock());
    const auto found = values().find(key);
    return found == values().end() ? 0 : found->second;
}

FAKE_EXPORT int IDCARD_CVR_CALL CVR_InitComm(int port)
{
    std::lock_guard guard(lock());
    values()["port"] = port;
    return answer("CVR_InitComm");
}

FAKE_EXPORT int IDCARD_CVR_CALL CVR_CloseComm()
{
    std::lock_guard guard(lock());
    return answer("CVR_CloseComm");
}

FAKE_EXPORT int IDCARD_CVR_CALL CVR_Authenticate()
{
    std::lock_guard guard(lock());
    return answer("CVR_Authenticate");
}

FAKE_EXPORT int IDCARD_CVR_CALL CVR_Read_Content(int active)
{
    std::lock_guard guard(lock());
    values()["active"] = active;
    return answer("CVR_Read_Content");
}

FAKE_EXPORT int IDCARD_CVR_CALL GetPeopleName(unsigned char* out, int* length)
{
    return getter("GetPeopleName", out, length);
}

FAKE_EXPORT int IDCARD_CVR_CALL GetPeopleSex(unsigned char* out, int* length)
{
    return getter("GetPeopleSex", out, length);
}

FAKE_EXPORT int IDCARD_CVR_CALL GetPeopleNation(unsigned char* out, int* length)
{
    return getter("GetPeopleNation", out, length);
}

FAKE_EXPORT int IDCARD_CVR_CALL GetPeopleBirthday(unsigned char* out, int* length)
{
    return getter("GetPeopleBirthday", out, length);
}

#ifndef FAKE_CVR_NO_ADDRESS
FAKE_EXPORT int IDCARD_CVR_CALL GetPeopleAddress(unsigned char* out, int* length)
{
    return getter("GetPeopleAddress", out, length);
}
#endif

FAKE_EXPORT int IDCARD_CVR_CALL GetPeopleIDCode(unsigned char* out, int* length)
{
    return getter("GetPeopleIDCode", out, length);
}

FAKE_EXPORT int IDCARD_CVR_CALL GetDepartment(unsigned char* out, int* length)
{
    return getter("GetDepartment", out, length);
}

FAKE_EXPORT int IDCARD_CVR_CALL GetStartDate(unsigned char* out, int* length)
{
    return getter("GetStartDate", out, length);
}

FAKE_EXPORT int IDCARD_CVR_CALL GetEndDate(unsigned char* out, int* length)
{
    return getter("GetEndDate", out, length);
}

#ifndef FAKE_CVR_OLD
FAKE_EXPORT int IDCARD_CVR_CALL CVR_GetSAMID(char* sam_id)
{
    std::lock_guard guard(lock());
    const int result = answer("CVR_GetSAMID");
    if (result == 1) {
        std::strcpy(sam_id, "05.01-20101010-0000000456-1234567890");
    }
    return result;
}

FAKE_EXPORT int IDCARD_CVR_CALL CVR_Read_FPContent()
{
    std::lock_guard guard(lock());
    return answer("CVR_Read_FPContent");
}

FAKE_EXPORT int IDCARD_CVR_CALL GetFPDate(unsigned char* out, int* length)
{
    std::string fingerprint(1024, '\0');
    for (std::size_t i = 0; i < fingerprint.size(); ++i) {
        fingerprint[i] = static_cast<char>((i * 13 + 5) & 0xFF);
    }
    std::lock_guard guard(lock());
    return put_bytes("GetFPDate", fingerprint, out, length);
}

FAKE_EXPORT int IDCARD_CVR_CALL GetBMPData(unsigned char* out, int* length)
{
    const std::string picture = bmp();
    std::lock_guard guard(lock());
    return put_bytes("GetBMPData", picture, out, length);
}

FAKE_EXPORT int IDCARD_CVR_CALL GetCertType(unsigned char* out, int* length)
{
    return getter("GetCertType", out, length);
}

FAKE_EXPORT int IDCARD_CVR_CALL GetPassCheckID(unsigned char* out, int* length)
{
    return getter("GetPassCheckID", out, length);
}

FAKE_EXPORT int IDCARD_CVR_CALL GetIssuesNum(unsigned char* out, int* length)
{
    return getter("GetIssuesNum", out, length);
}

FAKE_EXPORT int IDCARD_CVR_CALL GetPeopleChineseName(unsigned char* out, int* length)
{
    return getter("GetPeopleChineseName", out, length);
}

FAKE_EXPORT int IDCARD_CVR_CALL GetPeopleCertVersion(unsigned char* out, int* length)
{
    return getter("GetPeopleCertVersion", out, length);
}
#endif
