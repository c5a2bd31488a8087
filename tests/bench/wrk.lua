-- Cycles through the request paths listed in a file (one per line) and prints the
-- summary as one JSON line, so load.py can read figures without parsing wrk's text.
--
-- Arguments after `--`: the paths file, then the number of wrk threads (-t). Thread n of
-- N starts at n/N of the list and walks on from there, so the threads send different paths:
-- a random start in init() gave every thread the same offset, as each thread's Lua state
-- begins with the same random seed.
local paths = {}
local counter = 0
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  local threads = tonumber(args[2]) or 1
  counter = math.floor(id * #paths / threads)
end

function request()
  local path = paths[(counter % #paths) + 1]
  counter = counter + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "socket_errors": %d, "non_2xx": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean))
end
