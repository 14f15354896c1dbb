# Inheritance: MRO, super(), diamond, __init_subclass__, __set_name__,
# metaclasses, __slots__, abstract-ish patterns.

class A:
    def who(self):
        return ['A']
    def hello(self):
        return 'A.hello'
class B(A):
    def who(self):
        return ['B'] + super().who()
class C(A):
    def who(self):
        return ['C'] + super().who()
class D(B, C):
    def who(self):
        return ['D'] + super().who()
print(D().who())
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])
print(D.__bases__ == (B, C), D.__base__ is B, A.__subclasses__() == [B, C])
print(super(B, D()).who(), super(C, D()).hello())
print(super(D, D).who(D()))
print(isinstance(D(), A), issubclass(D, (int, C)), issubclass(bool, int))

try:
    class X(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Y(A, A):
        pass
except TypeError as e:
    print("TypeError:", e)

class Init:
    def __init__(self, a):
        self.a = a
class Init2(Init):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
i = Init2(1, 2)
print(i.a, i.b)

# super in classmethods and with properties
class K:
    @classmethod
    def make(cls):
        return 'K.make:' + cls.__name__
    @property
    def p(self):
        return 'K.p'
class K2(K):
    @classmethod
    def make(cls):
        return 'K2+' + super().make()
    @property
    def p(self):
        return 'K2.p+' + super().p
print(K2.make(), K2().p)
print(repr(super(K2, K2())).startswith('<super: <class'))

# __init_subclass__
class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__
        Plugin.registry.append(cls.plugin_name)
class P1(Plugin):
    pass
class P2(Plugin, name='second'):
    pass
print(Plugin.registry, P2.plugin_name)
try:
    class Bad(object, x=1):
        pass
except TypeError as e:
    print("TypeError:", e)

# __set_name__
class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
    def __get__(self, obj, typ=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, 'unset:' + self.name)
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value * 2
class Rec:
    a = Field()
    b = Field()
r = Rec()
print(Rec.a.owner, Rec.a.name, Rec.b.name, r.a)
r.a = 21
print(r.a, r.__dict__)

class Boom:
    def __set_name__(self, owner, name):
        raise ValueError('boom')
try:
    class HasBoom:
        x = Boom()
except RuntimeError as e:
    print("RuntimeError:", e, repr(e.__cause__))

# metaclasses
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['created_by'] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *a, **k):
        obj = super().__call__(*a, **k)
        obj.via_meta = True
        return obj
    def describe(cls):
        return 'class ' + cls.__name__
class WithMeta(metaclass=Meta):
    def __init__(self, v=0):
        self.v = v
w = WithMeta(3)
print(type(WithMeta).__name__, WithMeta.created_by, w.v, w.via_meta, WithMeta.describe())
class SubMeta(WithMeta):
    pass
print(type(SubMeta).__name__, SubMeta.created_by)

class Meta2(type):
    pass
try:
    class Conflict(WithMeta, metaclass=Meta2):
        pass
except TypeError as e:
    print("TypeError:", e)

class Prep(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        d = {'injected': 1}
        return d
class UsesPrep(metaclass=Prep):
    pass
print(UsesPrep.injected)

class Ordered(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.fields = [k for k in ns if not k.startswith('__')]
        return cls
class Shape(metaclass=Ordered):
    z = 1
    a = 2
    m = 3
print(Shape.fields)

class MetaAttr(type):
    color = 'red'
class CA(metaclass=MetaAttr):
    pass
print(CA.color, hasattr(CA(), 'color'))

# __slots__
class S:
    __slots__ = ('x', 'y')
    def __init__(self):
        self.x = 1
s = S()
print(s.x, hasattr(s, '__dict__'))
try:
    s.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError:", e)
s.y = 5
print(s.y, S.x)
del s.y
print(hasattr(s, 'y'))
class S2(S):
    pass
s2 = S2()
s2.z = 9
print(s2.z, s2.__dict__)
class S3(S):
    __slots__ = ('__dict__',)
s3 = S3()
s3.q = 1
print(s3.q, s3.__dict__)
class Priv:
    __slots__ = ('__secret',)
    def __init__(self):
        self.__secret = 'hidden'
    def reveal(self):
        return self.__secret
print(Priv().reveal(), sorted(k for k in Priv.__dict__ if 'secret' in k))
try:
    class SlotConflict:
        __slots__ = ('a',)
        a = 1
except ValueError as e:
    print("ValueError:", e)
try:
    class IntSlots(int):
        __slots__ = ('a',)
except TypeError as e:
    print("TypeError:", e)
try:
    class BadBase(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Layout(int, str):
        pass
except TypeError as e:
    print("TypeError:", e)

# __getattr__ vs __getattribute__
class GA:
    real = 'real'
    def __getattr__(self, name):
        return 'virtual:' + name
g = GA()
print(g.real, g.other, getattr(g, 'x'))
class GAB:
    def __getattribute__(self, name):
        if name == 'secret':
            raise AttributeError(name)
        return 'gab:' + name
    def __getattr__(self, name):
        return 'fallback:' + name
print(GAB().anything, GAB().secret)
class SetA:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, ('wrapped', value))
    def __delattr__(self, name):
        print('deleting', name)
        object.__delattr__(self, name)
sa = SetA()
sa.v = 1
print(sa.v)
del sa.v
print(hasattr(sa, 'v'))

# descriptors: data vs non-data precedence
class NonData:
    def __get__(self, obj, typ=None):
        return 'nondata'
class Data:
    def __get__(self, obj, typ=None):
        return 'data'
    def __set__(self, obj, value):
        raise AttributeError('read-only data')
class Holder:
    nd = NonData()
    d = Data()
h = Holder()
h.__dict__['nd'] = 'instance'
h.__dict__['d'] = 'instance'
print(h.nd, h.d, Holder.nd)
try:
    h.d = 1
except AttributeError as e:
    print("AttributeError:", e)

# class-level __class_getitem__
class Box:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(Box[int])

# __new__
class Single:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v
s1, s2 = Single(1), Single(2)
print(s1 is s2, s1.v)
class Pos(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
pp = Pos(1, 2)
print(pp, pp.x, len(pp), type(pp).__name__, isinstance(pp, tuple))

# __class__ assignment
class CA1:
    def who(self): return 'CA1'
class CA2:
    def who(self): return 'CA2'
o = CA1()
o.__class__ = CA2
print(o.who(), type(o).__name__)

# changing __name__ / __qualname__
class Named:
    class Inner:
        pass
print(Named.Inner.__qualname__, Named.Inner.__name__)
Named.__name__ = 'Renamed'
Named.__qualname__ = 'Q.Renamed'
print(Named.__name__, Named.__qualname__, repr(Named))
try:
    Named.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
try:
    int.foo = 1
except TypeError as e:
    print("TypeError:", e)
try:
    type.__dict__['__name__'].__set__(int, 'x')
except TypeError as e:
    print("TypeError:", e)
