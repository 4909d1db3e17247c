#include "modules/points/demo/bulk_writing.hpp"

#include <string>

namespace gz::points::demo {

BulkWriting::BulkWriting(storage::Connection& db) : db_(db) {
  if (db_.dialect() == storage::Dialect::sqlite) {
    synchronous_ = db_.query_int("PRAGMA synchronous");
    autocheckpoint_pages_ = db_.query_int("PRAGMA wal_autocheckpoint");
    cache_size_ = db_.query_int("PRAGMA cache_size");
    db_.execute_script(
        "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=20000; PRAGMA cache_size=-65536");
  } else {
    db_.execute_script("SET synchronous_commit = off");
  }
}

BulkWriting::~BulkWriting() {
  try {
    if (db_.dialect() == storage::Dialect::sqlite) {
      db_.execute_script("PRAGMA synchronous=" + std::to_string(synchronous_) +
                         "; PRAGMA wal_autocheckpoint=" + std::to_string(autocheckpoint_pages_) +
                         "; PRAGMA cache_size=" + std::to_string(cache_size_) +
                         "; PRAGMA wal_checkpoint(TRUNCATE)");
    } else {
      db_.execute_script("RESET synchronous_commit");
    }
  } catch (...) {
    // Nothing more to do: these settings end with the connection anyway.
  }
}

}  // namespace gz::points::demo
