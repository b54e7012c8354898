// Diagnostics and Costs moved out of Data and Routing (issue #11); imported here once so every file keeps compiling.
global using Caravan.Costs;
global using Caravan.Diagnostics;
