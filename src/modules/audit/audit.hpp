// The audit module's contract: the hash chain every write of every module is recorded in, and
// what other modules may call of it. Today they use:
//   - audit_log.hpp: append a Record (with the tracked rows it changed) inside the write's
//     transaction, system_actor(), the Appender that batches many entries, the newest seq of
//     a community (latest_seqs), the head and verify;
//   - tracked.hpp: how a module describes the tables whose rows the chain records (Tracked,
//     RowRef, row_content);
//   - kept.hpp: Kept, values cached per community until its next audited write (stamps);
//   - row_check.hpp: comparing tracked tables with the chain (verify_rows,
//     read_recorded_rows, adopt), which `ledger verify` runs.
// The chain's pure rules (chain.hpp, row_states.hpp) come along as those headers need them.
// Checkpoints and routes are wired by src/app and src/cli only.
#pragma once

#include "modules/audit/audit_log.hpp"
#include "modules/audit/kept.hpp"
#include "modules/audit/row_check.hpp"
#include "modules/audit/tracked.hpp"
