# When the VM releases references: locals at return (slot order),
# temporaries, frames kept alive by tracebacks, and module teardown at exit.
import sys

class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def f():
    a = T("a")
    b = T("b")
    c = T("c")
    print("returning")
    return 1

print(f())

def args_first(x, y):
    z = T("z")
    return None

args_first(T("x"), T("y"))
print("after args_first")

def reassign():
    v = T("first")
    v = T("second")
    print("reassigned")

reassign()

def print_word():
    word = 'Seven'
    print(word, sys.getrefcount(word) > 1)

print_word()

def temporaries():
    print("len", len([T("t1"), T("t2")]))

temporaries()

def kept_by_traceback():
    keep = T("keep")
    raise ValueError("x")

try:
    kept_by_traceback()
except ValueError as e:
    print("handling")
print("handler done")

def exception_locals():
    loc = T("loc")
    1 / 0

try:
    exception_locals()
except ZeroDivisionError:
    err = sys.exc_info()[1]
print("err still alive")
del err
print("err deleted")

class Holder:
    def __init__(self):
        self.items = [T("h1"), T("h2")]

h = Holder()
del h
print("holder deleted")

def gen():
    g_local = T("g_local")
    yield 1

it = gen()
next(it)
del it
print("generator deleted")

x = T("global_x")
_y = T("_global_y")
z = T("global_z")
print("end of script")
