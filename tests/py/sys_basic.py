import sys
print(sys.argv[0].endswith("sys_basic.py"), len(sys.argv))
print(type(sys.modules).__name__, "sys" in sys.modules, "builtins" in sys.modules)
print(sys.maxsize == 2**63 - 1, sys.byteorder, sys.platform.startswith("linux"))
print(sys.version_info[0], sys.version_info[:2] >= (3, 8))
print(isinstance(sys.path, list), sys.getrecursionlimit())
print(sys.intern("hello") is sys.intern("hel" + "lo"))
x = []
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
print(sys.exc_info())
try:
    raise ValueError("v")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, sys.exception() is v)
print(sys.getsizeof(1) > 0, sys.getsizeof([]) < sys.getsizeof([1, 2, 3]))
print(sys.stdout is sys.__stdout__, sys.stdin is not None)
print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
print(sys._getframe().f_code.co_name)
def who():
    return sys._getframe(1).f_code.co_name
def caller():
    return who()
print(caller())
try:
    sys.exit(0)
except SystemExit as e:
    print("SystemExit", e.code)
print(sys.implementation.name in ("cpython", "refpy"))
