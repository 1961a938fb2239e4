-- wrk script: every request carries the bearer token from the environment (BENCH_TOKEN).
local token = os.getenv("BENCH_TOKEN")
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"
