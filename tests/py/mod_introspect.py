# numbers ABCs, inspect (predicates, signature), contextvars, timeit (no timings)
import contextvars
import fractions
import functools
import inspect
import numbers
import timeit

for v in [1, True, 2.5, 1j, fractions.Fraction(1, 3), "s", None]:
    print(repr(v), [isinstance(v, c) for c in (numbers.Number, numbers.Complex,
                                                numbers.Real, numbers.Rational, numbers.Integral)])
print(issubclass(int, numbers.Integral), issubclass(float, numbers.Rational), issubclass(bool, numbers.Number))


class MyInt(numbers.Integral):
    pass


try:
    MyInt()
except TypeError as e:
    print("TypeError:", str(e).split(" with")[0])


def f(a, b: int = 1, *args, c, d: "str" = "x", **kw) -> bool:
    """Doc line.

        indented more
    """


def g(x, y=2, /, z=3, *, w):
    pass


class C:
    def __init__(self, p, q=None):
        pass

    def method(self, r, *, s=1):
        pass

    @staticmethod
    def sm(t):
        pass

    @classmethod
    def cm(cls, u):
        pass


def gen():
    yield 1


for obj in [f, g, C, C(0).method, C.sm, C.cm, C.method, lambda *a, **k: None,
            functools.partial(g, 1), gen]:
    sig = inspect.signature(obj)
    print(sig, [(p.name, str(p.kind)) for p in sig.parameters.values()])
sig = inspect.signature(f)
print(repr(sig.parameters["b"]), sig.parameters["b"].default, sig.parameters["b"].annotation,
      sig.return_annotation, sig.parameters["c"].default is inspect.Parameter.empty)
ba = sig.bind(1, 2, 3, 4, c=5, extra=6)
print(ba.arguments, ba.args, ba.kwargs)
ba = inspect.signature(g).bind(1, w=0)
ba.apply_defaults()
print(ba)
for args, kwargs in [((), {}), ((1, 2, 3, 4), {"w": 1}), ((1,), {"w": 1, "q": 2}), ((1,), {"x": 1, "w": 2})]:
    try:
        inspect.signature(g).bind(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
print(inspect.isfunction(f), inspect.isfunction(len), inspect.isclass(C), inspect.ismethod(C(0).method),
      inspect.ismethod(C.method), inspect.isgenerator(gen()), inspect.isgeneratorfunction(gen),
      inspect.isbuiltin(len), inspect.isroutine(len), inspect.ismodule(inspect),
      inspect.iscoroutinefunction(f))
print(inspect.getdoc(f))
print(inspect.cleandoc("  first\n    second\n      third\n"))
print([name for name, _ in inspect.getmembers(C, inspect.isfunction)])
print(inspect.getmro(bool), inspect.unwrap(functools.wraps(f)(lambda: 0)) is f)
print(inspect.getfullargspec(f))
print(str(inspect.Signature([inspect.Parameter("a", inspect.Parameter.POSITIONAL_ONLY)])))
try:
    inspect.signature(42)
except TypeError as e:
    print("TypeError:", e)

var = contextvars.ContextVar("var", default=0)
other = contextvars.ContextVar("other")
print(var.name, var.get(), other.get("dflt"))
try:
    other.get()
except LookupError:
    print("LookupError")
tok = var.set(5)
print(var.get(), tok.var is var, tok.old_value)
ctx = contextvars.copy_context()


def in_ctx(n):
    var.set(n)
    return var.get()


print(ctx.run(in_ctx, 42), var.get(), ctx[var], var in ctx, len(ctx) >= 1)
var.reset(tok)
print(var.get())
try:
    var.reset(tok)
except RuntimeError:
    print("RuntimeError: token used")

t = timeit.Timer("x = sum(range(10))")
print(type(t.timeit(number=10)).__name__, len(t.repeat(repeat=3, number=5)))
print(timeit.timeit("pass", number=1) >= 0, timeit.default_timer is __import__("time").perf_counter)
print(len(timeit.repeat("a + b", setup="a = 1; b = 2", number=100, repeat=2)))
counter = []
print(timeit.timeit(lambda: counter.append(1), number=7) >= 0, len(counter))
n, taken = timeit.Timer("pass").autorange()
print(n >= 1, taken >= 0.2)
try:
    timeit.Timer("1 +")
except SyntaxError:
    print("SyntaxError")
