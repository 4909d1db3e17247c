// The reports module's contract: the quarterly report of a community or a street (the
// indicators and their trend, warnings, improvement tasks, plans with their fairness, the
// requests' rates) as HTML, CSV or XLSX. It sits at the top: it reads other modules through
// their contracts and no module calls it, so this contract offers nothing. src/app wires its
// routes (routes.hpp); `gongzhi report` (src/cli) builds and writes the report through
// report.hpp, document.hpp and xlsx.hpp.
#pragma once
