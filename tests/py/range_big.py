# range() with arbitrary ints: values, length, indexing, slicing,
# membership, equality, hash, repr and iteration beyond the int64 range.
import sys


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


B = 10 ** 20
ranges = [
    range(B, B + 5),
    range(0, 2 ** 100, 2 ** 90),
    range(2 ** 64, -2 ** 64, -2 ** 62),
    range(-2 ** 63, 2 ** 63),
    range(-2 ** 63, 2 ** 63 - 1),
    range(2 ** 63 - 3, 2 ** 63 + 3),
    range(-2 ** 63 - 2, -2 ** 63 + 2),
    range(5, 10 ** 30, 10 ** 29),
    range(2 ** 70),
    range(0, 1, 2 ** 80),
    range(B, B),
    range(B, 0),
    range(0, -B, -1),
    range(7, 7 + 3 * 2 ** 65, 2 ** 65),
]
for r in ranges:
    print(repr(r), r.start, r.stop, r.step, bool(r))
    show("  len", lambda: len(r))
    show("  first", lambda: r[0])
    show("  last", lambda: r[-1])
    show("  mid", lambda: r[2 ** 65])
    show("  -big", lambda: r[-(2 ** 66)])
    show("  list5", lambda: list(r[:5]))
    show("  rev5", lambda: [x for _, x in zip(range(5), reversed(r))])
    show("  it5", lambda: [x for _, x in zip(range(5), r)])
    show("  slice", lambda: r[1::3])
    show("  slice2", lambda: r[::-2])
    show("  slicebig", lambda: r[2 ** 64:-(2 ** 64):-(2 ** 70)])
    show("  slice3", lambda: r[-B:B:B])
    show("  in", lambda: (r.start in r, r.stop in r, (r.start + r.step) in r, r.start - 1 in r, True in r))
    show("  count", lambda: (r.count(r.start), r.count(r.stop)))
    show("  index", lambda: r.index(r.start + r.step * 3))
    show("  hash==", lambda: hash(r) == hash(range(r.start, r.stop, r.step)))
    show("  eq", lambda: (r == range(r.start, r.stop, r.step), r == r[:], r != r[1:]))

print(hash(range(B, B)) == hash(range(0)), hash(range(B, B + 1)) == hash(range(B, B + 1, 7)))
print(range(B, B + 1) == range(B, B + 1, 5), range(B, B) == range(3, 1))
print(range(2 ** 64, 2 ** 65, 2 ** 64) == range(2 ** 64, 2 ** 64 + 1))
print(hash(range(10)) == hash(range(0, 10, 1)), hash(range(2 ** 80, 2 ** 81, 3)) == hash(range(2 ** 80, 2 ** 81 + 1, 3)))

# iteration across the int64 boundary, both directions
print(list(range(2 ** 63 - 2, 2 ** 63 + 2)))
print(list(range(-2 ** 63 + 1, -2 ** 63 - 3, -1)))
print(list(reversed(range(2 ** 63 - 2, 2 ** 63 + 2))))
it = iter(range(2 ** 64, 2 ** 64 + 3))
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it))
it = iter(range(2 ** 62, 2 ** 64, 2 ** 62))
print(type(it).__name__, list(it))
print(type(iter(range(10))).__name__, type(iter(range(-2 ** 63, 2 ** 63 - 1))).__name__)
print(sum(range(2 ** 64, 2 ** 64 + 1000)))
for i in range(2 ** 63 - 1, 2 ** 63 + 1):
    print(i)

# errors
show("zero step", lambda: range(0, B, 0))
show("float", lambda: range(0.0, B))
show("len big", lambda: len(range(2 ** 64)))
show("len huge", lambda: len(range(-B, B)))
show("oob", lambda: range(B, B + 5)[5])
show("oob neg", lambda: range(B, B + 5)[-6])
show("oob huge", lambda: range(5)[2 ** 100])
show("not in", lambda: range(B, B + 5).index(B + 5))
show("str idx", lambda: range(B, B + 5)["a"])
show("slice zero", lambda: range(B)[::0])
show("slice float", lambda: range(B)[1.5:])
show("step huge", lambda: range(10)[::2 ** 70])
show("step huge neg", lambda: range(10)[::-2 ** 70])
show("bool idx", lambda: range(B, B + 5)[True])

# non-int members use equality
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return o == self.v
    __hash__ = None
print(Eq(B + 2) in range(B, B + 5), Eq(B + 7) in range(B, B + 5), range(B, B + 5).index(Eq(B + 3)),
      range(B, B + 5).count(Eq(B + 1)), 3.0 in range(5), (B + 1.0) in range(B - 2, B + 2))


class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(range(Idx(B), Idx(B + 10), Idx(3)), range(B, B + 5)[Idx(-1)])

# pickle-like reduction
print(range(B, 2 * B, 7).__reduce__()[1], range(3).__reduce__())

# enumerate and itertools.count with big starts
print(list(enumerate("abc", start=2 ** 70)))
print(list(enumerate("abc", 2 ** 63 - 2)))
print(list(enumerate("ab", -2 ** 63 - 1)))
e = enumerate("xyz", start=2 ** 64)
print(next(e), next(e))
import itertools
c = itertools.count(2 ** 70)
print(next(c), next(c), c)
c = itertools.count(2 ** 63 - 1, 2 ** 62)
print(next(c), next(c), next(c))
