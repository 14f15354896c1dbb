# Small behaviours found by comparing programs with CPython 3.11.
import types
# vars() of a SimpleNamespace is its attribute dict
ns = types.SimpleNamespace(a=1, b=[2])
print(vars(ns), ns.__dict__ is vars(ns))
vars(ns)['c'] = 3
print(ns)
# complex(): only complex parts are combined, so signed zeros survive
print(complex(1, -0.0), complex(-0.0, -0.0), repr(complex(0.0, -0.0)), complex(imag=-0.0))
print(complex(1j, 1j), complex(1j, -0.0), complex(2.5), complex(1 + 2j, 3), complex("-0-0j"))
# operator.index: TypeError for non-integers, like CPython's C version
import operator
for v in (5, True, 1.5, "a", None):
    try:
        print(operator.index(v))
    except TypeError as e:
        print("TypeError:", e)
class I:
    def __index__(self): return 7
print(operator.index(I()), [0, 1, 2, 3, 4, 5, 6, 7][I()])
# math.cbrt and math.exp2 (new in 3.11)
import math
print(math.cbrt(27), math.cbrt(-8), math.cbrt(2), math.exp2(10), math.exp2(-1), math.exp2(0.5))
try:
    math.exp2(5000)
except OverflowError as e:
    print("OverflowError:", e)
print(math.cbrt(float("inf")), math.cbrt(-0.0), math.exp2(float("-inf")))
# binary files take any bytes-like object; sys.base_prefix exists
import array, os, sys, tempfile
path = os.path.join(tempfile.mkdtemp(), "b.bin")
with open(path, "wb") as f:
    print(f.write(b"ab"), f.write(bytearray(b"cd")), f.write(memoryview(b"xefx")[1:3]),
          f.write(array.array("B", [103, 104])))
    try:
        f.write("str")
    except TypeError as e:
        print("TypeError:", e)
with open(path, "rb") as f:
    print(f.read())
os.remove(path)
os.rmdir(os.path.dirname(path))
print(sys.base_prefix == sys.prefix, sys.base_exec_prefix == sys.exec_prefix)
