-- wrk script: rotate through the paths in the file named by WRK_PATHS (one per line),
-- and print a JSON summary with percentiles at the end.
local paths = {}
local counter = 0

function init(args)
  local file = io.open(os.getenv("WRK_PATHS") or "", "r")
  if file then
    for line in file:lines() do paths[#paths + 1] = line end
    file:close()
  end
  if #paths == 0 then paths[1] = "/" end
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    'JSON {"requests": %d, "seconds": %.3f, "p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, "errors": %d, "non2xx": %d}\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1e3, latency:percentile(95) / 1e3, latency:percentile(99) / 1e3,
    errors, summary.errors.status))
end
