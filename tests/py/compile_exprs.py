# Expressions: folding, comparisons, boolean ops, displays, calls, f-strings.
print(-5, 2 ** 10, 7 // 2, 7 % 3, 1 + 2 * 3, "ab" + "cd", (1, 2, (3, -4)))
print(not 1, ~5, -(-3), +4, 1.5 * 2, 10 / 4)
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 < 2 < 3 < 4 < 0)


class Loud:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v


a, b, c = Loud(1), Loud(2), Loud(0)
print(a < b < c)
print(0 or "" or [] or "last", 1 and 2 and 3, 0 and 1, None or 0)
print([] or {} or (), "x" if x > 3 else "y", "x" if x > 30 else "y")
print([1, *range(3), 4], (*"ab", *"cd"), {*[1, 2], 3} == {1, 2, 3})
print({"a": 1, **{"b": 2}, "c": 3}, {**{}})
print(f"{x}", f"{x!r:>5}|", f"{'s'!r}", f"{3.14159:.2f}", f"{x:{x}}|", f"a{x}b{x+1}c")
w = 3
print(f"{x:>{w}}", f"{{literal}}", f"{x=}")


def f(*args, **kw):
    return args, sorted(kw.items())


print(f(1, 2, k=3), f(*[1, 2], *(3,)), f(**{"a": 1}, b=2), f(0, *[1], k=1, **{"j": 2}))
lst = [0, 1, 2, 3, 4, 5]
print(lst[1:3], lst[::2], lst[-1], lst[:], lst[::-1][1:4:2])
d = {}
d[1, 2] = "t"
print(d, d[(1, 2)])
print((lambda q, r=10: q + r)(1), (lambda *a: a)(1, 2))
print(type(-0.0), str(-0.0), 0.0 == -0.0)
t = 1, 2, 3
print(t, (1,), ())
print(x if (y := x * 2) > 5 else 0, y)
s = "abc"
print(s[0], s[-1:], [c * 2 for c in s])
print(isinstance(True + 1, int), 1 == 1.0, (1, 2) == (1, 2))
big = 1 << 40
print(big, big >> 38, 3 & 5, 3 | 5, 3 ^ 5)
print(__debug__, __name__)
