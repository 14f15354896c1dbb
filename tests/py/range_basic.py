# range and slice objects
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

r = range(0, 20, 3)
print(r, range(5), range(1, 10, 1), range(10, 0, -2), len(r), r[2], r[-1], r[1:4], r[::-1], r[::2], r[10:])
print(list(r), list(range(10, 0, -3)), list(range(0)), list(range(5, 1)), len(range(-10, 10, 7)))
print(9 in r, 10 in r, 9.0 in r, "x" in r, True in range(2), r.index(9), r.count(9), r.count(10), r.count(9.0))
err(lambda: r.index(10))
err(lambda: r.index("a"))
err(lambda: r[7])
err(lambda: r["a"])
err(lambda: range(1, 2, 0))
err(lambda: range())
err(lambda: range(1, 2, 3, 4))
err(lambda: range(1.5))
err(lambda: range(a=1))
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(1, 2, 5) == range(1, 3, 7), range(3) == [0, 1, 2])
print(hash(range(0)) == hash(range(4, 4)), hash(range(0, 10, 2)), hash(range(3)), {range(3): 1}[range(0, 3)])
print(list(reversed(range(1, 10, 4))), list(reversed(range(0))), r.start, r.stop, r.step, bool(range(0)), bool(r))
it = iter(range(5)); next(it); print(it.__length_hint__(), list(it))
print(range(2 ** 62, 2 ** 62 + 10, 4)[-1], list(range(-5, 5, 3)), sum(range(100000)))
s = slice(1, 10, 2)
print(s, slice(5), slice(None), s.start, s.stop, s.step, s.indices(5), slice(None, None, -1).indices(10))
print(slice(-100, 100).indices(10), slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), [0, 1, 2, 3][slice(1, None)])
err(lambda: hash(slice(1)))
err(lambda: slice(None, None, 0).indices(3))
err(lambda: slice(1).indices(-1))
err(lambda: slice())
err(lambda: [1, 2]["a":])
class Idx:
    def __index__(self): return 2
print([10, 20, 30][Idx()], [10, 20, 30, 40][Idx():], range(10)[Idx()], (1, 2, 3)[:Idx()])
