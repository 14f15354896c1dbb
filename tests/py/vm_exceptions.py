# Exceptions crossing frames, handlers, finally ordering, chaining.

def inner(n):
    if n == 0:
        raise ValueError("bottom")
    return inner(n - 1)

def middle():
    try:
        inner(3)
    finally:
        print("middle finally")

try:
    middle()
except ValueError as e:
    print("caught", e)

def order():
    log = []
    try:
        try:
            log.append("try")
            raise KeyError("k")
        except KeyError:
            log.append("except")
            raise
        finally:
            log.append("finally")
    except KeyError as e:
        log.append("outer " + repr(e))
    return log

print(order())

def finally_return():
    try:
        return "try"
    finally:
        print("finally runs before return")

print(finally_return())

def finally_overrides():
    try:
        return 1
    finally:
        return 2

print(finally_overrides())

def loop_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out

print(loop_finally())

# implicit context
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)

# explicit cause
try:
    try:
        {}["x"]
    except KeyError as k:
        raise RuntimeError("from") from k
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)

# from None
try:
    try:
        [][0]
    except IndexError:
        raise TypeError("hidden") from None
except TypeError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, repr(e.__context__))

# re-raising the handled exception keeps no self-context
try:
    try:
        raise OSError("same")
    except OSError as e:
        raise e
except OSError as e:
    print(repr(e), e.__context__)

# bare raise without an active exception
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)

for bad in ["raise 1", "raise ValueError from 1"]:
    try:
        exec(bad)
    except TypeError as e:
        print("TypeError:", e)

try:
    try:
        1 / 0
    except 42:
        pass
except TypeError as e:
    print("TypeError:", e)

# exception classes are instantiated; exception variables are deleted
try:
    raise KeyError
except KeyError as e:
    print(type(e).__name__, e.args)
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)

# handlers with tuples and subclasses
for exc in (ValueError, IndexError, KeyError, ZeroDivisionError):
    try:
        raise exc("x")
    except (ValueError, LookupError) as e:
        print("tuple", type(e).__name__)
    except ArithmeticError as e:
        print("arith", type(e).__name__)

# with statement
class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.swallow

with CM("a") as a, CM("b"):
    print("body", a.name)

with CM("swallow", True):
    raise ValueError("gone")
print("after swallow")

try:
    with CM("no"):
        raise ValueError("kept")
except ValueError as e:
    print("propagated", e)

try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)

# sys.exc_info inside and after handlers
import sys
try:
    raise ValueError("info")
except ValueError:
    print(sys.exc_info()[0].__name__)
    try:
        raise KeyError("nested")
    except KeyError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())

# else clause
def with_else(x):
    try:
        r = 10 // x
    except ZeroDivisionError:
        return "div0"
    else:
        return "ok %d" % r
    finally:
        print("fin", x)

print(with_else(2), with_else(0))

# exceptions in generators/comprehensions propagate
try:
    [1 // (i - 2) for i in range(5)]
except ZeroDivisionError as e:
    print("comprehension", e)

# assert
try:
    assert 1 == 2, "math"
except AssertionError as e:
    print("AssertionError:", e)

# unpacking errors
for src in ["a, b = 1", "a, b = [1, 2, 3]", "a, b, c = (1, 2)", "a, *b, c = [1]"]:
    try:
        exec(src)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

# name errors
def unbound():
    print(x_local)
    x_local = 1

try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

try:
    undefined_name
except NameError as e:
    print("NameError:", e)

def outer():
    def get():
        return v
    try:
        get()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    v = 1
    return get()

print(outer())

try:
    for x in 5:
        pass
except TypeError as e:
    print("TypeError:", e)
