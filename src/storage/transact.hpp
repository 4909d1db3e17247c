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

// Inside an open transaction (a group commit's batch, or a use case calling another) the work
// runs in a savepoint instead: its error result or exception undoes only its own writes, and
// busy/serialization retries are the outer transaction's business.
template <typename Work>
auto transact_nested(Connection& connection, Work&& work) -> decltype(work()) {
  connection.execute_script("SAVEPOINT gz_nested");
  try {
    auto result = work();
    if (!result.ok()) connection.execute_script("ROLLBACK TO SAVEPOINT gz_nested");
    connection.execute_script("RELEASE SAVEPOINT gz_nested");
    return result;
  } catch (...) {
    try {
      connection.execute_script("ROLLBACK TO SAVEPOINT gz_nested");
      connection.execute_script("RELEASE SAVEPOINT gz_nested");
    } catch (...) {
    }
    throw;
  }
}

template <typename Work>
auto transact(Connection& connection, TxMode mode, Work&& work) -> decltype(work()) {
  if (connection.in_transaction()) return transact_nested(connection, work);
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
