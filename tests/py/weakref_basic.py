# weakref.ref and weakref.proxy: calling, callbacks and their order,
# reuse of the basic ref, hash/equality, repr, proxies, errors.
import gc
import weakref


def mask(s):
    # Replace every 0x... address by ADDR so the output is reproducible.
    out = []
    i = 0
    while i < len(s):
        if s.startswith("0x", i):
            out.append("ADDR")
            i += 2
            while i < len(s) and s[i] in "0123456789abcdef":
                i += 1
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


class Node:
    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return "Node(%r)" % self.value


n = Node(1)
r = weakref.ref(n)
print("call:", r(), r() is n)
print("same basic ref:", weakref.ref(n) is r)
print("type:", type(r), type(r).__name__, weakref.ReferenceType is weakref.ref)
print("callback attr:", r.__callback__)
print("repr alive:", mask(repr(r)))
print("count:", weakref.getweakrefcount(n))
del n
print("dead:", r())
print("repr dead:", mask(repr(r)))


def f():
    pass


print("repr of ref to function:", mask(repr(weakref.ref(f))))

# callbacks: called with the reference, newest reference first
log = []
o = Node(2)


def cb1(ref):
    log.append(("cb1", ref is r1, ref()))


def cb2(ref):
    log.append(("cb2", ref is r2, ref()))


r1 = weakref.ref(o, cb1)
r2 = weakref.ref(o, cb2)
r0 = weakref.ref(o)
print("distinct with callbacks:", r1 is not r2, r1 is not r0)
print("callback attr:", r1.__callback__ is cb1)
print("getweakrefcount:", weakref.getweakrefcount(o))
print("order of getweakrefs:", [w is r0 for w in weakref.getweakrefs(o)],
      [w is r2 for w in weakref.getweakrefs(o)])
print("equal refs to the same object:", r1 == r2, r1 != r2)
del o
print("callbacks:", log)
print("dead refs compare by identity:", r1 == r2, r1 == r1, r1 != r2)
print("callback dropped after call:", r1.__callback__)

# a callback whose reference died first is not called
o = Node(3)
w = weakref.ref(o, lambda ref: print("never printed"))
del w
del o
print("no callback for a dead reference")

# hash follows the referent and survives its death
k = "key"


class H:
    def __hash__(self):
        return 12345

    def __eq__(self, other):
        return isinstance(other, H)


h1, h2 = H(), H()
w1, w2 = weakref.ref(h1), weakref.ref(h2)
print("hash:", hash(w1), w1 == w2)
del h1
print("hash after death:", hash(w1), w1 == w2)
try:
    hash(weakref.ref(H()))
except TypeError as e:
    print("TypeError:", e)

# errors
for bad in (1, "s", (1, 2), [1], {}):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    weakref.ref()
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(Node(0), None, 3)
except TypeError as e:
    print("TypeError:", e)
x = Node(4)
try:
    weakref.ref(x)(1)
except TypeError as e:
    print("TypeError:", e)
print("None callback is no callback:", weakref.ref(x, None) is weakref.ref(x))


# subclassing ref
class MyRef(weakref.ref):
    def __init__(self, ob, callback=None):
        super().__init__(ob, callback)
        self.tag = "tagged"


m = MyRef(x)
print("subclass:", type(m).__name__, m() is x, m.tag, isinstance(m, weakref.ref))
print("subclass is not the basic ref:", m is not weakref.ref(x))

# weakrefs in a collected cycle
gc.disable()
gc.collect()
events = []
a = Node("a")
b = Node("b")
a.other = b
b.other = a
wa = weakref.ref(a, lambda ref: events.append("a died, ref() -> %r" % (ref(),)))
a.selfref = weakref.ref(b, lambda ref: events.append("never: ref inside the cycle"))
del a, b
print("cycle collected:", gc.collect())
print("events:", events)
print("wa dead:", wa())
