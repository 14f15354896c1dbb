import atexit
atexit.register(print, "atexit runs after SystemExit")
raise SystemExit("fatal: giving up")
