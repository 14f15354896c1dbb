# Class and type bookkeeping: classes are collectable, descriptors and
# slots release what they hold, __del__ and resurrection.
import sys
import gc

gc.collect()
def make_class():
    class Temp:
        def m(self):
            return 1
    return Temp
for i in range(3):
    T = make_class()
    t = T()
    del T, t
print('classes collected:', gc.collect() > 0)

class S:
    __slots__ = ('a', 'b')
val = []
s = S()
s.a = val
s.b = val
print(sys.getrefcount(val))
del s.a
print(sys.getrefcount(val))
del s
print(sys.getrefcount(val))

class Cyc:
    __slots__ = ('other',)
c1, c2 = Cyc(), Cyc()
c1.other = c2
c2.other = c1
del c1, c2
print('slot cycle', gc.collect())

saved = []
class Phoenix:
    def __del__(self):
        print('phoenix __del__')
        saved.append(self)
p = Phoenix()
del p
print('resurrected', len(saved), type(saved[0]).__name__)
saved.clear()
print('second death is silent')

class WithDel:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print('finalizing', self.name)
w = WithDel('cyclic')
del w
print('before collect')
print('found', gc.collect())

class Base:
    def __del__(self):
        print('Base.__del__', type(self).__name__)
class Child(Base):
    pass
Child()
print('child done')


x = object()
print(sys.getrefcount(x))
lst = [x] * 10
print(sys.getrefcount(x))
del lst
print(sys.getrefcount(x))

class Prop:
    @property
    def p(self):
        return [1]
pr = Prop()
before = sys.getrefcount(Prop.__dict__['p'])
for _ in range(100):
    pr.p
print(sys.getrefcount(Prop.__dict__['p']) - before)
