# Subclassing builtin types.

class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), type(ml).__name__, isinstance(ml, list))
print(ml + [5], type(ml + [5]).__name__, ml[1:3], ml * 2)
ml.tag = 'x'
print(ml.tag, ml.__dict__)
class LoggingList(list):
    def append(self, x):
        print('append', x)
        super().append(x)
    def __getitem__(self, i):
        return ('item', super().__getitem__(i))
    def __len__(self):
        return 99
ll = LoggingList()
ll.append(1)
print(ll[0], len(ll), list.__len__(ll), ll)

class MyDict(dict):
    def __missing__(self, key):
        return 'missing:' + str(key)
md = MyDict(a=1)
print(md['a'], md['zz'], md, len(md), isinstance(md, dict))
class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
    def __setattr__(self, name, value):
        self[name] = value
ad = AttrDict()
ad.x = 5
print(ad, ad.x)

class MyInt(int):
    def __add__(self, o):
        return MyInt(int(self) + int(o) + 1000)
    def double(self):
        return self * 2
mi = MyInt(5)
print(mi, mi + 1, 1 + mi, mi.double(), type(mi.double()).__name__, mi == 5, hash(mi) == hash(5))
print(isinstance(mi, int), int(mi), type(int(mi)).__name__, [0, 1, 2, 3, 4, 5, 6][mi])
class Flag(int):
    def __repr__(self):
        return 'Flag(%d)' % int(self)
print(Flag(3), [Flag(1)], Flag(3) + 1)

class MyStr(str):
    def shout(self):
        return self.upper() + '!'
s = MyStr('hello')
print(s, s.shout(), len(s), s + ' world', type(s + 'x').__name__, s == 'hello', s[1:3])
print({s: 1}['hello'], isinstance(s, str), repr(s))

class MyFloat(float):
    pass
print(MyFloat(1.5) * 2, MyFloat(2.5), type(MyFloat(1.0)).__name__)

class MyTuple(tuple):
    pass
mt = MyTuple((1, 2, 3))
mt.extra = 1
print(mt, mt.extra, mt[0], len(mt), type(mt).__name__)

class MyError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise MyError('bad', 42)
except MyError as e:
    print(type(e).__name__, e, e.code, e.args, isinstance(e, Exception))
class Sub2(MyError):
    pass
try:
    raise Sub2('worse', 7)
except MyError as e:
    print(type(e).__name__, e.code, repr(e))

class MySet(set):
    pass
print(sorted(MySet([3, 1, 2])), type(MySet()).__name__)

class Obj(object):
    pass
print(Obj.__bases__, Obj.__mro__[-1])

# property subclass
class CachedProp(property):
    pass
class UsesCP:
    @CachedProp
    def v(self):
        "v doc"
        return 7
print(UsesCP().v, type(UsesCP.__dict__['v']).__name__, UsesCP.v.__doc__)
