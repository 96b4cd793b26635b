-- wrk script of bench/run.sh: many distinct OCSP requests, and one machine-readable result line.
--   wrk ... -s bench/ocsp.lua URL -- MODE FILE [close]
--   MODE get:   FILE holds one URL-encoded base64 OCSP request per line; each is appended to URL's path
--   MODE post:  FILE holds one hex-encoded DER OCSP request per line; each is POSTed to URL
--   MODE plain: GET of URL itself (FILE is ignored), e.g. the static file of the HTTP ceiling
--   close:      send "Connection: close" (openssl ocsp answers HTTP/1.0 and closes the connection;
--               without this header wrk gets no answers to its POSTs)
-- Each thread cycles through the requests from its own starting point.

local requests = {}
local index = 0
local threads = 0
local all = {}
-- per thread: answers that are an unsigned OCSP error (tryLater, malformedRequest, ...), 5 bytes long
unsigned = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
  all[#all + 1] = thread
end

function response(status, headers, body)
  if status == 200 and body ~= nil and #body == 5 then
    unsigned = unsigned + 1
  end
end

local function unhex(line)
  return (line:gsub("..", function(h) return string.char(tonumber(h, 16)) end))
end

function init(args)
  local mode, file, close = args[1], args[2], args[3] == "close"
  local base = wrk.path
  if base:sub(-1) ~= "/" then base = base .. "/" end
  local function headers()
    local h = {}
    if close then h["Connection"] = "close" end
    return h
  end
  if mode == "plain" then
    requests[1] = wrk.format("GET", wrk.path, headers())
  else
    for line in io.lines(file) do
      if #line > 0 then
        if mode == "get" then
          requests[#requests + 1] = wrk.format("GET", base .. line, headers())
        else
          local h = headers()
          h["Content-Type"] = "application/ocsp-request"
          requests[#requests + 1] = wrk.format("POST", wrk.path, h, unhex(line))
        end
      end
    end
  end
  index = ((id or 1) * 7919) % #requests
end

function request()
  index = index % #requests + 1
  return requests[index]
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = 0
  for _, thread in ipairs(all) do
    errors = errors + (thread:get("unsigned") or 0)
  end
  io.write(string.format(
    "WRK_RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx=%d connect=%d read=%d write=%d timeout=%d unsigned=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect, e.read, e.write, e.timeout, errors))
end
