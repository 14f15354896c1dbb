# The C encoder of _json (make_encoder): options, key types, NaN handling,
# circular references, default(), subclasses, and direct c_make_encoder use.
import json
from json import encoder
from collections import OrderedDict

print(encoder.c_make_encoder is not None)
print(json.dumps([1, -0.0, 0.5, 1e300, 1e-7, 10**30, -5, True, False, None, "é\n", (1, 2), [], {}, ()]))
print(json.dumps(float('inf')), json.dumps([float('-inf'), float('nan')]))
for v in [float('nan'), [float('inf')], {'a': float('-inf')}, {float('nan'): 1}]:
    try:
        json.dumps(v, allow_nan=False)
    except ValueError as e:
        print('VE', e)
    try:
        json.dumps(v, allow_nan=False, indent=1)
    except ValueError as e:
        print('VE indent', e)
print(json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd', False: 'e', 'k': 'f'}))
print(json.dumps({'b': 1, 'a': [3, {'d': 1, 'c': 2}]}, sort_keys=True))
print(json.dumps({'a': 1, 'b': [1, 2]}, separators=(',', ':')))
print(json.dumps({'a': 1, 'b': [1, 2]}, indent=2))
print(json.dumps({'é': 'ü\U0001f600'}, ensure_ascii=False), json.dumps({'é': 'ü\U0001f600'}))
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print('TE', e)
print(json.dumps({(1, 2): 3, 'x': 1, (3,): 4, 'y': 2}, skipkeys=True))
print(json.dumps({(1, 2): 3}, skipkeys=True))
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print('VE', e)
d = {}
d['self'] = d
try:
    json.dumps(d)
except ValueError as e:
    print('VE', e)
try:
    json.dumps(d, check_circular=False)
except RecursionError as e:
    print('RecursionError')
shared = [1]
print(json.dumps([shared, shared, {'s': shared}]))

class P:
    def __init__(self, x):
        self.x = x

def dflt(o):
    if isinstance(o, P):
        return {'P': o.x}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError('nope ' + type(o).__name__)

print(json.dumps([P(1), P(P(2)), {3, 1, 2}], default=dflt))
try:
    json.dumps(object())
except TypeError as e:
    print('TE', e)
try:
    json.dumps([1, b'x'], default=dflt)
except TypeError as e:
    print('TE', e)

class Loop:
    pass
try:
    json.dumps(Loop(), default=lambda o: o)
except ValueError as e:
    print('VE', e)

class MyEnc(json.JSONEncoder):
    def default(self, o):
        return repr(o)
print(MyEnc().encode([1j, {'k': 2j}]))
print(json.dumps(OrderedDict([('z', 1), ('a', 2)])))
print(json.dumps(OrderedDict([('z', 1), ('a', 2)]), sort_keys=True))

class IntS(int):
    def __repr__(self):
        return 'IntS!'
class FloatS(float):
    def __repr__(self):
        return 'FloatS!'
class StrS(str):
    pass
print(json.dumps([IntS(3), FloatS(2.5), StrS('s'), {StrS('k'): IntS(4), IntS(5): 1, FloatS(1.5): 2}]))
try:
    json.dumps({1: 1, 'a': 2}, sort_keys=True)
except TypeError as e:
    print('TE', e)
e = encoder.c_make_encoder(None, str, encoder.encode_basestring, None, ': ', ', ', False, False, True)
print(e({'a': [1, 'é']}, 0))
e = encoder.c_make_encoder({}, str, lambda s: '<' + s + '>', None, '=', ';', True, False, True)
print(e({'b': 1, 'a': 'x'}, 0))
e = encoder.c_make_encoder({}, str, lambda s: 5, None, '=', ';', True, False, True)
try:
    e(['x'], 0)
except TypeError as ex:
    print('TE', ex)
import io
f = io.StringIO()
json.dump({'a': [1, 2.5, None]}, f)
print(f.getvalue())
try:
    json.dump(float('nan'), io.StringIO(), allow_nan=False)
except ValueError as ex:
    print('VE', ex)
big = [list(range(i)) for i in range(20)]
print(json.loads(json.dumps(big)) == big)
print(len(json.dumps([[[]]] * 1000)))
