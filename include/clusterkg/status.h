// File: clusterkg/status.h
//
// Error reporting for the whole library, in the shape of absl::Status.
// Only boundaries fail (loading an article, compiling a rule pack, writing
// output); matching and resolving work on validated input and cannot fail.
// The library never throws across its API, never prints and never aborts.
//
//   clusterkg::Result<clusterkg::Document> doc = clusterkg::LoadFile("a.html");
//   if (!doc.ok()) std::cerr << doc.status().ToString() << "\n";
//
// Messages carry their location: "a.html: byte 1043: invalid UTF-8".
#ifndef CLUSTERKG_STATUS_H_
#define CLUSTERKG_STATUS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace clusterkg {

// A small canonical set. Switch on it only with a `default:` case.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the input is malformed: bad UTF-8, empty article
  kNotFound,         // a file or directory does not exist
  kParseError,       // a rule pack, YAML or JSON record does not parse
  kUnsupported,      // a format or option the library does not handle
  kIoError,          // the operating system refused a read or write
  kInternal,         // a bug in clusterkg
};

// "ok", "invalid argument", ... for messages.
std::string_view StatusCodeName(StatusCode code);

// WHAT THIS REPRESENTS: success, or an error code with a message that names
// the file and position. THREAD SAFETY: a value type.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  [[nodiscard]] bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid argument: a.txt: byte 12: invalid UTF-8", or "ok".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status OkStatus() { return Status(); }
inline Status InvalidArgumentError(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status NotFoundError(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status ParseError(std::string m) { return {StatusCode::kParseError, std::move(m)}; }
inline Status UnsupportedError(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status InternalError(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// WHAT THIS REPRESENTS: a value of type T or the Status saying why there is
// none. requires: a Result built from a Status holds a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    if (status_.ok()) status_ = InternalError("Result built from an ok Status");
  }

  [[nodiscard]] bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  // requires: ok().
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace clusterkg

#endif  // CLUSTERKG_STATUS_H_
