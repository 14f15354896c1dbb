# Inline caches of the eval loop (LOAD_GLOBAL, LOAD_ATTR, LOAD_METHOD,
# STORE_ATTR) must see every change: globals/builtins rebinding, class
# attribute changes, shadowing by instance attributes, descriptors,
# __getattr__/__getattribute__/__setattr__ added later, __class__ changes.
import builtins

x = 1
def get_x():
    return x
r = []
for i in range(3):
    r.append(get_x())
    x += 10
print(r)

def use_len():
    return len("abc")
print(use_len())
builtins.len = lambda s: 42
print(use_len())
len = lambda s: 7          # a global now shadows the builtin
print(use_len())
del len
print(use_len())
del builtins.len
try:
    use_len()
except NameError as e:
    print("NameError", e)
import sys
builtins.len = sys.modules['builtins'].__dict__.get('len') or (lambda s: s.__len__())

def missing():
    return undefined_name
for i in range(2):
    try:
        missing()
    except NameError as e:
        print(e)
undefined_name = "now defined"
print(missing())

# same code, different globals
src = "def f():\n    return y\n"
g1 = {"y": 1}
g2 = {"y": 2}
exec(src, g1)
exec(src, g2)
print(g1["f"](), g2["f"](), g1["f"](), g2["f"]())
g1["y"] = 10
print(g1["f"](), g2["f"]())

class A:
    def m(self):
        return "A.m"
    cls_attr = "class"

def call_m(o):
    return o.m()
def get_attr(o, name="x"):
    return o.x
def get_cls_attr(o):
    return o.cls_attr
def set_x(o, v):
    o.x = v

a = A()
print([call_m(a) for _ in range(3)])
A.m = lambda self: "replaced"
print(call_m(a))
a.m = lambda: "instance"
print(call_m(a))
del a.m
print(call_m(a))
del A.m
try:
    call_m(a)
except AttributeError as e:
    print("AttributeError", e)

class B(A):
    pass
b = B()
A.m = lambda self: "A.m again"
print(call_m(b))
B.m = lambda self: "B.m"
print(call_m(b), call_m(a))

for i in range(3):
    set_x(a, i)
    print(get_attr(a), get_cls_attr(a))
a.cls_attr = "inst"
print(get_cls_attr(a))
del a.cls_attr
print(get_cls_attr(a))

# a property appears on the class after the cache was filled
A.x = property(lambda self: "property x", lambda self, v: print("setter", v))
print(get_attr(a))
set_x(a, 99)
del A.x
print(get_attr(a))

# __getattr__ / __getattribute__ / __setattr__ added later
class C:
    pass
c = C()
set_x(c, 1)
print(get_attr(c))
C.__getattribute__ = lambda self, n: "getattribute " + n
print(get_attr(c), call_m.__name__)
del C.__getattribute__
print(get_attr(c))
C.__setattr__ = lambda self, n, v: print("setattr", n, v)
set_x(c, 5)
del C.__setattr__
set_x(c, 6)
print(get_attr(c))
d = C()
try:
    get_attr(d)
except AttributeError as e:
    print("AttributeError", e)
C.__getattr__ = lambda self, n: "getattr " + n
print(get_attr(d))

# __class__ assignment
class D:
    def m(self):
        return "D.m"
class E:
    def m(self):
        return "E.m"
o = D()
print(call_m(o))
o.__class__ = E
print(call_m(o))

# methods on builtin types, and non-method attributes through LOAD_METHOD
def app(l, v):
    l.append(v)
    return l
print(app([], 1), app([2], 3))
class F:
    def __init__(self):
        self.m = lambda: "attr m"
print(call_m(F()))
class G:
    m = staticmethod(lambda: "static")
print(call_m(G()))
class H:
    @classmethod
    def m(cls):
        return "classmethod of " + cls.__name__
print(call_m(H()))

# __slots__ (data descriptors) and dict-backed instances
class S:
    __slots__ = ("x",)
s = S()
set_x(s, 3)
print(get_attr(s))
class V:
    pass
v = V()
v.__dict__["x"] = "from dict"
print(get_attr(v))
set_x(v, "set after dict")
print(get_attr(v), v.__dict__)

# modules and types
import math
def sq(n):
    return math.sqrt(n)
print(sq(16.0))
math.sqrt = lambda n: "patched"
print(sq(16.0))

# calls: defaults, keywords, *args, closures, generators, recursion
def fd(a, b=2):
    return a + b
def fk(a, *, k=1):
    return a * k
def fv(*a):
    return a
def outer():
    z = 5
    def inner(q):
        return q + z
    return inner
def gen(n):
    yield from range(n)
print(fd(1), fd(1, 3), fk(2), fk(2, k=3), fv(1, 2), outer()(1), list(gen(3)))
def rec(n):
    return 0 if n == 0 else 1 + rec(n - 1)
print(rec(200))
try:
    fd()
except TypeError as e:
    print(e)
try:
    fd(1, 2, 3)
except TypeError as e:
    print(e)
class Obj:
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def __del__(self):
        print("del", self.a)
def mk():
    o = Obj(1, 2)
    p = Obj(3, 4)
    return o.a + p.b
print(mk())
