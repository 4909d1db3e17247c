// The property module's contract: the property-fee trust fund (信托制物业), with its bills,
// payments, committee-approved expenses and quarterly fee adjustment, and the sharing of
// public revenue (公共收益分配), all posted in fen on the ledger. No other module calls it
// today, so this contract offers nothing; src/app wires its routes (routes.hpp) and demo
// (demo.hpp). A module that comes to need the fund asks through this header, not through
// trust_fund.hpp or revenue.hpp.
#pragma once
