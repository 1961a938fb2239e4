# wrk runs and their parsing. Sourced by bench/run.

# wrk_run LOGFILE wrk-args...: runs wrk --latency, keeps the raw output in LOGFILE and prints
# "req/s p50_ms p99_ms requests non2xx socket_errors"
wrk_run() {
    local log=$1
    shift
    timeout 120 wrk --latency "$@" >"$log" 2>&1 || true
    awk '
        function ms(v) {
            if (v ~ /us$/) { sub("us", "", v); return v / 1000 }
            if (v ~ /ms$/) { sub("ms", "", v); return v + 0 }
            if (v ~ /m$/)  { sub("m", "", v);  return v * 60000 }
            if (v ~ /s$/)  { sub("s", "", v);  return v * 1000 }
            return v + 0
        }
        /^Requests\/sec:/            { rps = $2 }
        /^[[:space:]]+50%/           { p50 = ms($2) }
        /^[[:space:]]+99%/           { p99 = ms($2) }
        /requests in/                { n = $1 }
        /Non-2xx or 3xx responses:/  { bad = $NF }
        /Socket errors:/             { gsub(",", ""); err = $4 + $6 + $8 + $10 }
        END {
            if (n == "" || n == 0) { printf "NA NA NA 0 %d %d\n", bad, err; exit }  # nothing completed: no figures
            printf "%s %s %s %s %d %d\n", rps, p50, p99, n, bad, err
        }
    ' "$log"
}

# median of numbers on stdin (one a line); prints NA when empty
median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "NA"; exit } if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
