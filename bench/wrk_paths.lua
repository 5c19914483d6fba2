-- wrk script: each request takes the next path of the file $WRK_PATHS (one a line; thread i takes lines
-- i, i+T, i+2T... with T = $WRK_THREADS, so no two requests share a path until the list wraps); each thread
-- stops after $WRK_LIMIT responses (0: only the -d duration stops it). Reports like wrk_report.lua.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
local next_id = 0

function setup(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
end

function init(args)
    step = tonumber(os.getenv("WRK_THREADS") or "1")
    limit = tonumber(os.getenv("WRK_LIMIT") or "0")
    position = id or 0
    responses = 0
end

function request()
    local path = paths[(position % #paths) + 1]
    position = position + step
    return wrk.format(nil, path)
end

function response(status, headers, body)
    responses = responses + 1
    if limit > 0 and responses >= limit then
        wrk.thread:stop()
    end
end

dofile("bench/wrk_report.lua")
