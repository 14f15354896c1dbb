# re: re.error messages and positions for bad patterns
import re

bad = ['(', 'a)', '*', 'a**', '[a', r'\q', '[z-a]', '(?P<1>a)', '(?P<a>x)(?P<a>y)',
       r'(a)\2', r'(a\1)', '(?<=a*)b', 'a{3,2}', '(?P=x)', '(?z)', 'a(?i)b', '(?<n>a)',
       '(?P<a', '(?', r'\x1', r'[\d-z]', '(?i', '(?(2)a|b)', '(a', 'ab\n(cd', '+a', 'a|*',
       '(?:', '(?P', '(?i-i:a)', '(?-i)', r'\8', r'[a-\d]', '(?#abc', 'a++*', 'a{1,2}{3}',
       r'\u12', r'[\q]', r'(?P<a>)(?P=b)', '(?P=)', '(?P<>a)', '((a)', '())', 'x?*', '^*',
       r'\b+', '[', '[^', r'[a-', '(?(1)a|b|c)', r'\777', '(?L)a', '(?<=a|bc)d',
       '(?x)a(b', '[]', 'a{2}*?+', '(?P<a-b>x)']
for p in bad:
    try:
        re.compile(p)
        print(repr(p), 'compiled')
    except re.error as e:
        print(repr(p), '->', e, '|', e.msg, e.pos, e.lineno, e.colno, e.pattern == p)
try:
    re.compile(b'(?u)a')
except re.error as e:
    print(e)
try:
    re.compile('a', re.L)
except ValueError as e:
    print('ValueError', e)
try:
    re.compile('a', re.A | re.U)
except ValueError as e:
    print('ValueError', e)
e = re.error('boom')
print(e, e.msg, e.pos, e.pattern)
print(issubclass(re.error, Exception), re.error.__name__)
try:
    re.compile('a{99999999999}')
except OverflowError as e:
    print('OverflowError', e)
