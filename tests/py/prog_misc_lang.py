# Assorted language features: unpacking, walrus, globals, closures, __del__, typing, dunder protocols.
from typing import NamedTuple, Optional, Union, List, Dict, TypeVar, Generic
import sys


class Pair(NamedTuple):
    left: int
    right: int = 0

    def total(self) -> int:
        return self.left + self.right


T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self._items: List[T] = []

    def push(self, item: T) -> None:
        self._items.append(item)

    def pop(self) -> T:
        return self._items.pop()

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __repr__(self):
        return f"Stack({self._items})"


def lookup(d: Dict[str, int], key: str) -> Optional[int]:
    return d.get(key)


def norm(x: Union[int, str]) -> str:
    return str(x)


p = Pair(3, 4)
print(p, p.total(), Pair(1), p._asdict(), Pair._fields, Pair.__annotations__)
s: Stack[int] = Stack()
for i in range(3):
    s.push(i * i)
print(s, len(s), s.pop(), bool(Stack()), lookup({"a": 1}, "a"), lookup({}, "z"), norm(5))
print(lookup.__annotations__, Stack[int].__origin__ is Stack if hasattr(Stack[int], "__origin__") else None)

first, *middle, last = range(10)
print(first, middle, last)
(a, b), c, [d, *e] = (1, 2), 3, [4, 5, 6]
print(a, b, c, d, e)
x, y = y, x = 1, 2
print(x, y)
head, *_ = "hello"
print(head, _)
merged = {**{"a": 1, "b": 2}, "b": 3, **dict(c=4)}
print(merged, [*range(3), *"ab"], (*[1, 2],), {*[1, 1, 2]})
data = [4, 8, 15, 16, 23, 42]
if (n := len(data)) > 5:
    print(f"list is long ({n} elements)")
print([y for x in data if (y := x * 2) > 20], y)
while (item := data.pop()) != 15:
    print("popped", item)
print(data)

counter = 0


def bump():
    global counter
    counter += 1
    return counter


bump(); bump()
print(counter, "counter" in globals(), sorted(k for k in locals() if k.startswith("coun")))


def outer():
    values = []

    def add(v):
        values.append(v)
        return len(values)

    def total():
        return sum(values)

    return add, total


add, total = outer()
add(5); add(7)
print(total(), add.__code__.co_freevars, outer.__name__, outer.__qualname__, add.__qualname__)


class Resource:
    live = []

    def __init__(self, name):
        self.name = name
        Resource.live.append(name)

    def __del__(self):
        Resource.live.remove(self.name)
        print(f"  del {self.name}")


def scope():
    r1 = Resource("r1")
    r2 = Resource("r2")
    print("  in scope", Resource.live)


scope()
r = Resource("r3")
r = None
print("live", Resource.live)
lst = [Resource("a"), Resource("b")]
del lst[0]
print("after del", Resource.live)
lst.clear()


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    __radd__ = __add__

    def __iadd__(self, other):
        self.cents += other.cents if isinstance(other, Money) else other
        return self

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents

    def __hash__(self):
        return hash(self.cents)

    def __bool__(self):
        return self.cents != 0

    def __int__(self):
        return self.cents

    def __float__(self):
        return self.cents / 100

    def __index__(self):
        return self.cents

    def __round__(self, n=None):
        return Money(round(self.cents, -2))

    def __contains__(self, coin):
        return coin <= self.cents

    def __call__(self, factor):
        return Money(self.cents * factor)

    def __neg__(self):
        return Money(-self.cents)


wallet = [Money(250), Money(1999), Money(5)]
print(sum(wallet), sum(wallet, Money(0)), sorted(wallet), max(wallet), min(wallet))
m = Money(100)
alias = m
m += Money(50)
print(m, alias, m is alias, m == Money(150), m != Money(1), Money(3) > Money(2), Money(3) >= Money(3))
print(bool(Money(0)), int(m), float(m), round(Money(1250)), 100 in m, 500 in m, m(3), -m, hex(Money(255)))
print(["a", "b", "c", "d"][Money(1)], len({Money(1), Money(1), Money(2)}))
try:
    Money(1) + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    Money(1) < 5
except AttributeError as e:
    print("AttributeError:", e)
print(sys.getrecursionlimit() > 100, sys.maxsize, type(sys.argv).__name__, sys.version_info[:2] >= (3, 11))
print(sys.version_info.major, isinstance(sys.platform, str), sys.byteorder in ("little", "big"))
