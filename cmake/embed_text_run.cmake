# Script mode helper for counter_embed_text(): writes the file as hex bytes, which every compiler accepts whatever
# the size or the characters (raw string literals have length limits on some compilers).
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR byte_count "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "((('[^']+',){32}))" "\\1\n" bytes "${bytes}")
file(WRITE ${OUTPUT} "// Generated from ${INPUT} by embed_text_run.cmake. Do not edit.\n#include <string_view>\n\n"
    "namespace ${NAMESPACE} {\nnamespace {\nconstexpr char kData[] = {\n${bytes}'\\0'};\n}\n\n"
    "std::string_view ${SYMBOL}()\n{\n    return {kData, ${byte_count}};\n}\n\n} // namespace ${NAMESPACE}\n")
