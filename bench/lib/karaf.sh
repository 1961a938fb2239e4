# Karaf instances for the benchmarks: unpack, configure (our ports, loopback only), start, wait, stop.
# Sourced by bench/run; expects BENCH_OUT, TARBALL, HTTP_PORT, SSH_PORT, RMI_REGISTRY_PORT, RMI_SERVER_PORT,
# ADMIN_PASSWORD. Every wait has a deadline.

BASE_URL="http://127.0.0.1:${HTTP_PORT}"
STARTED_HOMES=()

now_ms() { date +%s%3N; }

# set_key FILE KEY VALUE: replace "KEY = ..." (any spacing) or append it
set_key() {
    local file=$1 key=$2 value=$3
    touch "$file"
    if grep -Eq "^[[:space:]]*${key//./\\.}[[:space:]]*=" "$file"; then
        sed -i -E "s|^[[:space:]]*${key//./\\.}[[:space:]]*=.*|${key} = ${value}|" "$file"
    else
        printf '\n%s = %s\n' "$key" "$value" >>"$file"
    fi
}

# unpack_karaf NAME [noplugins]: a fresh copy in $BENCH_OUT/NAME (previous copy deleted); prints its home
unpack_karaf() {
    local name=$1 variant=${2:-all} home="$BENCH_OUT/$1"
    rm -rf "$home" "$BENCH_OUT/.unpack"
    mkdir -p "$BENCH_OUT/.unpack"
    tar xzf "$TARBALL" -C "$BENCH_OUT/.unpack"
    mv "$BENCH_OUT"/.unpack/* "$home"
    rmdir "$BENCH_OUT/.unpack"
    set_key "$home/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$HTTP_PORT"
    set_key "$home/etc/org.ops4j.pax.web.cfg" org.ops4j.pax.web.listening.addresses 127.0.0.1
    set_key "$home/etc/org.apache.karaf.shell.cfg" sshPort "$SSH_PORT"
    set_key "$home/etc/org.apache.karaf.shell.cfg" sshHost 127.0.0.1
    set_key "$home/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$RMI_REGISTRY_PORT"
    set_key "$home/etc/org.apache.karaf.management.cfg" rmiServerPort "$RMI_SERVER_PORT"
    set_key "$home/etc/org.apache.karaf.management.cfg" rmiRegistryHost 127.0.0.1
    set_key "$home/etc/org.apache.karaf.management.cfg" rmiServerHost 127.0.0.1
    set_key "$home/etc/cn.edu.cumt.union.auth.cfg" .initial.admin.password "$ADMIN_PASSWORD"
    if [ "$variant" = noplugins ]; then
        # featuresBoot is a comma-separated list over continuation lines; drop the union-study entry
        sed -i -E '/^[[:space:]]*union-study(\/[^,]*)?,[[:space:]]*\\$/d' "$home/etc/org.apache.karaf.features.cfg"
        if grep -q 'union-study' "$home/etc/org.apache.karaf.features.cfg"; then
            echo "bench: could not remove union-study from featuresBoot in $home" >&2
            return 1
        fi
    fi
    echo "$home"
}

http_code() { # http_code URL [curl args...]; a slow answer (loaded machine) still counts, up to 10 s
    local url=$1
    shift
    curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@" "$url" 2>/dev/null || true
}

# wait_for_code URL CODE DEADLINE_S [curl args]: polls every 50 ms; prints elapsed ms, or fails
wait_for_code() {
    local url=$1 want=$2 limit=$3
    shift 3
    local start end code
    start=$(now_ms)
    end=$((start + limit * 1000))
    while [ "$(now_ms)" -lt "$end" ]; do
        code=$(http_code "$url" "$@")
        if [ "$code" = "$want" ]; then
            echo $(($(now_ms) - start))
            return 0
        fi
        sleep 0.05
    done
    return 1
}

karaf_pid() { # the JVM of this home, from Karaf's own pid file
    local home=$1
    [ -s "$home/karaf.pid" ] && cat "$home/karaf.pid"
}

# start_karaf HOME: bin/start and wait for /api/health 200 (deadline 300 s); prints ms to first 200
start_karaf() {
    local home=$1 start ms
    STARTED_HOMES+=("$home")
    start=$(now_ms)
    "$home/bin/start" >/dev/null 2>&1
    if ! ms=$(wait_for_code "$BASE_URL/api/health" 200 300); then
        echo "bench: $home did not answer /api/health within 300 s (see $home/data/log/karaf.log)" >&2
        return 1
    fi
    echo $(($(now_ms) - start))
}

# stop_karaf HOME: bin/stop, wait up to 60 s for the JVM to end, then SIGKILL that one pid
stop_karaf() {
    local home=$1 pid i
    pid=$(karaf_pid "$home")
    [ -n "$pid" ] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    "$home/bin/stop" >/dev/null 2>&1 || true
    for i in $(seq 1 600); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    echo "bench: $home (pid $pid) did not stop in 60 s; killing it" >&2
    kill -9 "$pid" 2>/dev/null || true
}

stop_all_karafs() {
    local home
    for home in "${STARTED_HOMES[@]}"; do
        stop_karaf "$home"
    done
}

# login USER PASSWORD: prints the token
login() {
    curl -s --max-time 30 -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$BASE_URL/api/auth/login" | jq -r '.token // empty'
}

jvm_cpu_s() { # CPU seconds (user + system) a pid has used so far: steadier than wall time on a shared machine
    awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat" 2>/dev/null || echo NA
}

rss_mb() { # VmRSS of a pid in MB
    awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
}

heap_after_gc_mb() { # heap used after a full GC, in MB (jcmd from the JDK)
    local pid=$1
    jcmd "$pid" GC.run >/dev/null 2>&1 || return 1
    # G1 prints one "total ..K, used ..K" line for its heap; the serial collector one per generation: sum them
    jcmd "$pid" GC.heap_info 2>/dev/null | awk '
        /total [0-9]+K, used [0-9]+K/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K,?", "", v); sum += v; n++ } }
        END { if (n) printf "%.0f", sum / 1024; else exit 1 }'
}
