# Closures, nonlocal, global, class scopes, comprehension scopes.
def counter():
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n
    return inc


c = counter()
print(c(), c(), c())
print(c.__code__.co_freevars, counter.__code__.co_cellvars)


def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]


print([f(10) for f in make_adders()])


def late():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]


print(late())
G = "global"


def read_global():
    return G


def write_global():
    global G
    G = "changed"


print(read_global())
write_global()
print(G)


def shadow():
    G = "local"
    return G


print(shadow(), G)


def outer():
    x = "outer"

    def middle():
        def inner():
            return x
        return inner()
    return middle()


print(outer())


def arg_cell(a, b):
    def get():
        return a + b
    return get


print(arg_cell(1, 2)(), arg_cell.__code__.co_varnames, arg_cell.__code__.co_cellvars)


def f(a, b=2, *args, c, d=4, **kw):
    e = 1
    return a


print(f.__code__.co_varnames, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
print(f.__code__.co_nlocals, f.__defaults__, f.__kwdefaults__)
x = "module x"


class C:
    x = "class x"
    y = [x for _ in range(1)]

    def method(self):
        return x


print(C.y, C().method())


def enclosing():
    x = "enclosing"

    class D:
        x = "class"

        def m(self):
            return x
    return D().m(), D.x


print(enclosing())


class Base:
    def hello(self):
        return "base"


class Derived(Base):
    def hello(self):
        return "derived+" + super().hello()

    def cls(self):
        return __class__.__name__


print(Derived().hello(), Derived().cls())


class Priv:
    __secret = 42

    def get(self):
        return self.__secret


print(Priv().get(), hasattr(Priv, "_Priv__secret"), hasattr(Priv, "__secret"))
print([y := 5, y ** 2], y)


def walrus_comp():
    data = [1, 2, 3]
    total = 0
    [total := total + v for v in data]
    return total


print(walrus_comp())


def defaults_once(a=[]):
    a.append(1)
    return len(a)


print(defaults_once(), defaults_once(), defaults_once([]))


def deco(tag):
    def wrap(fn):
        def inner(*a):
            return f"{tag}({fn(*a)})"
        return inner
    return wrap


@deco("outer")
@deco("inner")
def decorated(v):
    return v


print(decorated(3))


def qual():
    def inner():
        pass
    return inner


print(qual().__qualname__, C.method.__qualname__, (lambda: 0).__qualname__)


def doc():
    "the docstring"


def nodoc():
    x = 1


print(doc.__doc__, nodoc.__doc__, C.__doc__, C.__module__, C.__qualname__)
print(counter.__code__.co_name, counter.__code__.co_flags & 3, c.__code__.co_flags & 0x10)
