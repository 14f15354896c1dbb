# try/except/else/finally, with, return/break/continue through finally.
def f1():
    try:
        return "try"
    finally:
        print("finally runs")


print(f1())


def f2():
    try:
        return "try"
    finally:
        return "finally wins"


print(f2())


def f3():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("fin", i)
    return i


print(f3())


def f4(x):
    try:
        r = 10 / x
    except ZeroDivisionError as e:
        print("caught", type(e).__name__)
        return "zero"
    except (TypeError, ValueError):
        return "type"
    else:
        print("else", r)
    finally:
        print("cleanup", x)
    return "end"


print(f4(2), f4(0), f4("s"))


def f5():
    try:
        raise KeyError("k")
    except KeyError as e:
        pass
    return "e" in locals()


print(f5())


def f6():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
    try:
        try:
            raise ValueError("a")
        except ValueError:
            raise TypeError("b")
    except TypeError as e:
        print("chained", repr(e), repr(e.__context__))
    try:
        raise RuntimeError("x") from KeyError("y")
    except RuntimeError as e:
        print("cause", repr(e.__cause__))


f6()


def f7():
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise
        except ValueError as e:
            print("reraised", e.args)


f7()


class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.suppress


with CM("a") as a, CM("b") as b:
    print("inside", a.name, b.name)
with CM("s", True):
    raise ValueError("suppressed")
print("after suppressed")
try:
    with CM("n"):
        raise KeyError("propagates")
except KeyError as e:
    print("propagated", e)


def f8():
    with CM("r"):
        return "returned"


print(f8())


def f9():
    for i in range(3):
        with CM(str(i)):
            if i == 1:
                break
    return i


print(f9())


def f10():
    while True:
        try:
            try:
                return 1
            finally:
                print("inner")
        finally:
            print("outer")


print(f10())


def f11():
    try:
        1 / 0
    except:
        return "bare"


print(f11())
try:
    try:
        raise ValueError
    except KeyError:
        print("wrong")
except ValueError:
    print("unmatched passes through")
