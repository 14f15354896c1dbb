from dataclasses import dataclass, field, asdict, astuple, fields, replace, FrozenInstanceError, is_dataclass, InitVar, KW_ONLY, make_dataclass
from typing import List, Optional, ClassVar

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(5), p == Point(1, 2), p != Point(1, 3), p == (1, 2), Point.__doc__)
print(Point.__match_args__, [f.name for f in fields(Point)], [f.type for f in fields(p)], is_dataclass(p), is_dataclass(Point), is_dataclass(1))
for args, kw in [((), {}), ((1, 2, 3), {}), ((1,), {'z': 3}), ((1,), {'x': 2})]:
    try:
        Point(*args, **kw)
    except TypeError as e:
        print('TypeError', e)
try:
    hash(p)
except TypeError as e:
    print('TypeError', e)

@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False)
    secret: str = field(default='s', compare=False)
    total: ClassVar[int] = 100

a = Inventory('a'); b = Inventory('a')
a.items.append('x')
print(a, b, a.items is not b.items, a == Inventory('a', ['x'], 0, 'other'), Inventory.total, [f.name for f in fields(Inventory)])
print(asdict(a), astuple(a))

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 1)]
print(sorted(vs), max(vs), Version(1) < Version(1, 0, 1), Version(2) >= Version(1, 9), hash(Version(1, 2)) == hash(Version(1, 2)))
v = Version(1)
try:
    v.major = 3
except FrozenInstanceError as e:
    print('FrozenInstanceError', e, isinstance(e, AttributeError))
try:
    del v.minor
except FrozenInstanceError as e:
    print('FrozenInstanceError', e)
print(replace(v, minor=5), v, {Version(1): 'one'}[Version(1)])

@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)
    def __post_init__(self):
        self.area = self.w * self.h
print(Rect(2, 3), Rect(2, 3).area)

@dataclass
class WithInit:
    x: int
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.x *= scale
print(WithInit(5), WithInit(5, 10), [f.name for f in fields(WithInit)])

@dataclass
class Base:
    a: int
    b: str = 'b'
@dataclass
class Child(Base):
    c: float = 1.5
    def total(self):
        return self.a + self.c
print(Child(1), Child(1, 'x', 2.5).total(), [f.name for f in fields(Child)], isinstance(Child(1), Base))

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
    parent: Optional['Node'] = field(default=None, repr=False)
root = Node(1); kid = Node(2, parent=root); root.children.append(kid)
print(root, asdict(Node(3, [Node(4)])))

@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int = 1
print(Opts(level=3))
try:
    Opts(True)
except TypeError as e:
    print('TypeError', e)

@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int
print(Mixed(1, c=3))

try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print('ValueError', e)
try:
    @dataclass
    class Bad2:
        x: int = 1
        y: int
except TypeError as e:
    print('TypeError', e)

@dataclass(eq=False)
class Ident:
    v: int
print(Ident(1) == Ident(1), hash(Ident(1)) is not None)

@dataclass(unsafe_hash=True)
class H:
    v: int
    w: int = field(hash=False, default=0)
print(hash(H(1, 2)) == hash(H(1, 3)))

@dataclass
class Custom:
    v: int
    def __repr__(self):
        return 'Custom<%d>' % self.v
print(Custom(3), [Custom(1)])

P3 = make_dataclass('P3', [('x', int), ('y', int, field(default=5))])
print(P3(1), P3(1, 2) == P3(1, 2))

@dataclass(slots=True)
class Slotted:
    a: int
    b: int = 1
s = Slotted(1)
print(s, hasattr(s, '__dict__'), Slotted.__slots__)
try:
    fields(5)
except TypeError as e:
    print('TypeError', e)
@dataclass
class Rec:
    items: list
r = Rec([]); r.items.append(r)
print(r)
@dataclass
class Empty:
    pass
print(Empty(), Empty() == Empty())
