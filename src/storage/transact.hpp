// Runs a use case inside a transaction and commits only when it succeeds: a Result error
// rolls everything back, so a check that fails half-way (stock gone after the balance was
// debited) leaves nothing behind. Busy/serialization failures are retried.
#pragma once

#include <chrono>
#include <thread>
#include <type_traits>

#include "core/result.hpp"
#include "storage/database.hpp"

namespace gz::storage {

template <typename Work>
auto transact(Connection& connection, TxMode mode, Work&& work) -> decltype(work()) {
  constexpr int kAttempts = 8;
  for (int attempt = 1;; ++attempt) {
    connection.begin(mode);
    try {
      auto result = work();
      if (result.ok()) {
        connection.commit();
      } else {
        connection.rollback();
      }
      return result;
    } catch (const DbError& error) {
      try {
        connection.rollback();
      } catch (...) {
      }
      if (error.kind() != DbErrorKind::busy || attempt == kAttempts) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
    } catch (...) {
      try {
        connection.rollback();
      } catch (...) {
      }
      throw;
    }
  }
}

}  // namespace gz::storage
