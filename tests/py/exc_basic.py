# Exceptions: raising, catching, chaining, attributes, str/repr.
import sys

def boom(kind):
    if kind == 0:
        raise ValueError("bad value")
    if kind == 1:
        return {}["missing"]
    if kind == 2:
        return [1, 2][5]
    if kind == 3:
        return 1 / 0
    if kind == 4:
        return undefined_name
    if kind == 5:
        return int("abc")
    if kind == 6:
        return None.attr
    return "ok"

for k in range(8):
    try:
        r = boom(k)
    except (ValueError, KeyError) as e:
        print("A", type(e).__name__, e, repr(e), e.args)
    except LookupError as e:
        print("B", type(e).__name__, e)
    except ArithmeticError as e:
        print("C", type(e).__name__, e)
    except Exception as e:
        print("D", type(e).__name__, e)
    else:
        print("else", r)
    finally:
        print("finally", k)

class AppError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code

try:
    raise AppError("disk full", 28)
except AppError as e:
    print(e, e.code, e.args, isinstance(e, Exception))

try:
    try:
        raise KeyError("k")
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during")
except TypeError as e:
    print(repr(e.__context__), e.__cause__)

def reraiser():
    try:
        raise IndexError("inner")
    except IndexError:
        print("exc_info:", sys.exc_info()[0].__name__)
        raise

try:
    reraiser()
except IndexError as e:
    print("re-raised", e)
print("exc_info after:", sys.exc_info())

print(repr(ValueError()), repr(ValueError(1, 2)), str(ValueError(1, 2)), str(KeyError("x")))
print(str(KeyError()), repr(KeyError(1)), str(OSError(2, "No such file")))
e = OSError(2, "No such file or directory", "/nope")
print(type(e).__name__, e.errno, e.strerror, e.filename, e)
print(issubclass(FileNotFoundError, OSError), IOError is OSError)
e = StopIteration(42)
print(e.value, SystemExit(3).code, SystemExit().code)
e = ValueError("x")
e.extra = 5
print(e.extra)
try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e))
try:
    raise 5
except TypeError as e:
    print(e)
def f():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(f())
e = Exception("a", "b")
print(e.args, str(e))
try:
    raise Exception("tb")
except Exception as e:
    print(e.__traceback__ is not None, e.__traceback__.tb_lineno)
print(BaseException.__subclasses__ is not None)
print([c.__name__ for c in ArithmeticError.__mro__])
