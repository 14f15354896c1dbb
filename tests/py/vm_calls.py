# Calls: every argument kind, and CPython 3.11's error messages.

def show(f, *args, **kwargs):
    try:
        print(f(*args, **kwargs))
    except TypeError as e:
        print("TypeError:", e)

def f(a, b, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, sorted(kw.items()))

show(f, 1, 2, d=4)
show(f, 1, 2, 30, 40, 50, d=4, z=9, y=8)
show(f, b=2, a=1, d=0, e=1)
show(f, 1)
show(f)
show(f, 1, 2)
show(f, 1, 2, a=1, d=1)

def g(a, b, /, c, *, k):
    return a, b, c, k

show(g, 1, 2, 3, k=4)
show(g, 1, 2, c=3, k=4)
show(g, 1, 2, 3, 4)
show(g, 1)
show(g, a=1, b=2, c=3, k=4)
show(g, 1, 2, 3)
show(g, 1, 2, c=3, z=4, k=1)
show(g, 1, 2, 3, c=4, k=1)

def h(a, b=1):
    return a + b

show(h, 1, 2, 3)
show(h)
show(h, 1, 2, 3, x=1)
show(h, 5)
show(h, a=5, b=6)

def kwonly(*, k):
    return k

show(kwonly, 1, k=2)
show(kwonly, 1)
show(kwonly, k=7)

def three(a, b, c):
    return a * 100 + b * 10 + c

show(three)
show(three, 1)
show(three, *[1, 2, 3])
show(three, **{"a": 1, "b": 2, "c": 3})
show(three, 1, *(2,), **{"c": 3})

class C:
    def m(self, x):
        return ("m", x)
    @staticmethod
    def s(x):
        return ("s", x)
    @classmethod
    def k(cls, x):
        return (cls.__name__, x)

c = C()
show(c.m, 1)
show(c.m)
show(c.m, 1, 2)
show(C.m, c, 5)
show(c.s, 2)
show(c.k, 3)
bound = c.m
show(bound, x=4)

def star(*args, **kwargs):
    return args, sorted(kwargs.items())

show(star)
show(star, 1, 2, x=3)
show(star, *range(3), **dict(a=1))

one = 1
nothing = None
for bad in ["one()", "nothing[0]", "f(*1)", "f(**1)", "star(**{'a': 1}, **{'a': 2})",
            "len(5)", "(lambda: 1)(2)"]:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)

def defaults(a, b=[]):
    b.append(a)
    return b

print(defaults(1), defaults(2), defaults(3, []))

def nested_calls(n):
    return n if n < 2 else nested_calls(n - 1) + nested_calls(n - 2)

print([nested_calls(i) for i in range(15)])
print((lambda *a, **k: (a, k))(1, b=2))
