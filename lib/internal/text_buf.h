// A growing byte buffer for writing text a piece at a time, cheaper than
// std::string's appends: room is made without filling it, and the common
// case (the room is there) is a compare and a copy, inlined.
//
//   TextBuf b;
//   b += '{';
//   b.append(R"("a":)");
//   char* d = b.Extend(3);  // then write all three bytes at d
//   std::string_view text = b.view();
//
// Memory: the most it ever held, until destroyed.
#ifndef CLUSTERKG_LIB_INTERNAL_TEXT_BUF_H_
#define CLUSTERKG_LIB_INTERNAL_TEXT_BUF_H_

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace clusterkg::internal {

class TextBuf {
 public:
  TextBuf() : data_(new char[kFirst]), cap_(kFirst) {}
  TextBuf(const TextBuf&) = delete;
  TextBuf& operator=(const TextBuf&) = delete;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const char* data() const { return data_.get(); }
  std::string_view view() const { return {data_.get(), size_}; }
  char back() const { return data_[size_ - 1]; }
  void clear() { size_ = 0; }

  // Makes the text n bytes longer and returns where those bytes start;
  // the caller writes all n of them.
  char* Extend(size_t n) {
    if (n > cap_ - size_) Grow(n);
    char* d = data_.get() + size_;
    size_ += n;
    return d;
  }
  void append(const char* p, size_t n) { std::memcpy(Extend(n), p, n); }
  void append(std::string_view s) { append(s.data(), s.size()); }
  void append(size_t n, char c) { std::memset(Extend(n), c, n); }
  TextBuf& operator+=(char c) {
    *Extend(1) = c;
    return *this;
  }
  TextBuf& operator+=(std::string_view s) {
    append(s);
    return *this;
  }

 private:
  static constexpr size_t kFirst = 4096;
  void Grow(size_t n) {
    const size_t cap = std::max(cap_ * 2, size_ + n);
    std::unique_ptr<char[]> d(new char[cap]);
    std::memcpy(d.get(), data_.get(), size_);
    data_ = std::move(d);
    cap_ = cap;
  }
  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
  size_t cap_;
};

// n more bytes at the end of `out`, to be written by the caller: where
// they start. (The JSON string writers take either kind of text.)
inline char* AppendRaw(std::string& out, size_t n) {
  const size_t at = out.size();
  out.resize(at + n);
  return out.data() + at;
}
inline char* AppendRaw(TextBuf& out, size_t n) { return out.Extend(n); }

}  // namespace clusterkg::internal

#endif  // CLUSTERKG_LIB_INTERNAL_TEXT_BUF_H_
