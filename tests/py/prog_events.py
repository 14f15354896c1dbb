# Event system with decorators (with and without arguments) and closures.
import functools

class EventBus:
    def __init__(self):
        self._handlers = {}
        self.history = []

    def on(self, event, *, priority=0, once=False):
        def decorator(fn):
            entry = [priority, len(self._handlers.get(event, [])), fn, once]
            self._handlers.setdefault(event, []).append(entry)
            self._handlers[event].sort(key=lambda e: (-e[0], e[1]))
            return fn
        return decorator

    def emit(self, event, *args, **kwargs):
        self.history.append(event)
        results = []
        for entry in list(self._handlers.get(event, [])):
            priority, _, fn, once = entry
            results.append(fn(*args, **kwargs))
            if once:
                self._handlers[event].remove(entry)
        return results

    def off(self, event, fn):
        before = len(self._handlers.get(event, []))
        self._handlers[event] = [e for e in self._handlers.get(event, []) if e[2] is not fn]
        return before - len(self._handlers[event])


bus = EventBus()


@bus.on("login", priority=10)
def audit(user, **info):
    return f"audit:{user}:{sorted(info.items())}"


@bus.on("login")
def greet(user, **info):
    return f"hello {user}"


@bus.on("login", priority=5, once=True)
def first_login(user, **info):
    return f"first time for {user}?"


print(bus.emit("login", "ann", ip="10.0.0.1", agent="cli"))
print(bus.emit("login", "bob"))
print(bus.off("login", greet), bus.emit("login", "cid"), bus.emit("logout"))
print(bus.history)


def retry(times=3, exceptions=(Exception,)):
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            last = None
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, attempt=attempt, **kwargs)
                except exceptions as e:
                    print(f"  attempt {attempt} failed: {e!r}")
                    last = e
            raise RuntimeError(f"{fn.__name__} failed after {times} attempts") from last
        return wrapper
    return decorator


@retry(times=4, exceptions=(ValueError,))
def flaky(limit, attempt=0):
    """Succeeds on the given attempt."""
    if attempt < limit:
        raise ValueError(f"not yet ({attempt})")
    return f"ok on {attempt}"


print(flaky(3), flaky.__name__, flaky.__doc__, flaky.__wrapped__.__name__)
try:
    flaky(9)
except RuntimeError as e:
    print(e, "<-", repr(e.__cause__))


def make_counter(start=0, step=1):
    count = start

    def inc():
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = start

    inc.reset = reset
    return inc


c1, c2 = make_counter(), make_counter(100, -10)
print([c1() for _ in range(3)], [c2() for _ in range(3)])
c1.reset()
print(c1(), c2(), c1.__closure__ is not None, len(c1.__closure__))
print(sorted(c1.__code__.co_freevars))

adders = [lambda x, i=i: x + i for i in range(4)]
late = [lambda x: x + i for i in range(4)]
print([f(10) for f in adders], [f(10) for f in late])


def memo_property(fn):
    attr = "_memo_" + fn.__name__

    @property
    @functools.wraps(fn)
    def getter(self):
        if not hasattr(self, attr):
            setattr(self, attr, fn(self))
        return getattr(self, attr)
    return getter


class Report:
    computed = 0

    def __init__(self, data):
        self.data = data

    @memo_property
    def total(self):
        Report.computed += 1
        return sum(self.data)


r = Report([1, 2, 3])
print(r.total, r.total, Report.computed, Report.total.__doc__)


def validate(**types):
    def deco(fn):
        def wrapper(**kwargs):
            for k, t in types.items():
                if k in kwargs and not isinstance(kwargs[k], t):
                    raise TypeError(f"{k} must be {t.__name__}, not {type(kwargs[k]).__name__}")
            return fn(**kwargs)
        return wrapper
    return deco


@validate(name=str, age=int)
def register(name, age):
    return f"{name} ({age})"


print(register(name="ann", age=30))
try:
    register(name="bob", age="old")
except TypeError as e:
    print("TypeError:", e)


class cached_class_decorator:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
        functools.update_wrapper(self, fn)

    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)


@cached_class_decorator
def shout(s):
    """Make it loud."""
    return s.upper() + "!"


print(shout("hey"), shout("you"), shout.calls, shout.__name__, shout.__doc__)


def pipeline(*funcs):
    return functools.reduce(lambda f, g: lambda x: g(f(x)), funcs, lambda x: x)


p = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "-"), lambda s: f"<{s}>")
print(p("  Hello Big World  "))
