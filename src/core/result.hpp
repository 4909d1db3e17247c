// Result<T>: a value or an Error. Failure is part of the type and must be looked at.
#pragma once

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

#include "core/error.hpp"

namespace gz {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : data_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(data_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(data_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(data_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(data_);
  }
  Error&& take_error() {
    assert(!ok());
    return std::get<1>(std::move(data_));
  }

 private:
  std::variant<T, Error> data_;
};

struct Unit {};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design
  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const {
    assert(!ok());
    return *error_;
  }
  Error&& take_error() {
    assert(!ok());
    return std::move(*error_);
  }

 private:
  std::optional<Error> error_;
};

}  // namespace gz

// Propagate an error from an expression returning Result<...>.
#define GZ_TRY(expr)                                              \
  do {                                                            \
    auto gz_try_result_ = (expr);                                 \
    if (!gz_try_result_.ok()) return gz_try_result_.take_error(); \
  } while (0)

// Abseil's ASSIGN_OR_RETURN: `GZ_ASSIGN_OR_RETURN(auto plan, get_plan(db, actor, id));` declares
// (or assigns) the value of a Result, or returns its error from the enclosing function.
#define GZ_CONCAT_INNER_(a, b) a##b
#define GZ_CONCAT_(a, b) GZ_CONCAT_INNER_(a, b)
#define GZ_ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                              \
  if (!result.ok()) return result.take_error();      \
  lhs = std::move(result).value()
#define GZ_ASSIGN_OR_RETURN(lhs, expr) \
  GZ_ASSIGN_OR_RETURN_IMPL_(GZ_CONCAT_(gz_assign_result_, __LINE__), lhs, expr)
