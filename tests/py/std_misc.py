import operator, copy, string, heapq, bisect, contextlib, types, keyword, textwrap, sys
from operator import itemgetter, attrgetter, methodcaller

# operator
print(operator.add(2, 3), operator.mul('a', 3), operator.neg(5), operator.not_(0), operator.truth([]),
      operator.getitem([1, 2], 1), operator.contains('abc', 'b'), operator.countOf([1, 1, 2], 1),
      operator.indexOf('abc', 'c'), operator.index(7), operator.concat([1], [2]), operator.pow(2, 10),
      operator.floordiv(7, 2), operator.truediv(7, 2), operator.mod(7, 3), operator.lshift(1, 4), operator.xor(5, 3))
rows = [('b', 2, 'x'), ('a', 3, 'y'), ('c', 1, 'z')]
print(sorted(rows, key=itemgetter(1)), list(map(itemgetter(0, 2), rows)), itemgetter(1)('hey'))
class O:
    def __init__(self): self.a = 1; self.child = types.SimpleNamespace(b=2)
    def m(self, x, y=0): return x + y
o = O()
print(attrgetter('a')(o), attrgetter('child.b')(o), attrgetter('a', 'child.b')(o), methodcaller('m', 5, y=1)(o))
print(repr(itemgetter(1, 'x')), repr(attrgetter('a.b', 'c')), repr(methodcaller('split', ',', maxsplit=1)))
l = [1]; print(operator.iadd(l, [2]), l, operator.length_hint(iter([1, 2, 3])), operator.length_hint(5, 9))
print(operator.lt(1, 2), operator.is_(None, None), operator.is_not(1, None), operator.abs(-3), operator.inv(0))

# copy
class Pt:
    def __init__(self, x, tags): self.x = x; self.tags = tags
    def __repr__(self): return 'Pt(%r, %r)' % (self.x, self.tags)
p = Pt(1, ['a'])
q = copy.copy(p); r = copy.deepcopy(p)
p.tags.append('b')
print(q, r, q.tags is p.tags, r.tags is p.tags)
nested = {'a': [1, [2, 3]], 'b': (4, [5])}
dn = copy.deepcopy(nested); dn['a'][1].append(99); dn['b'][1].append(6)
print(nested, dn)
cyc = [1]; cyc.append(cyc); cc = copy.deepcopy(cyc); print(cc[1] is cc, cc[1] is not cyc)
shared = [1]; pair = [shared, shared]; dp = copy.deepcopy(pair); print(dp[0] is dp[1])
tup = (1, 2, 'x'); print(copy.deepcopy(tup) is tup, copy.copy([1, 2]), copy.copy({1: 2}), copy.copy({1}))
class Hooks:
    def __init__(self, v): self.v = v
    def __copy__(self): return Hooks('shallow-' + self.v)
    def __deepcopy__(self, memo): return Hooks('deep-' + self.v)
print(copy.copy(Hooks('h')).v, copy.deepcopy(Hooks('h')).v, copy.deepcopy([Hooks('i')])[0].v)
class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = [1]; self.b = 2
s2 = copy.deepcopy(Slotted()); print(s2.a, s2.b)
from collections import namedtuple, OrderedDict, deque, Counter, defaultdict
NT = namedtuple('NT', 'x y')
print(copy.copy(NT(1, [2])), copy.deepcopy(NT(1, [2])), copy.deepcopy(OrderedDict(a=[1])), copy.copy(deque([1, 2], 5)),
      copy.deepcopy(Counter('aab')), copy.deepcopy(defaultdict(list, {1: [2]})))
class MyList(list):
    pass
ml = MyList([1, [2]]); ml.attr = 'hi'; ml2 = copy.deepcopy(ml)
print(type(ml2).__name__, ml2, ml2.attr, ml2[1] is ml[1])
print(copy.copy(int) is int, copy.deepcopy(len) is len, copy.copy(None))

# string
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits, repr(string.whitespace), string.punctuation)
print(repr(string.printable), string.ascii_lowercase, string.ascii_uppercase)
print(string.capwords('hello   wORLD  foo'), string.capwords('a-b-c', '-'))
t = string.Template('$who likes ${what}; $$5 costs $$$amt')
print(t.substitute(who='tim', what='kung pao', amt=3), t.substitute({'who': 'a', 'what': 'b'}, amt=1))
print(string.Template('$who likes $what').safe_substitute(who='tim'), string.Template('${x}y $ z').safe_substitute(x=1))
for bad in ['$who $', 'ok\nline2 ${bad']:
    try:
        string.Template(bad).substitute(who=1)
    except ValueError as e:
        print('ValueError', e)
try:
    string.Template('$missing').substitute()
except KeyError as e:
    print('KeyError', e)
print(string.Template('$a ${b} $a $$c').get_identifiers(), string.Template('$a').is_valid(), string.Template('$').is_valid())

# heapq
h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, v)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2, 2, 6]; heapq.heapify(data); print(data)
print(heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(2, ['bb', 'a', 'ccc'], key=len),
      heapq.nlargest(2, ['bb', 'a', 'ccc', 'dd'], key=len), heapq.nlargest(10, [1, 2]), heapq.nsmallest(1, []), heapq.nlargest(1, [3, 7, 7]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])), list(heapq.merge(['a', 'cc'], ['bb', 'd'], key=len)),
      list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)), list(heapq.merge()))
