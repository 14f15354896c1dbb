import json
from collections import OrderedDict

data = {'name': 'Widget', 'id': 42, 'price': 9.99, 'tags': ['a', 'b'], 'ok': True,
        'none': None, 'nested': {'x': [1, 2, {'y': []}], 'z': {}}, 'neg': -7, 'exp': 1e20,
        'small': 1.5e-7, 'f': 0.1 + 0.2, 'big': 2**62, 'tup': (1, 2)}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent='\t', sort_keys=True))
print(json.dumps([1, [2, [3, {}]], []], indent=0))
print(json.dumps(data, separators=(',', ':')))
print(json.dumps({'a': [1, 2]}, indent=2, separators=(', ', ': ')))
print(json.dumps('héllo wörld ☃ 😀 \x7f \x00 \t\n"\\/'))
print(json.dumps('héllo wörld ☃ 😀 \x7f \x00 \t\n"\\/', ensure_ascii=False))
print(json.dumps({'ключ': 'значение'}), json.dumps({'ключ': 'значение'}, ensure_ascii=False))
print(json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd', False: 'e'}))
print(json.dumps([float('nan'), float('inf'), float('-inf')]))
for bad in [lambda: json.dumps(float("nan"), allow_nan=False), lambda: json.dumps([float("inf")], allow_nan=False, indent=1), lambda: json.dumps({(1, 2): 3}),
            lambda: json.dumps(object()), lambda: json.dumps({1j: 2})]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, str(e).replace(repr(object)[:0], ''))
print(json.dumps({(1, 2): 3, 'k': 4}, skipkeys=True))
l = [1]; l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print('ValueError', e)
class P:
    def __init__(self, x): self.x = x
print(json.dumps([P(1), P(2)], default=lambda o: {'P': o.x}))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({'s': {3, 1, 2}}, cls=Enc), Enc(indent=1).encode([1]))
print(json.dumps(OrderedDict([('z', 1), ('a', 2)])), json.dumps(True), json.dumps(None), json.dumps(3), json.dumps(''), json.dumps([]), json.dumps({}))
print(json.dumps(1.0), json.dumps(-0.0), json.dumps(123456789.123), json.dumps(1e-300), json.dumps(100.0))

s = json.dumps(data)
back = json.loads(s)
print(back == {**data, 'tup': [1, 2]}, back)
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null], "b": "x\\u00e9\\ud83d\\ude00\\n\\t\\"", "c": {}}'))
print(json.loads('  [ 1 ,\n 2 ] '), json.loads('"abc"'), json.loads('0'), json.loads('-0'), json.loads('-0.0'), json.loads('1E3'), json.loads('1e-2'))
print(json.loads('[NaN, Infinity, -Infinity]'), json.loads(b'{"k": "v"}'), json.loads(bytearray(b'[1]')))
print(json.loads('{"a": 1, "a": 2}'), json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"x": 1}', object_hook=lambda d: ('hook', d)), json.loads('[1.5, 2]', parse_float=str, parse_int=float))
print(json.loads('[NaN]', parse_constant=lambda c: 'const:' + c), json.loads('"a\nb"', strict=False))
print(json.loads('"\\/\\b\\f\\r"'), json.loads('"\\ud800x"') == '\ud800x', type(json.loads('12')).__name__, type(json.loads('1.0')).__name__)
bad = ['', ' ', '[', '[1', '[1,', '[1,]', '[1 2]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}',
       '{"a" 1}', '{"a":1 "b":2}', '{1:2}', '"abc', '"a\\x"', '"a\\u12"', '"a\\u12zz"', '"a\nb"', 'nul',
       'tru', '-', '-x', '01', '1.', '1.e5', '1e', '[1]x', '"\\', '"\\ud800\\u12"', '{"a":1}}', '\ufeff[1]',
       '[1,\n2,\n x]', '1 2', '[-]', '{"a" : [1, {"b": }]}', 'x', "{'a': 1}", '[1,,2]', '"\x01"', 'true false']
for b in bad:
    try:
        print(repr(b), json.loads(b))
    except json.JSONDecodeError as e:
        print(repr(b), 'ERR', e, '|', e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
try:
    json.loads(5)
except TypeError as e:
    print('TypeError', e)
import io
buf = io.StringIO()
json.dump({'a': [1, 2, 3]}, buf, indent=1)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))
print(json.decoder.JSONDecodeError is json.JSONDecodeError, json.JSONDecoder().raw_decode('[1] tail'))
deep = []
cur = deep
for i in range(50):
    cur.append([i]); cur = cur[-1]
print(json.loads(json.dumps(deep)) == deep)
