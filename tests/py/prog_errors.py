# Error handling that prints exception messages for common misuses.

def show(fn, *args, **kwargs):
    try:
        result = fn(*args, **kwargs)
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
    else:
        print("ok:", repr(result))


def two(a, b):
    return a + b


def kwonly(a, *, key):
    return a, key


class Thing:
    def method(self, x):
        return x

    def __repr__(self):
        return "Thing()"


show(two, 1)
show(two, 1, 2, 3)
show(two, 1, b=2, c=3)
show(two, 1, a=2)
show(kwonly, 1, 2)
show(kwonly, 1)
show(Thing().method)
show(Thing().method, 1, 2)
show(lambda: {}[[1, 2]])
show(lambda: {[1]: 2})
show(lambda: {1, {2}})
show(lambda: hash([1]))
show(lambda: Thing().missing)
show(lambda: Thing.missing)
show(lambda: (1).foo)
show(lambda: "x".nope())
show(lambda: None.attr)
show(lambda: format(3.5, "d"))
show(lambda: format("x", ">>10"))
show(lambda: f"{12:q}")
show(lambda: "{} {}".format(1))
show(lambda: "{0} {2}".format(1, 2))
show(lambda: "{name}".format(x=1))
show(lambda: int("x"))
show(lambda: int("12", 2))
show(lambda: float("abc"))
show(lambda: int(None))
show(lambda: {"a": 1}["b"])
show(lambda: {("k", 1): 1}[("k", 2)])
show(lambda: [1, 2, 3][5])
show(lambda: (1, 2)[-3])
show(lambda: "abc"[10])
show(lambda: [].pop())
show(lambda: {}.popitem())
show(lambda: [1].remove(2))
show(lambda: [1, 2].index(5))
show(lambda: 1 + "a")
show(lambda: "a" + 1)
show(lambda: [1] * "a")
show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: 1.0 / 0)
show(lambda: None())
show(lambda: 5(1))
show(lambda: len(5))
show(lambda: iter(5))
show(lambda: next(iter([])))
show(lambda: sorted([1, "a"]))
show(lambda: 1 < "a")
show(lambda: -"a")
show(lambda: abs("x"))
show(lambda: undefined_name)
show(lambda: "abc".split(1))
show(lambda: ",".join([1, 2]))
show(lambda: int("99999999999999999999999999") > 0)
show(lambda: chr(-1))
show(lambda: ord("ab"))
show(lambda: list(range(1, 10, 0)))
show(lambda: [1, 2, 3][1:2:0])
show(lambda: dict([(1, 2, 3)]))
show(lambda: tuple(1))
show(lambda: set([[]]))
show(lambda: getattr(Thing(), "zzz"))
show(getattr, Thing(), "zzz", "default")
show(lambda: setattr(1, "x", 2))
show(lambda: object().x)
show(lambda: isinstance(1, 2))
show(lambda: issubclass(1, int))
show(lambda: divmod(1, 0))
show(lambda: pow(0, -1))
show(lambda: round("x"))
show(lambda: max([]))
show(lambda: min())
show(lambda: sum(["a", "b"]))
show(lambda: "a".encode("nope"))
show(lambda: b"\xff".decode("utf-8"))
show(lambda: "%d" % "x")
show(lambda: "%s %s" % (1,))
show(lambda: "%s" % (1, 2))
show(lambda: int.from_bytes("x", "big"))
show(lambda: [1, 2].sort(key=1))
show(lambda: {}.fromkeys(1))
show(lambda: frozenset([1]).add(2))
show(lambda: (1, 2).append(3))
show(lambda: "abc".__setitem__(0, "x"))


def gen():
    yield 1


g = gen()
show(g.send, 5)
show(lambda: Thing()[0])
show(lambda: Thing()(1))
show(lambda: len(Thing()))
show(lambda: [x for x in 5])
show(lambda: (a for a in 1))
show(lambda: {**[1]})
show(lambda: two(*1))
show(lambda: two(**{1: 2}))
show(lambda: two(**[1]))
show(lambda: exec("x = "))
show(lambda: eval("1 +* 2"))
show(lambda: compile("def f(:", "<src>", "exec"))

try:
    raise KeyError("quoted 'key'")
except KeyError as e:
    print(repr(e), str(e), e.args)
try:
    raise KeyError()
except KeyError as e:
    print(repr(e), repr(str(e)))
try:
    raise ValueError("a", 2)
except ValueError as e:
    print(repr(e), str(e))
e = OSError(2, "No such file")
print(e.errno, e.strerror, str(e), repr(e))
print(repr(StopIteration(5).value), repr(SystemExit(3).code), repr(Exception()))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError),
      issubclass(ModuleNotFoundError, ImportError), issubclass(UnicodeDecodeError, ValueError))
print([c.__name__ for c in NotImplementedError.__mro__], RecursionError.__base__.__name__)
