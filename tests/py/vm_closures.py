# Closures, nonlocal, class bodies, __class__ and super(), decorators.

def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc

c1, c2 = counter(), counter()
print(c1(), c1(), c1(5), c2())

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)], [lambda x: x + i for i in range(3)]

early, late = make_adders()
print([f(10) for f in early], [f(10) for f in late])

def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle

print(outer(1)(2)(3))

def arg_cell(x):
    def get():
        return x
    x += 1
    return get()

print(arg_cell(41))

x = "global"
def shadow():
    x = "enclosing"
    class Inner:
        y = x
        def method(self):
            return x
    return Inner.y, Inner().method()

print(shadow())

class Base:
    greeting = "hello"
    def __init__(self, name):
        self.name = name
    def greet(self):
        return "%s from %s" % (self.greeting, self.name)
    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, self.name)

class Child(Base):
    greeting = "hi"
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
    def greet(self):
        return super().greet() + " +" + self.extra
    def cls(self):
        return __class__.__name__

ch = Child("kid", "x")
print(ch.greet(), ch, ch.cls(), Child.__mro__[1].__name__)

class Body:
    items = [i * i for i in range(4)]
    total = sum(items)
    if total > 10:
        big = True
    def method(self):
        return self.total
print(Body.items, Body.total, Body.big, Body().method(), Body.__qualname__)

def deco(tag):
    def wrap(fn):
        def wrapped(*a, **k):
            return "<%s>%s</%s>" % (tag, fn(*a, **k), tag)
        return wrapped
    return wrap

@deco("b")
@deco("i")
def text(s):
    return s

print(text("bold"))

class Prop:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, value):
        self._v = value * 2

p = Prop()
p.v = 21
print(p.v)

def gen_closure():
    total = 0
    def add(n):
        nonlocal total
        total += n
    for i in range(5):
        add(i)
    return total

print(gen_closure())

def deleted_cell():
    v = 1
    def get():
        return v
    del v
    try:
        get()
    except NameError as e:
        print(type(e).__name__ + ":", e)

deleted_cell()

def global_stmt():
    global new_global
    new_global = "set"
global_stmt()
print(new_global)

print((lambda: (yield))().__class__.__name__)
print([(lambda k: k * 2)(i) for i in range(3)])
print({k: v for k, v in zip("ab", (1, 2))}, {s for s in "aa"})
