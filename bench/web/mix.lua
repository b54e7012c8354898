-- wrk script: cycles through several route queries (origins, destinations, objectives, avoidances) on the mini
-- fixture, so the load is not one cached answer.
local paths = {
  "/api/route?from=xian&to=Duisburg&avoid=RU,BY",
  "/api/route?from=CNSIA&to=DEDUI&optimize=cost",
  "/api/route?from=Almaty&to=Istanbul&optimize=co2",
  "/api/route?from=Shanghai&to=Duisburg&optimize=time",
  "/api/route?from=Kashgar&to=Baku&year=2031",
  "/api/route?from=Xi%27an&to=Rotterdam&avoidModes=Sea",
  "/api/route?from=Moscow&to=Duisburg&quantity=3",
  "/api/route?from=Aktau&to=Kars&optimize=cost",
}
local i = 0

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
