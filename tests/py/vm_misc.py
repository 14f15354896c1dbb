# Assorted instructions: unpacking, comprehensions, slices, augmented
# assignment, f-strings, chained comparisons, pattern matching, locals().

a, (b, c), *rest = 1, (2, 3), 4, 5
print(a, b, c, rest)
first, *middle, last = "hello"
print(first, middle, last)
*init, tail = [1]
print(init, tail)
x = y = [0]
x += [1]
print(y)
d = {"k": 1}
d["k"] += 5
print(d)

class Box:
    pass

bx = Box()
bx.n = 1
bx.n *= 10
print(bx.n)

lst = list(range(10))
print(lst[2:5], lst[::3], lst[-3:], lst[::-2])
lst[1:3] = ["a", "b", "c"]
del lst[0]
print(lst)
print(lst[-1], (1, 2, 3)[-1], {"a": 1}["a"], "xyz"[1])

name, val = "pi", 3.14159
print(f"{name}={val:.2f} {val!r} {name!s:>5}|{'q'!a} {1 + 1}")
print(1 < 2 < 3, 1 < 3 < 2, 2 == 2 != 3)
if (n := len("walrus")) > 3:
    print("walrus", n)

print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10, 7 / 2, 1.5 + 2.25, 3 - 1.0, 2.5 * 2)
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 4, 256 >> 2, -(-3), +4, not 0)
s = "con"
s += "cat"
print(s, "a" + "b", "ab" * 3)
print(1 if [] else 2, 0 or "default", 3 and 4, None is None, a is not None)
print(3 in [1, 2, 3], "z" not in "abc")

for i in range(3):
    if i == 5:
        break
else:
    print("for-else ran")
k = 0
while k < 3:
    k += 1
else:
    print("while-else ran", k)

def describe(subject):
    match subject:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return "negative %d" % n
        case [x, y]:
            return "pair %r %r" % (x, y)
        case [x, *others]:
            return "list starting %r with %d more" % (x, len(others))
        case {"kind": "point", "x": px, **extra}:
            return "point %r extra %r" % (px, sorted(extra))
        case str() | bytes():
            return "text"
        case Point(x=0, y=py):
            return "on y axis at %r" % py
        case Point(px, py):
            return "point at %r,%r" % (px, py)
        case _:
            return "other"

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

for subj in [0, -4, [1, 2], [1, 2, 3], {"kind": "point", "x": 1, "z": 2},
             "s", Point(0, 5), Point(1, 2), 3.5]:
    print(describe(subj))

def local_names(p, q=2):
    r = p + q
    return sorted(locals().items())

print(local_names(1))
print([k in globals() for k in ["__name__", "__doc__", "__builtins__", "__spec__",
                                "__loader__", "__package__"]], __doc__, __spec__)

def big_loop():
    total = 0
    for i in range(100000):
        total += i
    return total

print(big_loop())
print(sum([i for i in range(1000) if i % 3 == 0]))
print([(i, j) for i in range(3) for j in range(i)])
print(dict.fromkeys("ab", 0), {**{"a": 1}, "b": 2}, [*range(3), *"xy"], (*[1], 2))
print(sorted({3, 1, 2}), {1, *[2, 3]})
print(list(map(lambda t: t[0] * t[1], zip([1, 2, 3], [4, 5, 6]))))
print(isinstance(True, int), type(None).__name__, callable(print))

g = 10
def set_global():
    global g
    g = 11
    del_me = 5
    del del_me
set_global()
print(g)
del g
try:
    g
except NameError as e:
    print(e)

class Slots:
    x: int = 5
    y: str
print(Slots.__annotations__)

def annotated(a: int, b: "str" = "q") -> bool:
    return True
print(annotated.__annotations__)
print(annotated.__defaults__, annotated.__kwdefaults__, annotated.__name__, annotated.__qualname__)
