# Classes: attributes, methods, class/static methods, properties, repr/str.

class Point:
    """A point."""
    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __str__(self):
        return f"({self.x}, {self.y})"

    def norm2(self):
        return self.x * self.x + self.y * self.y

    @classmethod
    def origin(cls):
        return cls(0, 0)

    @staticmethod
    def add(a, b):
        return a + b

    @property
    def pair(self):
        return (self.x, self.y)

    @pair.setter
    def pair(self, v):
        self.x, self.y = v


p = Point(3, 4)
print(p, repr(p), p.norm2(), Point.count)
print(Point.origin(), Point.add(2, 3), p.add(1, 1))
print(p.pair)
p.pair = (5, 6)
print(p.pair, p.x, p.y)
print(Point.__name__, Point.__qualname__, Point.__module__, Point.__doc__)
print(type(p) is Point, type(p).__name__, p.__class__ is Point)
print(isinstance(p, Point), isinstance(p, object), issubclass(Point, object))
print(sorted(vars(p).items()))
print(p.__dict__)
p.z = 7
print(p.__dict__)
del p.z
print(p.__dict__, hasattr(p, 'z'))
try:
    del p.z
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(p, 'missing', 'dflt'))
setattr(p, 'w', 1)
print(p.w, 'w' in p.__dict__)
p.__dict__['v'] = 42
print(p.v)
p.__dict__ = {'x': 1, 'y': 2}
print(p, p.__dict__)

# class attributes and instance shadowing
class C:
    a = 1
c = C()
print(c.a)
c.a = 2
print(c.a, C.a)
del c.a
print(c.a)
C.a = 10
print(c.a)
C.b = 'new'
print(c.b, C.__dict__['b'])
del C.b
print(hasattr(c, 'b'))
try:
    del C.nothere
except AttributeError as e:
    print("AttributeError:", e)
try:
    C.nothere
except AttributeError as e:
    print("AttributeError:", e)

# many attributes (beyond the inline table)
class Many:
    pass
m = Many()
for i in range(40):
    setattr(m, 'a%d' % i, i)
print(len(m.__dict__), m.a0, m.a39, list(m.__dict__)[:3])
for i in range(0, 40, 2):
    delattr(m, 'a%d' % i)
print(len(vars(m)), m.a1)

# object defaults
class E:
    pass
e1, e2 = E(), E()
print(e1 == e1, e1 == e2, e1 != e2, e1 != e1)
print(hash(e1) == hash(e1), str(e1) == repr(e1))
print(repr(e1).startswith('<__main__.E object at 0x'))
print(format(e1, '') == str(e1))
try:
    format(e1, 'x')
except TypeError as e:
    print("TypeError:", e)
try:
    E(1)
except TypeError as e:
    print("TypeError:", e)
try:
    object.__init__(e1, 1)
except TypeError as e:
    print("TypeError:", e)
print(object.__new__(E).__class__.__name__)

# dir contains methods and attributes
print([n for n in dir(p) if not n.startswith('__')])
print('__init__' in dir(Point), '__dict__' in dir(Point))

# methods are bound
bm = p.norm2
print(bm(), bm.__self__ is p, bm.__func__ is Point.norm2)
print(Point.norm2(p))

# class created by type()
T = type('T', (object,), {'v': 5, 'get': lambda self: self.v * 2})
print(T.__name__, T().get(), T.__bases__, T.__mro__)
print(type(T), type(type), type(object), object.__bases__, type.__bases__)
print(repr(int), repr(T), repr(type(None)))
