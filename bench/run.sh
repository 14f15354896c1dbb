#!/bin/sh
# bench/run.sh REFPY -- time each bench/*.py under refpy and CPython side by
# side (best of RUNS runs, interleaved), print seconds and the ratio
# refpy/python3 (below 1.00 means refpy is faster).  Every bench/*.py is
# run: fib loops objects containers strings bigint gc_churn mp_gil, and the
# pyperformance-style nbody (floats), wordcount (str methods + dict),
# jsonrt (json dumps/loads) and richards (classes, method calls).
# CLOCK=cpu measures user+sys CPU time instead of wall time: steadier on a
# loaded machine (but it counts the work of every thread and child).
refpy=$1
py=${PYTHON:-/usr/bin/python3}
runs=${RUNS:-3}
dir=$(dirname "$0")
tf=${TMPDIR:-/tmp}/bench_time.$$
ns() {   # wall (or CPU) time of one run of "$@", in nanoseconds
    if [ "${CLOCK:-wall}" = cpu ]; then
        /usr/bin/time -o "$tf" -f '%U %S' "$@" >/dev/null 2>&1
        awk '{ printf "%d\n", ($1 + $2) * 1e9 }' "$tf"
        return
    fi
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
    echo $((e - s))
}
printf '%-16s %10s %10s %8s\n' program refpy python3 ratio
for f in "$dir"/*.py; do
    r=0; p=0; i=0
    while [ $i -lt "$runs" ]; do
        t=$(ns "$refpy" "$f"); { [ $r -eq 0 ] || [ $t -lt $r ]; } && r=$t
        t=$(ns "$py" "$f"); { [ $p -eq 0 ] || [ $t -lt $p ]; } && p=$t
        i=$((i+1))
    done
    awk -v n="$(basename "$f" .py)" -v r=$r -v p=$p \
        'BEGIN { printf "%-16s %10.3f %10.3f %8.2f\n", n, r/1e9, p/1e9, r/p }'
done
rm -f "$tf"
