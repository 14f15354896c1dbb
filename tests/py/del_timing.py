# __del__ runs the moment the last reference goes, in CPython's order.
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

print("-- del name")
a = T("a")
b = a
del a
print("still referenced by b")
del b
print("-- rebinding")
x = T("x1")
x = T("x2")
print("-- function locals, freed in slot order at return")
def f():
    p = T("p")
    q = T("q")
    r = T("r")
    print("leaving f")
f()
print("-- return value survives")
def g():
    keep = T("kept")
    tmp = T("tmp")
    return keep
k = g()
print("got", k.name)
del k
print("-- list clear frees items (last first on dealloc, in order on clear)")
items = [T("i0"), T("i1"), T("i2")]
items.clear()
items = [T("j0"), T("j1"), T("j2")]
del items
print("-- dict values")
d = {"a": T("da"), "b": T("db")}
del d["a"]
d = None
print("-- tuple")
t = (T("t0"), T("t1"))
del t
print("-- nested")
class Holder:
    def __init__(self):
        self.child = T("child")
    def __del__(self):
        print("del holder")
h = Holder()
del h
print("-- exception variable cleared at end of except")
try:
    raise ValueError(T("in-exc"))
except ValueError as e:
    print("handling")
print("after except")
print("-- temporary in expression")
print(T("temp").name)
print("-- end of program: x2 is freed at exit")
