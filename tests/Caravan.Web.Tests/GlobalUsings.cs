// Diagnostics and Costs moved out of Data and Routing (issue #11); imported here once so every file keeps compiling.
global using Caravan.Costs;
global using Caravan.Diagnostics;
// The JSON settings and source-generated context live in the engine's top folder Json/ (it names every document).
global using Caravan.Json;
global using Xunit;
// Orleans (through the CLI's sweep host) brings its own ErrorCode into scope; the engine's is meant here.
global using ErrorCode = Caravan.Services.ErrorCode;
