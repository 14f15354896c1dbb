#!/bin/sh
# Regenerate tests/py/*.exp with CPython 3.11 (the oracle).  Only needed when
# a test is added or changed; `make test` never runs CPython.
# Usage: tests/gen_expected.sh [NAME...]
top=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-/usr/bin/python3}
$PY -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' || exit 1
cd "$top/tests/py" || exit 1
if [ $# -gt 0 ]; then names="$*"; else names=$(ls *.py | sed 's/\.py$//'); fi
for name in $names; do
    case "$name" in _*) continue ;; esac
    inp=/dev/null
    [ -f "$name.in" ] && inp="$name.in"
    PYTHONHASHSEED=0 PYTHONUNBUFFERED=1 timeout 60 $PY "$name.py" <"$inp" >"$name.exp.tmp" 2>&1
    rc=$?
    [ $rc -ne 0 ] && echo "[exit $rc]" >>"$name.exp.tmp"
    # CPython 3.11 underlines the failing expression in tracebacks with ^ and ~;
    # refpy does not (the issue allows it), so drop those lines inside tracebacks.
    # Paths are absolute in tracebacks; the suite may run from any folder.
    $PY "$top/tests/strip_carets.py" "$name.exp.tmp" | sed "s|$top/tests/py/||g" >"$name.exp"
    rm -f "$name.exp.tmp"
    echo "generated $name.exp"
done
