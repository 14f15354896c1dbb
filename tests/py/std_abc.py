from abc import ABC, ABCMeta, abstractmethod, abstractproperty
import collections.abc as cabc

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    def describe(self):
        return '%s with area %s' % (type(self).__name__, self.area())
class Poly(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def sides(self): ...
    @property
    @abstractmethod
    def name(self): ...
for cls in (Shape, Poly):
    try:
        cls()
    except TypeError as e:
        print('TypeError', e)
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
print(Sq(3).describe(), isinstance(Sq(1), Shape), issubclass(Sq, Shape), sorted(Shape.__abstractmethods__), Sq.__abstractmethods__)
class Half(Poly):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print('TypeError', e)
class Ext(metaclass=ABCMeta):
    pass
Ext.register(int)
print(isinstance(3, Ext), issubclass(bool, Ext), isinstance('x', Ext), Ext.register(str) is str, isinstance('x', Ext))
class Iterish:
    def __iter__(self): return iter([])
print(isinstance(Iterish(), cabc.Iterable), isinstance(Iterish(), cabc.Iterator), issubclass(Iterish, cabc.Sized))
class MyMap(cabc.Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __len__(self): return len(self.d)
    def __iter__(self): return iter(self.d)
m = MyMap({'a': 1, 'b': 2})
print(m['a'], m.get('z', 0), 'b' in m, list(m.keys()), list(m.items()), list(m.values()), m == {'a': 1, 'b': 2}, dict(m))
try:
    class Bad(cabc.Mapping):
        pass
    Bad()
except TypeError as e:
    print('TypeError', e)
class MySeq(cabc.MutableSequence):
    def __init__(self): self.l = []
    def __getitem__(self, i): return self.l[i]
    def __setitem__(self, i, v): self.l[i] = v
    def __delitem__(self, i): del self.l[i]
    def __len__(self): return len(self.l)
    def insert(self, i, v): self.l.insert(i, v)
s = MySeq(); s.append(1); s.extend([2, 3]); s += [4]; s.reverse(); print(s.l, s.pop(), s.index(2), s.count(3))
