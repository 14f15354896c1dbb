# A reference implementation of the `refpy` module's portable functions in
# Python, so that CPython can generate the expected output of refpy_tools.py.
import gc
import sys


def refcount(obj):
    return sys.getrefcount(obj) - 2   # this frame's parameter and the call's argument


def generation(obj):
    for g in range(3):
        if any(o is obj for o in gc.get_objects(g)):
            return g
    return None


def header(obj):
    n = sys.getrefcount(obj) - 2
    r = repr(obj)
    if len(r) > 60:
        r = r[:57] + "..."
    return {"type": type(obj).__name__, "refcount": n, "value": r, "id": id(obj),
            "container": gc.is_tracked(obj) or isinstance(obj, (list, dict, set)),
            "tracked": gc.is_tracked(obj), "generation": generation(obj)}


def show(obj, ids=True):
    n = sys.getrefcount(obj) - 2
    r = repr(obj)
    if len(r) > 60:
        r = r[:57] + "..."
    print("|RpObject||\n|---|---|\n|type|%s|\n|refcount|%d|\n|value|%s|" % (type(obj).__name__, n, r))
    if ids:
        print("|id|%#x|" % id(obj))


def graph(namespace=None, ids=False):
    if namespace is None:
        namespace = sys._getframe(1).f_globals
    groups = {}
    for k, v in namespace.items():
        if (k.startswith("__") or type(v) is type(sys)):
            continue
        groups.setdefault(id(v), (v, []))[1].append(k)
    k = v = None
    for key in list(groups):
        obj, names = groups.pop(key)
        # references held here: `obj` and getrefcount's argument
        n = sys.getrefcount(obj) - 2
        r = repr(obj)
        if len(r) > 50:
            r = r[:47] + "..."
        print("%s -> %s %s  (refcount %d)" % (", ".join(names), type(obj).__name__, r, n))
