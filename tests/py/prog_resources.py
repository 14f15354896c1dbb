# A context-manager based resource tracker.
import contextlib


class ResourceTracker:
    def __init__(self):
        self.open = {}
        self.events = []

    def log(self, msg):
        self.events.append(msg)
        print("  " + msg)


tracker = ResourceTracker()


class Resource:
    def __init__(self, name, fail_on_exit=False):
        self.name = name
        self.fail_on_exit = fail_on_exit

    def __enter__(self):
        tracker.open[self.name] = self
        tracker.log(f"acquire {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        del tracker.open[self.name]
        tracker.log(f"release {self.name} exc={exc_type.__name__ if exc_type else None}")
        if self.fail_on_exit:
            raise RuntimeError(f"cleanup of {self.name} failed")
        return False


class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = None

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            self.caught = ev
            return True
        return None


print("nested with:")
with Resource("db") as db, Resource("cache") as cache:
    print("  using", db.name, cache.name, sorted(tracker.open))
print("open after:", tracker.open)

print("exception inside with:")
try:
    with Resource("file"):
        raise KeyError("missing")
except KeyError as e:
    print("  caught", repr(e))

print("suppression:")
with Suppress(ZeroDivisionError, ValueError) as s:
    1 / 0
print("  suppressed:", repr(s.caught))
with Suppress(ValueError) as s:
    int("x")
print("  suppressed:", s.caught)
try:
    with Suppress(ValueError):
        [].pop()
except IndexError as e:
    print("  not suppressed:", e)

print("exit raising:")
try:
    with Resource("sock", fail_on_exit=True):
        raise ValueError("original")
except RuntimeError as e:
    print("  RuntimeError:", e, "| context:", repr(e.__context__))


@contextlib.contextmanager
def transaction(name):
    tracker.log(f"begin {name}")
    state = {"ops": []}
    try:
        yield state
    except ValueError as e:
        tracker.log(f"rollback {name}: {e}")
    else:
        tracker.log(f"commit {name} {state['ops']}")
    finally:
        tracker.log(f"end {name}")


print("contextmanager:")
with transaction("t1") as t:
    t["ops"].append("insert")
    t["ops"].append("update")
with transaction("t2") as t:
    t["ops"].append("delete")
    raise ValueError("constraint violated")
print("  after t2 (suppressed by generator)")
try:
    with transaction("t3"):
        raise TypeError("wrong type")
except TypeError as e:
    print("  propagated:", e)


@contextlib.contextmanager
def indent(level):
    prefix = "    " * level
    yield lambda s: print(prefix + s)


with indent(1) as out:
    out("one")
    with indent(2) as out2:
        out2("two")
    out("one again")

print("ExitStack:")
with contextlib.ExitStack() as stack:
    res = [stack.enter_context(Resource(f"r{i}")) for i in range(3)]
    stack.callback(lambda: tracker.log("callback ran"))
    print("  holding", [r.name for r in res])
print("  open:", tracker.open)

with contextlib.suppress(FileNotFoundError, KeyError):
    {}["x"]
print("suppress ok")


class Closeable:
    def __init__(self):
        self.closed = False

    def close(self):
        self.closed = True
        tracker.log("closed")


with contextlib.closing(Closeable()) as c:
    print("  inside closing, closed =", c.closed)
print("  after closing, closed =", c.closed)

with contextlib.nullcontext(42) as v:
    print("nullcontext gave", v)


class Timer:
    """Fake timer using a counter to stay deterministic."""
    ticks = 0

    def __enter__(self):
        Timer.ticks += 1
        self.start = Timer.ticks
        return self

    def __exit__(self, *exc):
        Timer.ticks += 5
        self.elapsed = Timer.ticks - self.start
        return False


with Timer() as t1:
    with Timer() as t2:
        pass
print("elapsed", t1.elapsed, t2.elapsed)


def gen_with_cleanup():
    with Resource("gen-res"):
        yield 1
        yield 2


g = gen_with_cleanup()
print("gen first:", next(g))
g.close()
print("events:", len(tracker.events), tracker.events[-3:])
try:
    with Resource("x") as r, Resource("x2", fail_on_exit=True):
        pass
except RuntimeError as e:
    print("exit failure:", e, tracker.open)
