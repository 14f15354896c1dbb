# property, classmethod, staticmethod and other descriptors in detail.

class T:
    def __init__(self):
        self._v = 1
    def getv(self):
        "the v"
        return self._v
    def setv(self, v):
        self._v = v
    def delv(self):
        print('deleting v')
        del self._v
    v = property(getv, setv, delv)
    ro = property(lambda self: 'ro')
    wo = property(None, setv)

t = T()
print(t.v, T.v.__doc__, type(T.v).__name__)
t.v = 5
print(t.v)
del t.v
print(hasattr(t, '_v'))
print(t.ro)
try:
    t.ro = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.ro
except AttributeError as e:
    print("AttributeError:", e)
try:
    t.wo
except AttributeError as e:
    print("AttributeError:", e)
t.wo = 3
print(t._v)
print(T.v.fget is T.getv, T.v.fset is T.setv, T.ro.fset)

class U:
    @property
    def x(self):
        return 'x'
    @x.setter
    def x(self, v):
        print('set x', v)
    @x.deleter
    def x(self):
        print('del x')
u = U()
u.x = 1
del u.x
print(u.x, U.x.fget.__name__, U.x.fset.__name__)
p = property(doc='given')
print(p.__doc__)
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print("TypeError:", e)

# classmethod / staticmethod objects
class M:
    @classmethod
    def cm(cls, a):
        return (cls.__name__, a)
    @staticmethod
    def sm(a, b=2):
        return a + b
class M2(M):
    pass
print(M.cm(1), M2.cm(2), M2().cm(3), M.sm(1), M().sm(1, 1))
cm = M.__dict__['cm']
sm = M.__dict__['sm']
print(type(cm).__name__, type(sm).__name__, cm.__func__.__name__, sm.__func__.__name__)
print(cm.__wrapped__ is cm.__func__, sm.__name__, cm.__qualname__)
print(sm(5), callable(sm), callable(cm))
print(M.cm.__self__ is M, M2.cm.__self__ is M2)

# builtin descriptors
print(type(list.append).__name__, type(int.__add__).__name__, type((1).__add__).__name__)
print(list.append, int.__add__, dict.fromkeys.__self__ is dict)
l = []
list.append(l, 1)
print(l, int.__add__(1, 2), (1).__add__(2), (5).__radd__(1), (1).__add__('a'))
print(str.upper('abc'), str.__len__('abcd'), list.__getitem__([1, 2], 1))
try:
    list.append(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    list.append()
except TypeError as e:
    print("TypeError:", e)
try:
    int.__add__('a', 1)
except TypeError as e:
    print("TypeError:", e)
try:
    int.__add__()
except TypeError as e:
    print("TypeError:", e)
try:
    (1).__add__()
except TypeError as e:
    print("TypeError:", e)
print(int.__dict__['real'], type.__dict__['__name__'])
print(object.__dict__['__class__'].__get__(5), int.real.__get__(7))
print(int.__new__(int, '12'), object.__new__(object).__class__, str.__new__(str, 5))
try:
    int.__new__(list)
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)
print(type(T.__dict__).__name__, 'v' in T.__dict__, T.__dict__['ro'] is T.ro)
try:
    T.__dict__['z'] = 1
except TypeError as e:
    print("TypeError:", e)
print(list(T.__dict__.keys())[:2], T.__dict__.get('nope', 0))
print(type(int.__dict__['__add__']).__name__, int.__add__.__name__, int.__add__.__qualname__)
print([].__len__(), [1].__len__.__self__, (1).__add__.__name__)
print(int.__hash__ is not None, list.__hash__, type(None).__bool__(None))
print(NotImplemented, Ellipsis, ..., repr(None), type(None)(), type(NotImplemented)() is NotImplemented)
try:
    type(None)(1)
except TypeError as e:
    print("TypeError:", e)
try:
    class N(type(None)):
        pass
except TypeError as e:
    print("TypeError:", e)
