# The demo is a test too: run examples/seed.py, the seed's examples, as the
# main program's code, so that its output is checked against CPython's.
import os
_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "seed.py")
with open(_path) as _f:
    _code = compile(_f.read(), _path, "exec")
del _f
exec(_code)
