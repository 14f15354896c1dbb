# re: long inputs and deep nesting -- the matcher must not recurse on the C stack
import re

s = 'ab' * 200000
m = re.fullmatch(r'(?:ab)*', s)
print(m.span())
print(re.fullmatch(r'(ab)+', s).span(1))
print(re.match(r'(?:a|b)*c', s))
print(len(re.findall(r'a(b)', s)))
print(re.search(r'(?:x|ab)+$', s).span())
t = 'x' * 300000
print(re.match(r'(x+x+)+y', 'x' * 20))
print(re.search(r'x*y', t[:5000]))
print(re.fullmatch(r'(?:x{1,3})*', t[:30000]).span())
print(re.fullmatch(r'.*', t).end(), re.fullmatch(r'.*?$', t).end())
print(re.sub(r'x{1000}', 'y', t)[:5], len(re.sub(r'x{1000}', 'y', t)))
deep = '(' * 90 + 'a' + ')' * 90
print(re.match(deep, 'a').span(90), re.compile(deep).groups)
print(re.match(r'(?:(?:(?:(?:a)*)*)*)*b', 'a' * 20 + 'b').span())
lines = '\n'.join('key%d = value%d' % (i, i) for i in range(20000))
d = dict(re.findall(r'^(\w+) = (\w+)$', lines, re.M))
print(len(d), d['key19999'])
print(len(re.split(r'\n', lines)), re.subn(r'\d+', '#', lines)[1])
