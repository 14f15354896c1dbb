from collections import deque, defaultdict, OrderedDict, Counter, namedtuple, ChainMap
from collections import UserDict, UserList, UserString
import collections.abc as cabc

# deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft('ab')
print(d, list(reversed(d)))
d.rotate(2); print(d)
d.rotate(-3); print(d)
print(d.count(7), d.index(7))
d.remove('a'); d.insert(1, 'X'); print(d)
d[0] = 'first'; del d[1]; print(d)
e = deque(range(5), maxlen=3); print(e, e.maxlen)
e.append(9); e.appendleft(-1); print(e)
e.extend(range(10, 15)); print(e)
e.extendleft([100, 200]); print(e)
try:
    e.insert(0, 1)
except IndexError as ex:
    print('IndexError', ex)
print(deque() == deque([]), deque([1, 2]) == deque([1, 2]), deque([1]) == [1], deque([1, 2]) < deque([1, 3]))
print(bool(deque()), bool(deque([0])), deque('abc') + deque('de'), deque([1, 2]) * 2)
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5],
            lambda: deque([1]).remove(3), lambda: deque([1]).index(3), lambda: deque()['x']):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as ex:
        print(type(ex).__name__, ex)
big = deque()
for i in range(1000):
    big.appendleft(i)
    big.append(-i)
for i in range(700):
    big.popleft()
print(len(big), big[0], big[-1], sum(big))
q = deque()
for i in range(100):
    q.append(i)
    if i % 3 == 0:
        q.popleft()
print(len(q), q[0], list(q)[:5])
r = deque([1]); r.append(r); print(r)
d2 = deque('xyz'); d2.clear(); print(d2, deque(maxlen=2), d2.copy())
d3 = deque([3, 1, 2]); d3.reverse(); print(d3)

# defaultdict
dd = defaultdict(list)
dd['a'].append(1); dd['b'].append(2); dd['a'].append(3)
print(dd, dd['zz'], len(dd))
print(defaultdict(int, {'x': 1}), defaultdict(None), defaultdict())
di = defaultdict(int)
for ch in 'mississippi':
    di[ch] += 1
print(sorted(di.items()), isinstance(di, dict), di.default_factory)
try:
    defaultdict(None)['k']
except KeyError as ex:
    print('KeyError', ex)
try:
    defaultdict(5)
except TypeError as ex:
    print('TypeError', ex)
print(dd.copy(), type(dd.copy()).__name__, dd | {'c': 9})
dd2 = defaultdict(list); dd2[1] = dd2; print(dd2)

# OrderedDict
o = OrderedDict()
o['x'] = 1; o['y'] = 2; o['z'] = 3
print(o, list(o), OrderedDict())
o.move_to_end('x'); print(o)
o.move_to_end('z', last=False); print(o)
print(o.popitem(), o.popitem(last=False), o)
a = OrderedDict([('a', 1), ('b', 2)]); b = OrderedDict([('b', 2), ('a', 1)])
print(a == b, a == dict(b), dict(a) == b, a != b)
try:
    OrderedDict().popitem()
except KeyError as ex:
    print('KeyError', ex)
try:
    a.move_to_end('q')
except KeyError as ex:
    print('KeyError', ex)
print(OrderedDict.fromkeys('abc', 0), a.copy(), a | {'c': 3})
o2 = OrderedDict(a=1); o2['self'] = o2; print(o2)
print(list(reversed(OrderedDict(a=1, b=2))), OrderedDict(a=1).setdefault('b', 5))

# Counter
c = Counter('abracadabra')
print(c, c['a'], c['zz'], c.total())
print(c.most_common(), c.most_common(2), c.most_common(0))
print(sorted(c.elements()))
c.update('aaz'); print(c)
c.subtract({'a': 10, 'q': 1}); print(c)
c1 = Counter(a=3, b=1); c2 = Counter(a=1, b=2)
print(c1 + c2, c1 - c2, c1 | c2, c1 & c2, +Counter(a=-1, b=2), -Counter(a=-1, b=2))
print(Counter(), Counter({'x': 2, 'y': 2, 'w': 3}), Counter(['b', 'a', 'b', 'a', 'c']))
c3 = Counter(a=1); c3 += Counter(a=2, b=-1); print(c3)
c3 -= Counter(a=5); print(c3)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2))
del c3['nope']
words = 'the quick brown fox jumps over the lazy dog the fox'.split()
print(Counter(words).most_common(3))
try:
    Counter.fromkeys('ab')
