# set/frozenset: methods, operators, comparisons, errors, repr, hash
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = {3, 1, 2}
s.add(4); s.add(1); s.discard(9); s.remove(2)
print(s, len(s), 3 in s, 9 in s, set(), frozenset(), frozenset([1, 2]), set("aaa"))
err(lambda: s.remove(42))
err(lambda: set().pop())
err(lambda: s.add([1]))
err(lambda: {[1]})
err(lambda: set(1, 2))
err(lambda: set(a=1))
err(lambda: hash({1}))
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [9]), a.intersection(b, {4}), a.difference(b, [1]), a.symmetric_difference([4, 7]))
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint(b), a.isdisjoint([7, 8]))
print(a <= a, a < a, {1} < a, a > {1}, a >= b, a == {4, 3, 2, 1}, a != b, frozenset(a) == a)
err(lambda: a | [1])
err(lambda: a < [1])
c = set(a); c |= {10}; c &= {1, 2, 10}; c -= {2}; c ^= {5, 1}; print(c)
c.update([7], (8,)); c.intersection_update([5, 7, 8, 20]); print(c)
c.difference_update([7]); c.symmetric_difference_update({8, 9}); print(c)
print(c.copy(), c.pop(), c)
c.clear(); print(c)
fs = frozenset({1, 2, 3})
print(fs | {4}, type(fs | {4}).__name__, type({4} | fs).__name__, fs.copy() is fs, hash(fs) == hash(frozenset([3, 2, 1])))
print(hash(frozenset({1, 2})), hash(frozenset()), hash(frozenset({frozenset({1}), 2})))
ss = {frozenset({1, 2}), frozenset({2, 1}), frozenset()}; print(len(ss), frozenset({1, 2}) in ss, {1, 2} in ss)
ss.discard({1, 2}); ss.remove(set()); print(ss)
class MySet(set):
    def add(self, x):
        super().add(x * 2)
m = MySet([1, 2]); m.add(5)
print(m, type(m | {1}).__name__, MySet(), isinstance(m, set), frozenset(m))
class FS(frozenset): pass
print(FS([1]), FS(), repr(FS([2, 3])))
print({i % 5 for i in range(20)}, {x: x for x in {3, 1}})
it = iter({1, 2, 3}); next(it); print(it.__length_hint__())
t = {1, 2}
try:
    for x in t:
        t.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
class R:
    def __repr__(self): return repr(self.s)
r = R(); r.s = {1}
print(frozenset([1, 2]) < frozenset([1, 2, 3]), set() == frozenset(), {1, (2, 3)} == {(2, 3), 1})
