# Abstract base classes, __format__, copy/deepcopy, operator module, numbers formatting.
from abc import ABC, abstractmethod
import copy
import operator
import math
import textwrap
import string


class Shape(ABC):
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    @abstractmethod
    def area(self):
        ...

    @property
    @abstractmethod
    def sides(self):
        ...

    def __format__(self, spec):
        if spec == "short":
            return f"{self.name}"
        if spec.endswith("a"):
            return format(self.area(), spec[:-1] + "f")
        return f"{self.name}(area={self.area():.2f}, sides={self.sides})"

    def __lt__(self, other):
        return self.area() < other.area()


class Rect(Shape):
    def __init__(self, w, h, name="rect"):
        super().__init__(name)
        self.w, self.h = w, h
        self.corners = [[0, 0], [w, 0], [w, h], [0, h]]

    def area(self):
        return self.w * self.h

    @property
    def sides(self):
        return 4


class Triangle(Shape):
    def __init__(self, a, b, c):
        super().__init__("tri")
        if a + b <= c or a + c <= b or b + c <= a:
            raise ValueError(f"invalid triangle {a}, {b}, {c}")
        self.a, self.b, self.c = a, b, c

    def area(self):
        s = (self.a + self.b + self.c) / 2
        return math.sqrt(s * (s - self.a) * (s - self.b) * (s - self.c))

    sides = 3


class Incomplete(Shape):
    def area(self):
        return 0


try:
    Shape("x")
except TypeError as e:
    print("TypeError:", e)
try:
    Incomplete("inc")
except TypeError as e:
    print("TypeError:", e)
shapes = [Rect(3, 4), Triangle(3, 4, 5), Rect(1, 1, "unit"), Triangle(2, 2, 3)]
for s in sorted(shapes):
    print(f"{s}", f"{s:short}", f"[{s:>10.3a}]", format(s, ".1a"))
print(Shape.count, isinstance(shapes[0], Shape), issubclass(Triangle, ABC), sorted(Shape.__abstractmethods__))
try:
    Triangle(1, 2, 10)
except ValueError as e:
    print("ValueError:", e)

r = Rect(2, 5)
shallow = copy.copy(r)
deep = copy.deepcopy(r)
r.corners[1][0] = 99
r.w = 100
print(shallow.w, shallow.corners[1], deep.corners[1], shallow.corners is r.corners, deep.corners is r.corners)
nested = {"a": [1, {"b": (2, [3])}], "c": {1, 2}}
dc = copy.deepcopy(nested)
dc["a"][1]["b"][1].append(4)
print(nested, dc)
cyc = [1, 2]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[2] is cc, cc[:2], repr(cyc))


class Tracked:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("  __copy__ called")
        return Tracked(self.v)

    def __deepcopy__(self, memo):
        print("  __deepcopy__ called")
        return Tracked(copy.deepcopy(self.v, memo))


t = Tracked([1, 2])
t2, t3 = copy.copy(t), copy.deepcopy(t)
print(t2.v is t.v, t3.v is t.v, t3.v)

print(operator.add(2, 3), operator.mul("ab", 3), operator.itemgetter(1, 0)("xy"), operator.neg(5))
print(operator.attrgetter("w", "h")(Rect(7, 8)), operator.methodcaller("upper")("abc"))
print(list(map(operator.pow, [2, 3], [3, 2])), operator.truediv(7, 2), operator.floordiv(-7, 2))
print(operator.contains([1, 2], 2), operator.getitem({"k": 1}, "k"), operator.index(7), operator.not_(0))
print(sorted([(1, "b"), (1, "a"), (0, "z")], key=operator.itemgetter(0)))

print(f"{math.pi:.10f} {math.e:e} {1e21} {1e-7} {123456789.0:,.1f} {0.1 + 0.2} {1/3:.17g}")
print(f"{255:08b} {255:o} {255:X} {-42:+d} {42: d} {3.0:g} {1234.5:g} {0.00001234:g} {1e100:g}")
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(0.5), int(-3.9), math.floor(-3.1))
print(divmod(-7, 2), divmod(7, -2), -7 // 2, -7 % 2, 7.5 // 2, -7.5 % 2, 2 ** -2, (-8) ** (1 / 3) if False else abs(-8) ** (1 / 3))
print((5).bit_length(), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"), (-17).__abs__(), (10).__rtruediv__(5))
print(math.gcd(48, 18), math.lcm(4, 6), math.isqrt(99), math.comb(10, 3), math.perm(5, 2), math.factorial(12))
print(math.isclose(0.1 + 0.2, 0.3), math.inf > 1e308, math.isnan(math.nan), math.copysign(3, -0.0), math.fsum([0.1] * 10))
print(complex(1, 2) * complex(3, -1), abs(3 + 4j), (1 + 2j).conjugate(), (2j) ** 2, complex("1+2j"))
print(float("nan") == float("nan"), float("inf") - float("inf"), 10 / 4, 10 // 4, 2 ** 62, -2 ** 63)
print(hex(-255), oct(8), bin(-5), int("ff", 16), int("0o17", 0), int("1_000"), float("1_0.5"), str(1e16), str(1.5e-5))

doc = """
    This is an indented block of text that should be
    dedented and then wrapped to a narrow width so we can
    see how textwrap behaves with long paragraphs.
"""
print(textwrap.dedent(doc).strip())
for line in textwrap.wrap(textwrap.dedent(doc).strip(), width=30):
    print(f"|{line:<30}|")
print(textwrap.fill("one two three four five six seven", width=12))
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.shorten("The quick brown fox jumps over the lazy dog", width=25))
print(string.ascii_lowercase, string.digits, string.punctuation[:10], string.capwords("hello   big world"))
tmpl = string.Template("$who likes ${what}s; cost $$5")
print(tmpl.substitute(who="Ann", what="apple"), tmpl.safe_substitute(who="Bob"))
try:
    tmpl.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
