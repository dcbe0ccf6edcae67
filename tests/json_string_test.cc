// JSON strings written without nlohmann: the bytes nlohmann's dump writes,
// and invalid UTF-8 refused exactly where nlohmann refuses it.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "internal/json_string.h"

using clusterkg::internal::AppendJsonString;
using clusterkg::internal::AppendJsonStringChecked;

namespace {
// nlohmann's text for s, or "" when it finds s invalid UTF-8
std::string Nlohmann(const std::string& s) {
  try {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  } catch (const nlohmann::json::exception&) {
    return "";
  }
}
}  // namespace

TEST_CASE("valid strings are written as nlohmann writes them") {
  for (const std::string s :
       {std::string(""), std::string("plain ASCII"), std::string("深圳市人民政府"),
        std::string("quote \" backslash \\ slash /"), std::string("\b\f\n\r\t"),
        std::string("\x01\x1F\x7F", 3), std::string("\0nul", 4), std::string("emoji 😀 and é"),
        std::string("\xEF\xBF\xBF\xF4\x8F\xBF\xBF")}) {  // U+FFFF, U+10FFFF
    INFO(s);
    std::string checked = "x", plain = "x";
    REQUIRE(AppendJsonStringChecked(checked, s));
    AppendJsonString(plain, s);
    CHECK(checked == "x" + Nlohmann(s));
    CHECK(plain == checked);
  }
}

TEST_CASE("invalid UTF-8 is refused and nothing is written") {
  for (const std::string s : {
           std::string("\x80"),              // a continuation byte alone
           std::string("ab\xC0\xAF"),        // overlong
           std::string("\xE0\x80\xAF"),      // overlong, three bytes
           std::string("\xED\xA0\x80"),      // a surrogate
           std::string("\xF0\x8F\xBF\xBF"),  // overlong, four bytes
           std::string("\xF4\x90\x80\x80"),  // above U+10FFFF
           std::string("\xF5\x80\x80\x80"),  // no such lead byte
           std::string("深\xE5\x9C"),        // cut short at the end
           std::string("\xE5\x9C"
                       "a"),  // cut short before ASCII
       }) {
    INFO(s);
    std::string out = "kept";
    CHECK_FALSE(AppendJsonStringChecked(out, s));
    CHECK(out == "kept");
    CHECK(Nlohmann(s).empty());  // nlohmann refuses it too
  }
}

// Bytes are scanned sixteen at a time (SSE2), then eight, then one by one:
// whatever falls at any place of a run that takes all three is still seen.
TEST_CASE("a byte to escape or check is found wherever it falls in a run of ASCII") {
  const std::string run = "https://w3id.org/clusterkg/id/0123456789ab";  // 42 plain bytes
  for (const std::string x : {std::string("\""), std::string("\\"), std::string(1, '\0'),
                              std::string("\x1F"), std::string("\n"), std::string(" "),
                              std::string("\x7F"), std::string("深"), std::string("é")}) {
    for (size_t at = 0; at <= run.size(); ++at) {
      const std::string s = run.substr(0, at) + x + run.substr(at);
      INFO("byte " << static_cast<int>(static_cast<unsigned char>(x[0])) << " at " << at);
      std::string checked, plain;
      REQUIRE(AppendJsonStringChecked(checked, s));
      AppendJsonString(plain, s);
      CHECK(checked == Nlohmann(s));
      CHECK(plain == checked);
    }
  }
  for (size_t at = 0; at <= run.size(); ++at) {
    const std::string s = run.substr(0, at) + "\x80" + run.substr(at);
    INFO("continuation byte alone at " << at);
    std::string out;
    CHECK_FALSE(AppendJsonStringChecked(out, s));
  }
}

TEST_CASE("several bytes to escape in one block of sixteen are all escaped") {
  const std::string base = "0123456789abcdef0123456789abcdef";  // two blocks
  for (size_t a = 0; a < base.size(); ++a) {
    for (size_t b = a + 1; b < base.size(); ++b) {
      std::string s = base;
      s[a] = '"';
      s[b] = b % 2 ? '\n' : '\\';
      INFO("escapes at " << a << " and " << b);
      std::string plain = "x";
      AppendJsonString(plain, s);
      CHECK(plain == "x" + Nlohmann(s));
    }
  }
}
