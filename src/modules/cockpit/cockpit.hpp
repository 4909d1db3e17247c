// The data cockpit's contract (数据驾驶舱): a live snapshot of a community's or a street's
// indicators, open warnings, today's requests and the audit-chain head, served as JSON and as
// Server-Sent Events. It sits at the top: it reads other modules through their contracts and
// no module calls it, so this contract offers nothing. src/app wires its routes (routes.hpp);
// a module that comes to need the snapshot includes it through this header, not snapshot.hpp.
#pragma once
