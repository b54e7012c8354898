-- wrk script: plans between random pairs of 60 places of the embedded network (seeded per thread), so almost every
-- request is a query the server has not answered before: the cost of computing plans, not of answering kept ones.
local places = { "CNSIA","CNYIU","CNLHW","CNHRB","CNRLC","CN-TORUGART","CNTAO","CNCGO-APT","CNSZX","KZ-NURZHOLY","KZ-MOYINTY","KZ-SHU","KZ-SHYMKENT","KZ-SAKSAULSK","KZ-ZHAISAN","KZ-AKTAU","KZ-TENGIZ","KZ-AYAGOZ","UZTAS","UZ-BUKHARA","UZ-SARIASIYA","UZ-NUKUS","UZTAS-APT","KG-AKZHOL","KG-IRKESHTAM","KGJLD","KG-KARAMYK","TM-FARAP","TM-SARAHS","TM-SERHETYAKA","TM-GEDAIM","IRGBT","IR-MASHHAD","RU-ZABAIKALSK","RU-IRKUTSK","RU-ISILKUL","RU-SOLILETSK","RUMOW","BY-OSINOVKA","BY-KOZLOVICHI","MN-SUKHBAATAR","AZGAN","GETBS","GESTD","GE-SARPI","TR-ERZURUM","TRANK","TRAMR","TR-TURKGOZU","TR-VAN","BGSWG","BGBOJ","RS-SUBOTICA","MKGVL","GR-KIPOI","HULOK","HUBUD-APT","ATINN","SI-SENTILJ","ITVRN" }

function init(args)
  math.randomseed(12345 + (tonumber(args[1]) or 0) + math.floor(os.clock() * 1e6))
end

function request()
  local from, to = places[math.random(#places)], places[math.random(#places)]
  while to == from do
    to = places[math.random(#places)]
  end
  return wrk.format("GET", "/api/route?from=" .. from .. "&to=" .. to)
end
