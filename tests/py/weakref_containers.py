# WeakValueDictionary, WeakKeyDictionary, WeakSet, WeakMethod, finalize
# (including the atexit behaviour: pending finalizers run at exit, newest
# first).
import gc
import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Obj(%d)" % self.n

    def method(self):
        return self.n * 100


# WeakValueDictionary
objs = [Obj(i) for i in range(5)]
wvd = weakref.WeakValueDictionary()
for o in objs:
    wvd["k%d" % o.n] = o
print("wvd:", len(wvd), sorted(wvd.keys()))
del objs[1]
print("after one died:", len(wvd), sorted(wvd), "k1" in wvd, wvd.get("k1", "gone"))
print("getitem:", wvd["k2"])
try:
    wvd["k1"]
except KeyError as e:
    print("KeyError:", e)
print("items:", sorted(wvd.items(), key=lambda kv: kv[0]))
print("values:", sorted(o.n for o in wvd.values()))
for k, v in wvd.items():
    if k == "k0":
        del objs[:]
    del v
print("died during iteration:", len(wvd))
extra = Obj(7)
print("setdefault:", wvd.setdefault("k7", extra), wvd.pop("k7"), len(wvd))
print("pop default:", wvd.pop("zz", "dflt"))
keepalive = [Obj(10), Obj(11)]
wvd.update({"a": keepalive[0]}, b=keepalive[1])
print("update:", sorted(wvd.items(), key=lambda kv: kv[0]))
cp = wvd.copy()
print("copy:", type(cp).__name__, len(cp))
print("valuerefs:", len(wvd.valuerefs()))
del wvd["a"]
print("delitem:", sorted(wvd))
replaced = Obj(12)
wvd["b"] = replaced
del keepalive
print("replacing keeps the new value:", wvd["b"])

# WeakKeyDictionary
a, b = Obj(1), Obj(2)
wkd = weakref.WeakKeyDictionary()
wkd[a] = "A"
wkd[b] = "B"
print("wkd:", len(wkd), wkd[a], a in wkd, Obj(3) in wkd, 5 in wkd)
del a
print("after key died:", len(wkd), list(wkd.values()))
print("keys:", list(wkd.keys()), "items:", list(wkd.items()))
print("get:", wkd.get(b), wkd.get(Obj(9), "none"))
print("setdefault:", wkd.setdefault(b, "other"), "pop:", wkd.pop(b), len(wkd))

# WeakSet
items = [Obj(i) for i in range(4)]
ws = weakref.WeakSet(items)
print("WeakSet:", len(ws), items[0] in ws, Obj(0) in ws)
items.pop()
print("after one died:", len(ws), sorted(o.n for o in ws))
ws.discard(items[0])
print("discard:", len(ws))
ws.add(items[0])
ws.remove(items[1])
print("add/remove:", sorted(o.n for o in ws))
try:
    ws.remove(Obj(42))
except KeyError:
    print("KeyError on remove of a missing item")
other = weakref.WeakSet([items[0]])
print("subset:", other <= ws, ws <= other)
del items
print("all died:", len(ws), list(ws))

# WeakMethod
o = Obj(5)
wm = weakref.WeakMethod(o.method)
print("WeakMethod:", wm()(), wm() == o.method)
del o
print("WeakMethod after death:", wm())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)

# finalize
def report(*args, **kwargs):
    print("finalizer called with", args, sorted(kwargs.items()))
    return "result"


x = Obj(20)
f = weakref.finalize(x, report, "x", flag=True)
print("alive:", f.alive, "atexit:", f.atexit)
print("peek:", f.peek()[2:])
del x
print("alive after death:", f.alive, f())
y = Obj(21)
g = weakref.finalize(y, report, "y")
print("explicit call:", g(), g.alive, g())
z = Obj(22)
h = weakref.finalize(z, report, "z")
print("detach:", h.detach()[2:], h.alive)
del z

# pending at exit: run newest first, unless atexit is False
keep = [Obj(30), Obj(31), Obj(32)]
weakref.finalize(keep[0], print, "exit finalizer 1")
weakref.finalize(keep[1], print, "exit finalizer 2")
skipped = weakref.finalize(keep[2], print, "never printed")
skipped.atexit = False
print("atexit flag:", skipped.atexit)

# a cycle with a finalize'd object is collected and the finalizer runs
gc.disable()
c = Obj(40)
c.me = c
weakref.finalize(c, print, "cycle member finalized")
del c
print("collect:", gc.collect() > 0)
print("end of script")
