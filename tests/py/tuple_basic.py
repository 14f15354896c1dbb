# tuple: construction, indexing, slicing, hash, repr, comparisons
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

t = (1, 2, 3, 2)
print(t, (1,), (), tuple("ab"), tuple([1, [2]]), t[1], t[-1], t[::-1], t[1:3], t[::2], t[5:])
print(t.count(2), t.index(2), t.index(2, 2), len(t), 2 in t, 5 in t)
err(lambda: t.index(9))
err(lambda: t[4])
err(lambda: t["a"])
err(lambda: t + [1])
err(lambda: tuple(1, 2))
print(t + (4,), t * 2, 0 * t, (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) == (1, 2))
err(lambda: (1, "a") < (1, 2))
print(hash((1, 2)), hash(()), hash((1, (2, 3), -1)), hash((1, 2)) == hash((1, 2)))
print(hash(("a",)) == hash(("a",)), hash((1.5, False, True)))
err(lambda: hash((1, [2])))
x = ([],); x[0].append(x); print(x)
print(((1, 2), (3,)), tuple(range(5)), tuple(i * 2 for i in range(3)))
a, *b, c = (1, 2, 3, 4); print(a, b, c)
class T(tuple):
    def first(self): return self[0]
tt = T([5, 6]); print(tt, tt.first(), type(tt).__name__, tt == (5, 6), isinstance(tt, tuple), tt + (7,))
d = {(1, 2): "x", (1, (2,)): "y"}; print(d[(1, 2)], d[1, (2,)])
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
tp = (D(1), D(2), D(3))
del tp
a = (); b = tuple(); c = tuple([]); print(a is b, b is c)
