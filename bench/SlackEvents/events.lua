-- wrk script: every thread replays its own file of pre-signed, distinct Slack events (one per line:
-- timestamp <TAB> signature <TAB> body). Written by bench/SlackEvents; see docs/performance.md.
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  requests = {}
  local path = args[1] .. "/requests-" .. id .. ".txt"
  for line in io.lines(path) do
    local ts, sig, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
    requests[#requests + 1] = wrk.format("POST", "/slack/events",
      { ["Content-Type"] = "application/json", ["X-Slack-Request-Timestamp"] = ts, ["X-Slack-Signature"] = sig }, body)
  end
  index = 0
  wrapped = 0
end

function request()
  index = index + 1
  if index > #requests then
    index = 1
    wrapped = wrapped + 1
  end
  return requests[index]
end
