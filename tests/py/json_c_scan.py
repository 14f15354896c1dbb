# The C scanner of _json (make_scanner): numbers, nesting, whitespace, every
# error with its position, hooks, parse_* overrides, StopIteration protocol.
import json
from json import decoder, scanner
print(scanner.make_scanner is scanner.c_make_scanner, scanner.make_scanner.__name__)
print(json.loads('[1, -0, 0, -1.5e3, 1e400, -1e400, 1E+2, 12345678901234567890123, "a\\u00e9", null, true, false, NaN, Infinity, -Infinity, {"k": [ ]} , {} ]'))
for bad in ['', ' ', '[', '[1,', '[1 2]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{1:2}', '{"a" 1}', '[1,]', '-', '-a', 'nul', '"abc', '1 2', '[é]', '"é" x', '{"é":é}', '01', '1.', '1e', '1.e5', '-Inf']:
    try:
        print(repr(bad), json.loads(bad))
    except json.JSONDecodeError as e:
        print(repr(bad), e, e.pos)
d = json.JSONDecoder()
print(d.scan_once('  1', 2), d.raw_decode('[1] x'))
try:
    d.scan_once('x', 0)
except StopIteration as e:
    print('stop', e.value, e.args)
try:
    d.scan_once('x', -1)
except ValueError as e:
    print('VE', e)
try:
    d.scan_once('x', 5)
except StopIteration as e:
    print('stop', e.value)
from decimal import Decimal
from collections import OrderedDict
print(json.loads('[1.1, 2, NaN]', parse_float=Decimal, parse_int=str, parse_constant=lambda c: c * 2))
print(json.loads('{"a": 1, "b": {"c": 2}}', object_pairs_hook=OrderedDict))
print(json.loads('{"a": 1, "b": {"c": 2}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "a": 2}'))
try:
    json.loads('[' * 100000)
except RecursionError as e:
    print('RecursionError', e)
# whitespace everywhere, and in the error positions
print(json.loads(' \t\n\r{ \n"a" \t: \r[ 1 ,\n2 ] , "b":{ } }\n '))
for bad in ['{"a":1 x}', '[1\n,\n]', '\n\n  [1,\n   2\n   3]', '{"é€😀": [1, "😀", x]}', '["\x01"]', '{"a\\q": 1}', '["\\u12"]']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), e.msg, e.pos, e.lineno, e.colno)
print(json.loads('["a\x01b", {"\x1f": "\t"}]', strict=False))
# numbers of every form
for t in ['0', '-0', '-0.0', '0.0', '1.5', '-1.5E-3', '2e+3', '2E3', '1e400', '-1e400', '1e-400',
          '123456789012345678', '-123456789012345678', '1234567890123456789', '-9223372036854775808',
          '9223372036854775807', '99999999999999999999999999', '3.141592653589793238462643383279',
          '[0,1,-1,0.1,10,-10e-1]', '1' * 4000]:
    v = json.loads(t)
    print(t[:40], type(v).__name__, repr(v)[:60])
try:
    json.loads('1' * 5000)
except ValueError as e:
    print('VE', str(e)[:60])
# deep but fine nesting
deep = '[' * 200 + ']' * 200
v = json.loads(deep)
n = 0
while v:
    v = v[0]
    n += 1
print('depth', n)
print(json.loads('{' + ', '.join('"k%d": {"x": [%d]}' % (i, i) for i in range(5)) + '}'))
# keys of different objects share one str (the memo) within a document
objs = json.loads('[{"key": 1}, {"key": 2}]')
k1, = objs[0]
k2, = objs[1]
print(k1 is k2)
# hooks that raise propagate unchanged
def bad_hook(x):
    raise KeyError('hook')
for kw in ['object_hook', 'object_pairs_hook', 'parse_float', 'parse_int', 'parse_constant']:
    try:
        json.loads('[{"a": 1.5, "b": 2, "c": NaN}]', **{kw: bad_hook})
    except KeyError as e:
        print(kw, 'KeyError', e)
print(json.loads('[1, 2.0, -3]', parse_int=float, parse_float=lambda s: 'F' + s))
print(json.loads('{"a": {"b": null}}', object_hook=lambda d: ('hooked', d)))
print(json.loads('{"a": 1}', object_hook=lambda d: 1, object_pairs_hook=lambda p: p))
# the pure Python scanner agrees with the C one
from json import scanner as jd
class Ctx:
    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = {'NaN': 'nan', 'Infinity': 'inf', '-Infinity': '-inf'}.__getitem__
    memo = {}
for scan in (jd.c_make_scanner(Ctx()), json.JSONDecoder(parse_constant=Ctx.parse_constant).scan_once):
    res = []
    for doc, idx in [('[1, {"a": "b"}]', 0), ('xx  -Infinity', 4), ('1.5e3x', 0), ('"abc"', 0),
                     ('  ', 1), ('tru', 0), ('[1, 2', 0), ('{"a":', 0)]:
        try:
            res.append(scan(doc, idx))
        except StopIteration as e:
            res.append(('stop', e.value))
        except json.JSONDecodeError as e:
            res.append(('err', e.msg, e.pos))
    print(res)
try:
    jd.c_make_scanner(Ctx())(b'[]', 0)
except TypeError as e:
    print('TE', e)
print(json.JSONDecoder().raw_decode('é [1]', 2))
