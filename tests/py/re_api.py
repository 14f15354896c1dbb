# re: Pattern and Match objects, module functions, pos/endpos, cache
import re

p = re.compile(r'(?P<key>\w+)=(?P<val>\d+)')
print(p, p.pattern, p.flags, p.groups, dict(p.groupindex))
print(repr(re.compile('a', re.I | re.M)), repr(re.compile(b'x')), repr(re.compile('x', re.A)))
print(re.compile(r'a\d', re.X | re.S))
m = p.search('xx a=1 b=22')
print(m)
print(m.group(), m.group(0), m.group(1), m.group('val'), m.group(1, 'val', 0))
print(m[0], m[1], m['key'])
print(m.groups(), m.groupdict(), m.start(), m.end(), m.span(), m.start('val'), m.end(2))
print(m.string, m.re is p, m.pos, m.endpos, m.lastindex, m.lastgroup, m.regs)
print(m.expand(r'\g<val>:\g<key> \2\1 \g<0>'))
try:
    m.group(3)
except IndexError as e:
    print('IndexError', e)
try:
    m.group('nope')
except IndexError as e:
    print('IndexError', e)
m2 = re.match(r'(a)(b)?(c)?', 'a')
print(m2.groups(), m2.groups('-'), m2.span(2), m2.start(3), m2.group(2), m2.lastindex)
print(re.match(r'(?P<a>x)|(?P<b>y)', 'y').groupdict('?'), re.match(r'(?P<a>x)|(?P<b>y)', 'y').lastgroup)
print(re.match(r'x', 'y'), re.search('x', 'y'), re.fullmatch('ab', 'abc'))
print(re.fullmatch(r'\d+', '123'), re.fullmatch(r'a*?', 'aaa'))
# pos / endpos
q = re.compile(r'\d+')
print(q.search('ab12cd345', 3), q.search('ab12cd345', 4), q.search('ab12cd345', 0, 3))
print(q.match('ab12', 2), q.match('ab12', 1), q.fullmatch('ab123x', 2, 5))
print(re.compile('^a').search('ba', 1), re.compile('$').search('abc', 0, 2))
print(q.findall('1 22 333 4444', 2, 9), list(q.finditer('1 22 333', 1)))
print(re.compile(r'\bx').search('ax', 1))
print(re.compile(r'(?<=a)b').search('ab', 1))
m = q.search('ab12cd', 1, 100)
print(m.pos, m.endpos)
print(re.compile('').match('abc', 2, 1))
# finditer
for m in re.finditer(r'\w+', 'one two  three'):
    print(m.span(), m.group())
print([m.span() for m in re.finditer(r'x*', 'axxb')])
print([m.group() for m in re.finditer(r'\b', 'ab cd')])
# scanner
sc = re.compile(r'\d').scanner('a1b2')
print(sc.search(), sc.search(), sc.search())
# findall shapes
print(re.findall(r'\d', '1a2b3'), re.findall(r'(\d)', '1a2'), re.findall(r'(\d)(\w)', '1a2b'))
print(re.findall(r'(\d)|x', 'x1x'))
print(re.findall(rb'\w+', b'ab cd'), re.findall(rb'(\w)(\w)', b'ab cd'))
# cache and purge
print(re.compile('abc') is re.compile('abc'))
re.purge()
print(re.compile(p) is p)
try:
    re.compile(p, re.I)
except ValueError as e:
    print('ValueError', e)
# escape
print(re.escape('a.b*c?d+e(f)[g]{h}|i^j$k\\l m-n#o&p~q'), re.escape(b'a.b c'))
print(re.escape('caf\u00e9_123'))
print(re.match(re.escape('1+1=2?'), '1+1=2?'))
# flags
print(re.I, re.IGNORECASE, re.M, re.S, re.X, re.A, re.U, int(re.I | re.M), re.I | re.M)
print(re.I == 2, re.ASCII.value, type(re.I).__name__)
print(re.compile('x', re.I).flags, re.compile(b'x').flags, re.compile('(?im)x').flags)
# equality / hash
print(re.compile('a+') == re.compile('a+'), re.compile('a') == re.compile('a', re.I))
print(bool(re.match('', '')), isinstance(p, re.Pattern), isinstance(re.match('a', 'a'), re.Match))
# bytes patterns
bm = re.search(rb'(\d+)-(\d+)', b'tel 555-1234')
print(bm, bm.group(1), bm.groups(), bm.span())
try:
    re.search('a', b'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.search(b'a', 'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.search(1, 'a')
except TypeError as e:
    print('TypeError', e)
print(re.match(r'(?P<n>a)(?P=n)', 'aa').span())
print(re.compile(r'a(b)c').groupindex, len(re.compile(r'(?P<a>.)(?P<b>.)').groupindex))
print(re.Match.__name__, re.Pattern.__name__)
