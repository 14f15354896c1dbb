# function objects: attributes, closures, defaults, bound methods
def f(a, b=2, *, c=3):
    "doc of f"
    return a + b + c
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__, f.__module__)
print(f(1), f(1, 1, c=1), f.__code__.co_name, f.__globals__ is globals(), f.__closure__)
f.counter = 0
f.counter += 1
print(f.counter, f.__dict__)
f.__qualname__ = "renamed"
print(f.__qualname__)
try:
    f.__qualname__ = 5
except TypeError as e:
    print(e)
try:
    f.__name__ = None
except TypeError as e:
    print(e)
def g():
    pass
print(g.__doc__, g.__defaults__, g.__kwdefaults__, g.__annotations__, g.__dict__)
f.__defaults__ = (10,)
print(f(1))
def h(x: int, y: "s" = 1) -> float:
    return x
print(h.__annotations__)
def outer():
    x = 1
    y = [2]
    def inner():
        return x + y[0]
    return inner
inner = outer()
print(inner(), len(inner.__closure__), [c.cell_contents for c in inner.__closure__])
print(inner.__qualname__, type(inner.__closure__[0]).__name__)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c1 = counter()
c1(); c1()
print(c1(), c1.__closure__[0].cell_contents)
def shared(item, acc=[]):
    acc.append(item)
    return acc
shared(1)
shared(2)
print(shared(3), shared.__defaults__)
class A:
    def m(self, x):
        "method doc"
        return x * 2
    @classmethod
    def cm(cls):
        return cls.__name__
    @staticmethod
    def sm(v):
        return v
a = A()
bm = a.m
print(bm(4), bm.__func__ is A.m, bm.__self__ is a, bm.__name__, bm.__qualname__, bm.__doc__)
print(a.m == a.m, a.m is a.m, a.m == A().m, hash(a.m) == hash(a.m), A.m(a, 5), A.cm(), a.sm(7))
print(type(bm).__name__, type(A.m).__name__, type(len).__name__, type([].append).__name__)
print(len.__name__, len.__qualname__, [].append.__name__, [].append.__qualname__, len.__module__)
print(repr(len), repr(abs), [].append.__self__, len.__self__.__name__)
try:
    bm.x = 1
except AttributeError as e:
    print("AttributeError")
try:
    len(1, 2)
except TypeError as e:
    print(e)
print(a.m.__func__.__get__(a)(6), A.__dict__["m"].__get__(None, A) is A.m)
import math
print(repr(math)[:22], math.__name__, type(math).__name__)
import types
m = types.ModuleType("mymod", "the doc")
m.x = 5
print(m.__name__, m.__doc__, m.x, repr(m), sorted(k for k in m.__dict__ if not k.startswith("__")))
try:
    m.missing
except AttributeError as e:
    print(e)
m.__getattr__ = lambda name: "dyn_" + name
print(m.anything)
