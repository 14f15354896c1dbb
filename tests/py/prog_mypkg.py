# A program importing a helper module and a package of its own.
import _prog_helpers
from _prog_helpers import Registry, slugify, VERSION as HELPER_VERSION
import _progpkg
from _progpkg import shapes
from _progpkg.shapes import Circle, Square
from _progpkg.util.convert import to_roman, from_roman
import _progpkg.util as util

print(_prog_helpers.__name__, HELPER_VERSION, _prog_helpers.helper_calls)
print(slugify("Hello, World! This is  refpy"), slugify("  --Already-slugged--  "))
reg = Registry()


@reg.register("double")
def double(x):
    return 2 * x


@reg.register()
def triple(x):
    return 3 * x


print(reg.names(), reg.call("double", 21), reg.call("triple", 5))
try:
    reg.call("quadruple", 1)
except LookupError as e:
    print("LookupError:", e)
print(_prog_helpers.helper_calls)

print(_progpkg.__name__, _progpkg.PKG_NAME, _progpkg.__all__)
print(shapes.__name__, shapes.__package__)
for s in [Circle(1.5), Square(2), Circle(0.5)]:
    print(f"{s!r:<16} area={s.area():8.3f} perimeter={s.perimeter():7.3f}")
print(sorted([Circle(2), Square(3), Square(1)], key=lambda s: s.area()))
print(shapes.total_area([Circle(1), Square(1)]))
print([to_roman(n) for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]])
print([from_roman(r) for r in ["MCMXCIV", "XLII", "MMXXIV"]])
print(util.__name__, util.convert.__name__, util.DEFAULT_BASE)
print(sorted(k for k in dir(_progpkg) if not k.startswith("__")))
import sys
print("_progpkg.shapes" in sys.modules, "_progpkg.util.convert" in sys.modules)
from _progpkg import *
print(describe_all())
try:
    from _progpkg import does_not_exist
except ImportError as e:
    print("ImportError:", e)
try:
    import _progpkg.nothing_here
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
import importlib
m = importlib.import_module("_progpkg.util.convert")
print(m is util.convert, m.to_roman(8))
