# Generators: iteration, send, throw, close, return values, yield from,
# generator expressions, finalization.

def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count(5)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
try:
    next(g)
except StopIteration as e:
    print("exhausted again:", e.value)

def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    finally:
        print("echo closing with", received)

e = echo()
print(e.send(None))
print(e.send("a"))
print(e.send("b"))
e.close()
print(e.gi_frame)

try:
    count(3).send(5)
except TypeError as err:
    print("TypeError:", err)

def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as err:
            print("caught inside:", err)
            yield "recovered"

c = catcher()
print(next(c))
print(c.throw(ValueError("boom")))
print(next(c))
try:
    c.throw(KeyError("unhandled"))
except KeyError as err:
    print("propagated:", repr(err))
print(c.gi_frame is None)

def stubborn():
    ignored = False
    while True:
        try:
            yield 1
        except GeneratorExit:
            if ignored:
                print("second GeneratorExit: giving up")
                return
            ignored = True
            print("ignoring GeneratorExit")

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as err:
    print("RuntimeError:", err)

def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield from [10, 20]
    return "outer result"

o = outer()
print(next(o))
print(o.send("A"))
print(o.send("B"))
print(next(o))
try:
    next(o)
except StopIteration as err:
    print("final:", err.value)

def delegate_throw():
    def sub():
        try:
            yield "sub"
        except ValueError:
            yield "sub handled"
        yield "sub after"
    yield from sub()
    yield "outer after"

d = delegate_throw()
print(next(d))
print(d.throw(ValueError))
print(list(d))

def closing_sub():
    try:
        yield 1
        yield 2
    finally:
        print("sub finally")

def closing_outer():
    try:
        yield from closing_sub()
    finally:
        print("outer finally")

co = closing_outer()
next(co)
co.close()

def bad():
    yield 1
    raise StopIteration("oops")

try:
    list(bad())
except RuntimeError as err:
    print("RuntimeError:", err, "| cause:", repr(err.__cause__))

def running():
    yield me.send(None)

me = running()
try:
    next(me)
except ValueError as err:
    print("ValueError:", err)

print(sum(x * x for x in range(10)))
print(list(x for x in "abc" if x != "b"))
gen = (i for i in range(3))
print(gen.__name__, gen.__qualname__, iter(gen) is gen)
print([y for y in (x + 1 for x in range(4))])

def fin():
    try:
        yield 1
    finally:
        print("finalized at dealloc")

f = fin()
next(f)
del f
print("after del")

def unstarted():
    try:
        yield 1
    finally:
        print("never printed")

u = unstarted()
del u
print("unstarted gone")

def gen_with_locals():
    class Tracker:
        def __del__(self):
            print("tracker freed")
    t = Tracker()
    yield 1
    yield 2

gl = gen_with_locals()
next(gl)
gl = None
print("end")

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

fg = fib()
print([next(fg) for _ in range(12)])

def gen_state():
    yield
g2 = gen_state()
print(g2.gi_running, g2.gi_frame is not None)
for _ in g2:
    pass
print(g2.gi_frame)

def exc_state():
    try:
        raise KeyError("inside")
    except KeyError:
        yield 1
        import sys
        print("restored:", repr(sys.exc_info()[1]))

es = exc_state()
next(es)
import sys
print("outside:", sys.exc_info()[1])
try:
    next(es)
except StopIteration:
    pass
