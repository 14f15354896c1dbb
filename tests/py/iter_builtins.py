# iterators: iter() protocols, enumerate, zip, map, filter, reversed
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 10
print(list(Seq()), list(iter(Seq())), 20 in Seq())
class SeqLen(Seq):
    def __len__(self): return 4
print(list(reversed(SeqLen())), iter(SeqLen()).__length_hint__())
n = [0]
def counter():
    n[0] += 1
    return n[0]
print(list(iter(counter, 5)))
print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate([], start=3)), list(enumerate("x", start=-1)))
err(lambda: enumerate())
err(lambda: enumerate(5))
err(lambda: enumerate("a", "b"))
pairs = []
for i, ch in enumerate("hey"):
    pairs.append((i, ch))
print(pairs)
print(list(zip()), list(zip("ab")), list(zip("abc", range(5), [True, False])))
print(list(zip("ab", "cd", strict=True)))
err(lambda: list(zip([1], [1, 2], strict=True)))
err(lambda: list(zip([1, 2], [1], strict=True)))
err(lambda: list(zip([1, 2], [1, 2], [1], strict=True)))
err(lambda: list(zip([1], [1], [1, 2], strict=True)))
err(lambda: zip(1))
err(lambda: zip([], x=1))
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a + b, "ab", "xyz")), list(map(str, range(3))))
err(lambda: map(len))
err(lambda: list(map(len, [1])))
print(list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(lambda x: x % 2, range(10))), list(filter(bool, [0, 2])))
err(lambda: filter(len))
print(list(reversed([1, 2, 3])), list(reversed((1, 2, 3))), list(reversed("abc")), list(reversed(range(3))), list(reversed({1: 2, 3: 4})))
err(lambda: reversed(5))
err(lambda: reversed({1, 2}))
err(lambda: reversed())
class NoRev(list):
    __reversed__ = None
err(lambda: reversed(NoRev()))
class MyRev:
    def __reversed__(self): return iter("zyx")
print(list(reversed(MyRev())))
rv = reversed([1, 2, 3]); next(rv); print(rv.__length_hint__(), type(reversed((1,))).__name__)
z = zip([1, 2], [3, 4]); print(next(z), next(z), next(z, "done"))
e = enumerate("ab"); print(iter(e) is e, next(e))
class E(enumerate): pass
print(list(E("xy", 1)), type(E("a")).__name__)
it = iter([1, 2]); print(next(it), next(it), next(it, None))
err(lambda: next(iter([])))
print(sum(x * y for x, y in zip(range(100), range(100, 200))), dict(zip("abc", range(3))))