pairs = [(1, 'b'), (1, 'a'), (0, 'z'), (1, 'a')]; heapq.heapify(pairs); print(pairs)
tasks = []
for pri, name in [(2, 'write'), (1, 'plan'), (3, 'test'), (1, 'coffee')]:
    heapq.heappush(tasks, (pri, name))
print([heapq.heappop(tasks) for _ in range(4)])
try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError', e)

# bisect
a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 10), bisect.bisect_left(a, 4, 4), bisect.bisect_right(a, 4, 0, 3))
bisect.insort(a, 5); bisect.insort_left(a, 4); print(a)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=itemgetter(1)), bisect.bisect_right(recs, 3, key=itemgetter(1)))
bisect.insort(recs, ('x', 4), key=itemgetter(1)); print(recs)
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print('ValueError', e)

# contextlib
@contextlib.contextmanager
def tag(name):
    print('<%s>' % name)
    try:
        yield name.upper()
    finally:
        print('</%s>' % name)
with tag('b') as t:
    print('inside', t)
try:
    with tag('err'):
        raise KeyError('boom')
except KeyError as e:
    print('caught', repr(e))
@contextlib.contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError as e:
        print('swallowed', e)
with swallow():
    1 / 0
print('after swallow')
@tag('deco')
def decorated(x):
    print('running', x)
    return x * 2
print(decorated(21))
@contextlib.contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print('RuntimeError', e)
@contextlib.contextmanager
def twice():
    yield
    yield
try:
    with twice():
        pass
except RuntimeError as e:
    print('RuntimeError', e)
with contextlib.suppress(KeyError, IndexError):
    {}['x']
print('suppressed')
try:
    with contextlib.suppress(KeyError):
        [][1]
except IndexError:
    print('not suppressed')
class Res:
    def __init__(self, n): self.n = n
    def close(self): print('closing', self.n)
with contextlib.closing(Res(1)) as r:
    print('using', r.n)
with contextlib.nullcontext(5) as v:
    print('null', v)
import io
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print('captured!')
print('got', repr(buf.getvalue()))
with contextlib.ExitStack() as stack:
    for i in range(3):
        stack.enter_context(tag('t%d' % i))
    stack.callback(print, 'callback ran')
    print('body')
with contextlib.ExitStack() as stack:
    stack.callback(print, 'never')
    stack2 = stack.pop_all()
print('popped')
stack2.close()
try:
    with contextlib.ExitStack() as stack:
        stack.push(lambda *exc: print('exit sees', exc[0].__name__))
        raise ValueError('x')
except ValueError:
    print('propagated')
with contextlib.ExitStack() as stack:
    stack.push(lambda *exc: True)
    raise ValueError('suppressed by push')
print('ok after push suppress')
try:
    with contextlib.ExitStack() as stack:
        stack.enter_context(5)
except TypeError as e:
    print('TypeError', e)

# types
def fn(): pass
class K:
    def meth(self): pass
def gen(): yield
print(type(fn) is types.FunctionType, isinstance(K().meth, types.MethodType), isinstance(len, types.BuiltinFunctionType),
      isinstance(sys, types.ModuleType), isinstance(gen(), types.GeneratorType), type(None) is types.NoneType,
      isinstance(type.__dict__, types.MappingProxyType), types.LambdaType is types.FunctionType)
ns = types.SimpleNamespace(a=1, b='x'); ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x', c=[1]))
m = types.ModuleType('mymod'); m.x = 5; print(m.__name__, m.x)
mp = types.MappingProxyType({'k': 1}); print(mp['k'], len(mp))
try:
    mp['k'] = 2
except TypeError as e:
    print('TypeError', e)
bound = types.MethodType(lambda self, y: (self, y), 'obj'); print(bound(3))
C2 = types.new_class('C2', (K,), {}, lambda ns: ns.update(z=3)); print(C2.z, C2.__mro__[1].__name__)

# keyword
print(keyword.iskeyword('for'), keyword.iskeyword('match'), keyword.issoftkeyword('match'), len(keyword.kwlist), keyword.softkwlist)

# textwrap
text = ('The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs. '
        'A well-known state-of-the-art mother-in-law exists -- really.  Extraordinarily-long-hyphenated-words appear.')
for w in (10, 20, 33, 50):
    print(textwrap.wrap(text, w))
print(textwrap.fill(text, 30, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap('abcdefghijklmnopqrstuvwxyz', 7), textwrap.wrap('abcdefghijklmnopqrstuvwxyz', 7, break_long_words=False))
print(textwrap.wrap('a\tb\nc  d', 5), textwrap.wrap('', 5), textwrap.wrap('   ', 5), textwrap.wrap('  lead trail  ', 6))
print(textwrap.wrap(text, 25, break_on_hyphens=False)[:4], textwrap.wrap(text, 40, max_lines=2))
print(repr(textwrap.shorten('Hello  world!   How are you?', 12)), repr(textwrap.shorten('Hello world', 11)), repr(textwrap.shorten('Hello world!', 10, placeholder='...')))
print(repr(textwrap.dedent('''
    def f():
        return 1
      \t
    x = 2
''')), repr(textwrap.dedent('  a\n\tb\n')), repr(textwrap.dedent('   x\n  y\n')))
print(repr(textwrap.indent('a\n\nb\n', '> ')), repr(textwrap.indent('a\nb', '+', lambda l: True)))
try:
    textwrap.wrap('x', 0)
except ValueError as e:
    print('ValueError', e)
