# The seed's Node cycle, __del__ in cycles (PEP 442), resurrection,
# weakref callbacks in collected cycles, DEBUG_SAVEALL, callbacks.
import gc
import sys

gc.disable()
gc.collect()


class Node:
    def __init__(self, value):
        self.value = value

    def next(self, next):
        self.next = next


root = Node('root')
left = Node('left')
right = Node('right')

root.next(left)
left.next(right)
right.next(left)

print("refcounts:", sys.getrefcount(root) - 1, sys.getrefcount(left) - 1,
      sys.getrefcount(right) - 1)
print("tracked:", gc.is_tracked(root), gc.is_tracked(left))

del root
print("after del root:", sys.getrefcount(left) - 1)
del left
del right
print("unreachable found:", gc.collect())
print("again:", gc.collect())


# A longer ring
class Link:
    pass


def make_ring(n):
    first = Link()
    cur = first
    for i in range(n - 1):
        nxt = Link()
        cur.nxt = nxt
        cur = nxt
    cur.nxt = first


make_ring(10)
print("ring of 10:", gc.collect())

# Cycles through containers: list and dict
l = []
l.append(l)
del l
print("self-referencing list:", gc.collect())
d = {}
d['me'] = d
del d
print("self-referencing dict:", gc.collect())
a = [1, 2]
b = {'a': a}
a.append(b)
del a, b
print("list <-> dict:", gc.collect())


# __del__ runs exactly once, even for objects in a cycle
class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)


x = D('x')
y = D('y')
x.other = y
y.other = x
del x, y
print("cycle with __del__:", gc.collect())

# Resurrection: __del__ stores self somewhere reachable
saved = []


class R:
    def __del__(self):
        print("R.__del__ called")
        saved.append(self)


r = R()
r.me = r
del r
print("resurrecting cycle:", gc.collect())
print("saved:", len(saved), "finalized:", gc.is_finalized(saved[0]))
saved[0].me = None
saved.clear()
print("after dropping the resurrected object:", gc.collect())
print("is_finalized of fresh object:", gc.is_finalized(R.__new__(R)))

# DEBUG_SAVEALL keeps the objects in gc.garbage
gc.set_debug(gc.DEBUG_SAVEALL)
p = Node('p')
q = Node('q')
p.next(q)
q.next(p)
del p, q
print("saveall collect:", gc.collect())
print("garbage:", sorted(n.value for n in gc.garbage))
print("still tracked:", all(gc.is_tracked(n) for n in gc.garbage))
gc.set_debug(0)
print("debug:", gc.get_debug())
gc.garbage.clear()
print("after clearing gc.garbage:", gc.collect())

# gc.callbacks
log = []


def cb(phase, info):
    log.append((phase, info['generation'], info['collected'], info['uncollectable']))


gc.callbacks.append(cb)
m = Node('m')
m.next(m)
del m
print("with callback:", gc.collect())
gc.collect(1)
gc.callbacks.remove(cb)
for entry in log:
    print("callback:", entry)
print("callbacks left:", gc.callbacks)

print("DEBUG flags:", gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE,
      gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