except NotImplementedError as ex:
    print('NotImplementedError', ex)

# namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p + (3,), p._fields, p._asdict(), isinstance(p, tuple))
print(p._replace(x=10), Point._make([5, 6]), Point.__doc__, Point.__name__)
x, y = p; print(x, y, len(p), p == (1, 2), hash(p) == hash((1, 2)))
P3 = namedtuple('P3', 'a, b c', defaults=[0, 9])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults)
R = namedtuple('R', ['abc', 'def', 'ghi', 'abc', '_x'], rename=True)
print(R._fields)
for args, kw in [((1,), {}), ((), {}), ((1, 2, 3), {}), ((1,), {'x': 2}), ((1, 2), {'z': 3})]:
    try:
        Point(*args, **kw)
    except TypeError as ex:
        print('TypeError', ex)
for bad in [('1x', 'a'), ('T', 'a a'), ('T', '_a'), ('T', 'class')]:
    try:
        namedtuple(*bad)
    except ValueError as ex:
        print('ValueError', ex)
try:
    p.x = 5
except AttributeError as ex:
    print('AttributeError', ex)
try:
    p._replace(z=1)
except ValueError as ex:
    print('ValueError', ex)
try:
    Point._make([1])
except TypeError as ex:
    print('TypeError', ex)
class P2(namedtuple('P2', 'u v')):
    def norm(self):
        return self.u * self.u + self.v * self.v
print(P2(3, 4).norm(), P2(3, 4), P2.__module__)
E = namedtuple('E', '')
print(E(), E._fields)

# ChainMap
base = {'a': 1, 'b': 2}; over = {'b': 20, 'c': 30}
cm = ChainMap(over, base)
print(cm['a'], cm['b'], cm['c'], len(cm), sorted(cm), list(cm), cm.get('zz', 'dflt'))
cm['d'] = 4; print(over, cm)
child = cm.new_child(); child['a'] = 100; print(child['a'], cm['a'], child.parents)
try:
    del cm['a']
except KeyError as ex:
    print('KeyError', ex)
print(dict(cm), 'a' in cm, 'q' in cm, ChainMap())

# UserDict / UserList / UserString
class LowerDict(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
ud = LowerDict({'A': 1}, B=2)
print(ud, ud['a'], len(ud), 'b' in ud, list(ud.items()), isinstance(ud, cabc.MutableMapping))
ul = UserList([3, 1, 2]); ul.append(0); ul.sort()
print(ul, ul[1:], len(ul), ul + [9], ul == [0, 1, 2, 3], type(ul[1:]).__name__)
us = UserString('hello')
print(us.upper(), us + ' world', len(us), us[1:3], 'ell' in us, us.split('l'), us == 'hello')

# abc registrations
print(isinstance([], cabc.MutableSequence), isinstance((), cabc.Sequence), isinstance({}, cabc.Mapping),
      isinstance(set(), cabc.Set), isinstance('', cabc.Iterable), isinstance(iter([]), cabc.Iterator),
      isinstance(len, cabc.Callable), isinstance(5, cabc.Hashable), isinstance([], cabc.Hashable),
      isinstance(deque(), cabc.MutableSequence), issubclass(dict, cabc.Sized), isinstance((x for x in ''), cabc.Generator),
      isinstance({}.keys(), cabc.KeysView), isinstance(frozenset(), cabc.MutableSet))
class MySeq(cabc.Sequence):
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * i
s = MySeq(5)
print(list(s), 9 in s, s.index(16), s.count(4), list(reversed(s)))
class MySet(cabc.Set):
    def __init__(self, it): self.d = list(dict.fromkeys(it))
    def __len__(self): return len(self.d)
    def __iter__(self): return iter(self.d)
    def __contains__(self, x): return x in self.d
ms = MySet('abc')
print(sorted(ms & MySet('bcd')), sorted(ms | MySet('xy')), sorted(ms - MySet('a')), ms <= MySet('abcd'), ms == MySet('cba'))
try:
    cabc.Sequence()
except TypeError as ex:
    print('TypeError', ex)
