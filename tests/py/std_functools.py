import functools
from functools import (lru_cache, cache, partial, reduce, wraps, total_ordering,
                       cmp_to_key, cached_property, singledispatch, update_wrapper,
                       partialmethod, singledispatchmethod)

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())

@lru_cache(maxsize=3)
def sq(x):
    print('  compute', x)
    return x * x
for v in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    sq(v)
print(sq.cache_info(), sq.cache_parameters())
info = sq.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, type(info).__name__, info._fields)

@lru_cache
def add(a, b=1):
    return a + b
print(add(1), add(1), add(1, b=1), add(a=1), add.cache_info(), add.__name__)

@lru_cache(maxsize=10, typed=True)
def ident(x):
    return x
ident(1); ident(1.0); ident(True)
print(ident.cache_info())

@lru_cache(0)
def nocache(x):
    return x
nocache(1); nocache(1)
print(nocache.cache_info())

@cache
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact.cache_info())
try:
    lru_cache('x')
except TypeError as e:
    print('TypeError', e)

class C:
    @lru_cache(maxsize=None)
    def m(self, x):
        return x * 2
c = C()
print(c.m(4), c.m(4), C.m.cache_info())

def f(a, b, c=3, *, d=4):
    return (a, b, c, d)
p = partial(f, 1, d=10)
print(p(2), p(2, 5), p.func is f, p.args, p.keywords)
p2 = partial(p, 7)
print(p2(), p2.args, p2.func is f)
print(repr(partial(max, 1, key=abs)).replace(repr(max), 'MAX'))
class MyPartial(partial):
    pass
print(repr(MyPartial(max, 2)).replace(repr(max), 'MAX'))
try:
    partial(5)
except TypeError as e:
    print('TypeError', e)

print(reduce(lambda a, b: a * b, range(1, 8)), reduce(lambda a, b: a + b, [], 100), reduce(max, [3, 9, 2]))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print('TypeError', e)

def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        """inner doc"""
        return fn(*a, **k)
    return inner
@deco
def hello(name: str) -> str:
    """Say hi."""
    return 'hi ' + name
print(hello('bob'), hello.__name__, hello.__doc__, hello.__annotations__, hello.__wrapped__.__name__, hello.__qualname__)

@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(3) >= V(2), sorted([V(3), V(1), V(2)], key=lambda x: x.v)[0].v)
@total_ordering
class W:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __ge__(self, o): return self.v >= o.v
print(W(1) < W(2), W(1) > W(2), W(1) <= W(1), W(3) >= W(2))
try:
    total_ordering(type('Z', (), {}))
except ValueError as e:
    print('ValueError', e)

def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([5, 2, 8, 1], key=cmp_to_key(cmp)), sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda a, b: len(b) - len(a))))

class Circle:
    def __init__(self, r): self.r = r
    @cached_property
    def area(self):
        print('  computing area')
        return 3 * self.r * self.r
ci = Circle(2)
print(ci.area, ci.area, 'area' in ci.__dict__)
del ci.area
print(ci.area, type(Circle.area).__name__)

@singledispatch
def show(x):
    return 'object ' + repr(x)
@show.register
def _(x: int):
    return 'int %d' % x
@show.register(list)
def _(x):
    return 'list of %d' % len(x)
@show.register(str)
@show.register(bytes)
def _(x):
    return 'text ' + repr(x)
print(show(1), show(True), show([1, 2]), show('s'), show(b'b'), show(2.5), show(None))
import collections.abc
@show.register(collections.abc.Mapping)
def _(x):
    return 'mapping'
print(show({}), show(collections.OrderedDict()) if hasattr(collections, 'OrderedDict') else '', show.dispatch(float) is show.registry[object])

import collections
class Acc:
    def __init__(self): self.total = 0
    def add(self, x, y=1): self.total += x * y; return self.total
    add3 = partialmethod(add, 3)
a = Acc(); print(a.add3(), a.add3(y=2))

class Neg:
    @singledispatchmethod
    def neg(self, arg):
        return 'unknown'
    @neg.register
    def _(self, arg: int):
        return -arg
    @neg.register
    def _(self, arg: bool):
        return not arg
print(Neg().neg(5), Neg().neg(True), Neg().neg('x'))

def w(): pass
def orig():
    """doc!"""
orig.extra = 5
update_wrapper(w, orig)
print(w.__name__, w.__doc__, w.extra, w.__wrapped__ is orig)
