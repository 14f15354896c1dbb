from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, type(Color.RED).__name__)
print(list(Color), len(Color), Color(2), Color['BLUE'], Color.CRIMSON is Color.RED, Color(1).name)
print(Color.__members__, list(Color.__members__))
print(Color.RED in Color, Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN, isinstance(Color.RED, Color))
print(Color, repr(Color), f'{Color.RED}', f'{Color.GREEN!r}', '{:>12}|'.format(Color.BLUE), str(Color.BLUE))
print({Color.RED: 'r', Color.GREEN: 'g'}[Color.RED], sorted(Color, key=lambda c: c.value, reverse=True))
print(list(reversed(Color)), Color.RED.__class__ is Color, hash(Color.RED) == hash(Color.CRIMSON))
for bad in (lambda: Color(7), lambda: Color['PINK']):
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
try:
    Color.RED = 5
except AttributeError as e:
    print('AttributeError', e)
try:
    class Dup(Enum):
        A = 1
        A = 2
except TypeError as e:
    print('TypeError', e)
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print('ValueError', e)

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 4), Planet((3.303e+23, 2.4397e6)))

class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    TRIANGLE = auto()
    def describe(self):
        return '%s has value %d' % (self.name, self.value)
    @classmethod
    def default(cls):
        return cls.CIRCLE
print(list(Shape), Shape.TRIANGLE.describe(), Shape.default())

class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE, repr(Num.TWO), Num.ONE + 1, Num.TWO * 3, Num.ONE == 1, Num.ONE < Num.TWO, f'{Num.TWO}', str(Num.ONE), int(Num.TWO),
      sorted([Num.TWO, Num.ONE]), Num(2), isinstance(Num.ONE, int), [0, 10, 20][Num.TWO], hash(Num.ONE) == hash(1))

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
print(list(Perm), repr(Perm.R | Perm.W), Perm.R | Perm.W, Perm.RW, repr(Perm.R | Perm.X), Perm.R in (Perm.R | Perm.W),
      Perm.X in Perm.RW, bool(Perm.R & Perm.W), repr(Perm(0)), repr(~Perm.R), Perm(7), list(Perm.R | Perm.X), len(Perm.RW))
print(Perm.__members__.keys(), Perm, Perm.R.value, Perm(3) is Perm.RW)

class IP(IntFlag):
    A = 1
    B = 2
    C = 4
print(repr(IP.A | IP.B), IP.A | IP.B, IP.A | 2, IP.C & 4, repr(IP(8)), IP.A + 1, list(IP))

class Str(StrEnum):
    ALPHA = auto()
    BETA = 'b'
print(Str.ALPHA, repr(Str.ALPHA), Str.BETA == 'b', Str.ALPHA.upper(), f'{Str.BETA}', list(Str))

class Mixed(str, Enum):
    A = 'apple'
    B = 'banana'
print(Mixed.A, repr(Mixed.A), Mixed.A == 'apple', Mixed('banana'), Mixed.A.value, Mixed.A.upper())

Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, Animal(3))
Pairs = Enum('Pairs', [('P', 5), ('Q', 9)])
print(list(Pairs), Pairs.Q.value)

class Weekday(Enum):
    MON = 1
    TUE = 2
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.name.lower() == value.lower():
                    return m
        return None
print(Weekday('mon'), Weekday('TUE'))
try:
    Weekday('xyz')
except ValueError as e:
    print('ValueError', e)

match Color.GREEN:
    case Color.RED:
        print('red!')
    case Color.GREEN:
        print('green!')
class Empty(Enum):
    pass
print(list(Empty), len(Empty))
class Base(Enum):
    def hello(self):
        return 'hello ' + self.name
class Derived(Base):
    X = 1
print(Derived.X.hello())
