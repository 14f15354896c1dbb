def show(expr):
    try:
        print(expr, '=>', repr(eval(expr)))
    except Exception as ex:
        print(expr, '->', type(ex).__name__ + ':', ex)

def run(stmt):
    ns = {}
    parts = stmt.split('; ')
    try:
        for p in parts[:-1]:
            exec(p, ns)
        print(stmt, '=>', repr(eval(parts[-1], ns)))
    except Exception as ex:
        print(stmt, '->', type(ex).__name__ + ':', ex)


show('str(b"a", "utf-8", "bad")')
show('str("a","utf-8")')
show('str(1,"utf-8")')
show('chr(-1)')
show('"a"*"b"')
show('"a" < 1')
show('"abc"[::0]')
show('"a" == "a"')
show('str(object=1)')
show('str(b"abc")')
show("repr('\\x85\\xa0\\xad\\u200b\\ufeff\\U0001F600\\u00e9\\U000e0001')")
show('repr("\'\\"")')
show('repr("\'")')
show('repr(\'"\')')
show("repr('\\\\\\n\\r\\t\\x00\\x7f\\x1b')")
show("'héllo'[1]")
show("'héllo'[::-1]")
show("'héllo😀x'[::2]")
show("'héllo😀x'[-2]")
show("len('héllo😀x')")
show("'a' * 3")
show("3 * 'ab'")
show("'a' * -1")
show("'abc' < 'abd'")
show("'abc' < 'ab'")
show("'é' > 'z'")
show("min('héllo')")
show("sorted('héllo😀')")

s = 'h\u00e9llo \U0001F600 w\u00f6rld'
print(len(s), [ord(c) for c in s])
print(s[::-1], s[1:8:3], s[-3:], s[100:], s[-100:2])
for i in range(len(s)):
    assert s[i] == list(s)[i]
long = ('\u00e9ab' * 50) + 'z'
print(len(long), long[149], long[150], long[75:80], long.find('z'), long.rfind('a'), long.count('ab'))
print(''.join(reversed(long))[:5])
print([chr(c) for c in (65, 233, 0x20ac, 0x1F600)], [ord(ch) for ch in 'a\u00e9\u20ac\U0001F600'])
acc = ''
for i in range(1000):
    acc += str(i % 10)
print(len(acc), acc[:12], acc[-5:])
abc = 'abc'
print('a' 'b' == 'ab', abc == 'abc', 'x' * 0 == '')
t = 'hello'
e = 'e'
print(t[0] is t[0], t[1:2] == e)   # identity of a slice and a literal is an implementation detail
print(sorted(['b', 'A', '\u00e9', 'a', 'B', '\U0001F600', 'z']))
print({'a': 1, 'b': 2, 'c': 3}, set('abc') == {'a', 'b', 'c'})
class S(str):
    pass
x = S('hi')
print(type(x).__name__, x, x + '!', type(x + '!').__name__, x.upper(), len(x), x == 'hi', isinstance(x, str))
print(str(x), type(str(x)).__name__, repr(x))
print(repr('\ud800'), '\ud800' == '\ud800', len('\ud800\udc00'))
print(str(), str(123), str(1.5), str([1, 'a']), str(None))
print(str(b'abc', 'utf-8'), str(b'h\xc3\xa9', encoding='utf-8'), str(b'\xff', 'utf-8', 'replace'))
print(str('abc') is str('abc'))
print('%s' % 'x', 'ab' < 'b', 'a' in 'cab', '' in 'x', 'zz' not in 'z')
it = iter('h\u00e9')
print(next(it), next(it), list(it))
print(hash('abc') == hash('ab' + 'c'), hash('') == 0)
