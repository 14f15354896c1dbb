import sys
def f():
    raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), KeyError(3)])])
def g():
    try:
        f()
    except* ValueError:
        pass
def h():
    try:
        g()
    except* TypeError as e:
        raise RuntimeError("wrapped") from e
try:
    h()
except BaseException as e:
    sys.excepthook(type(e), e, e.__traceback__)
try:
    raise ExceptionGroup("many", [ValueError(i) for i in range(17)])
except ExceptionGroup as e:
    sys.excepthook(type(e), e, e.__traceback__)
def deep(n):
    if n == 0:
        return ValueError('leaf')
    return ExceptionGroup('lvl%d' % n, [deep(n - 1)])
try:
    raise deep(12)
except ExceptionGroup as e:
    sys.excepthook(type(e), e, e.__traceback__)
def chained():
    try:
        raise KeyError('a')
    except KeyError:
        raise ExceptionGroup("ctx", [ValueError('v')])
try:
    try:
        chained()
    except* ValueError as eg:
        e = eg.exceptions[0]
        e.add_note('a note')
        raise
except ExceptionGroup as e:
    sys.excepthook(type(e), e, e.__traceback__)
g()
