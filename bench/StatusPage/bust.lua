-- A new query string on every request, as a cache-busting client sends: /status?bust=<thread>-<n>-<random>.
local counter = 0
local thread_id = math.random(1, 1e6)

request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?bust=" .. thread_id .. "-" .. counter .. "-" .. math.random(1, 1e9))
end
