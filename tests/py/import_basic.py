# import: modules, packages, relative imports, fromlist, circular imports,
# failures, the sys.modules cache and the __main__ guard.
import sys

import _mod_util
print(_mod_util.VALUE, _mod_util.double(4), _mod_util.__name__)
import _mod_util as again
print(again is _mod_util, "_mod_util" in sys.modules)
from _mod_util import double, VALUE as V
print(double(5), V)

ns = {}
exec("from _mod_util import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))

import _pkg_shapes
print(_pkg_shapes.NAME, _pkg_shapes.Square(3).area(), _pkg_shapes.circle.area(2))
print(_pkg_shapes.__package__, type(_pkg_shapes.__path__).__name__)
import _pkg_shapes.square
print(_pkg_shapes.square.Square is _pkg_shapes.Square)
from _pkg_shapes import sub
print(sub.PARENT_NAME, sub.__name__, sub.__package__)
from _pkg_shapes.circle import area
print(area(1))
import _pkg_shapes.sub as s2
print(s2 is sub)

try:
    import _pkg_shapes.sub.deep
except ImportError as e:
    print(type(e).__name__ + ":", e)
print("_pkg_shapes.sub.deep" in sys.modules)

import _mod_cyc_a
print(_mod_cyc_a.A_VALUE)

try:
    import _mod_cyc_c
except ImportError as e:
    print("ImportError:", str(e).replace(sys.path[0] + "/", ""))

try:
    import _mod_broken
except ValueError as e:
    print("ValueError:", e)
print("_mod_broken" in sys.modules)

for name in ["no_such_module_xyz", "_mod_util.sub", "_pkg_shapes.nope"]:
    try:
        __import__(name)
    except ModuleNotFoundError as e:
        print("ModuleNotFoundError:", e, "| name =", e.name)

try:
    from _mod_util import missing_name
except ImportError as e:
    print("ImportError:", str(e).replace(sys.path[0] + "/", ""))

try:
    from sys import nonexistent_thing
except ImportError as e:
    print("ImportError:", e)

import math
print(math.sqrt(16.0))
m = __import__("_pkg_shapes.square")
print(m.__name__)
m = __import__("_pkg_shapes.square", fromlist=["Square"])
print(m.__name__)

print(__name__)
if __name__ == "__main__":
    print("main guard runs")
