/**
 * wrk's Lua script for the HTTP figure: the same requests as the autocannon client
 * (load-client.ts). Request n is a review of child n mod T on the (n div T)-th day after
 * 2025-04-01, participation PN1, so every request is a distinct (child, date) pair and none conflicts.
 * With several wrk threads, thread k takes n = first + k, first + k + K, … (K threads).
 * Arguments after `--`: <targets file, one child id a line> <token> <first n> <threads>.
 * `done` prints one JSON line (latencies in ms); non-2xx answers are counted by the `response` hook
 * (wrk's own status count only sees 4xx/5xx), and the rate counts only the 2xx (acknowledged) ones.
 * The percentiles are wrk's, over every response: a phase with a non-2xx answer is not met anyway.
 */
export const WRK_REVIEW_SCRIPT = String.raw`
local START = 1743465600 -- 2025-04-01T00:00:00Z
local threads = {}
local threadCount = 0

function setup(thread)
  thread:set("id", threadCount)
  threadCount = threadCount + 1
  table.insert(threads, thread)
end

local targets, headers
local first, stride
local taken = 0
lastN = -1
non2xx = 0

function init(args)
  targets = {}
  for line in io.lines(args[1]) do
    if line ~= "" then table.insert(targets, line) end
  end
  headers = { ["authorization"] = "Bearer " .. args[2], ["content-type"] = "application/json" }
  first = tonumber(args[3])
  stride = tonumber(args[4])
end

function request()
  local n = first + id + stride * taken
  taken = taken + 1
  lastN = n
  local count = #targets
  local child = targets[(n % count) + 1]
  local date = os.date("!%Y-%m-%d", START + math.floor(n / count) * 86400)
  local body = '{"effectiveDate":"' .. date .. '","participation":"PN1"}'
  return wrk.format("POST", "/children/" .. child .. "/reviews", headers, body)
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local bad, maxN = 0, -1
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
    local used = thread:get("lastN")
    if used > maxN then maxN = used end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"perSecond":%.3f,"p50":%.3f,"p99":%.3f,"p999":%.3f,"max":%.3f,"non2xx":%d,"errors":%d,"lastN":%d}\n',
    summary.requests, (summary.requests - bad) / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000, bad, e.connect + e.read + e.write + e.timeout, maxN))
end
`;
