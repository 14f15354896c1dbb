# _json.encode_basestring(_ascii): CPython's exact quoting of str.
import json
import json.encoder as enc
import _json

print(enc.encode_basestring_ascii is _json.encode_basestring_ascii)
print(enc.encode_basestring is _json.encode_basestring)

samples = ['', 'plain', 'q"uote', 'back\\slash', '/slash', '\b\f\n\r\t',
           ''.join(chr(i) for i in range(0x20)), '\x7f', '\x80\xff',
           'caf\u00e9', '\u20ac', '\uffff', '\U00010000', '\U0001f600x',
           '\U0010ffff', '\ud800', '\udfff', 'a\ud83d', '\ud83d\ude00',
           'mix \u00e9\t"\U0001d11e\\\x00', 'x' * 300 + '\u00e9']
for s in samples:
    print(_json.encode_basestring_ascii(s))
    print(ascii(_json.encode_basestring(s)))
    print(json.dumps(s), ascii(json.dumps(s, ensure_ascii=False)))
    print(json.loads(json.dumps(s)) == s, json.loads(json.dumps(s, ensure_ascii=False)) == s)


class S(str):
    pass


print(_json.encode_basestring_ascii(S('sub\u00e9')), _json.encode_basestring(S('x"')))
for bad in [b'bytes', 1, None]:
    for f in (_json.encode_basestring_ascii, _json.encode_basestring):
        try:
            f(bad)
        except TypeError as e:
            print('TypeError:', e)
print(json.dumps({'k\u00e9y': ['v\n', '\U0001f600']}))
print(ascii(json.dumps({'k\u00e9y': ['v\n', '\U0001f600']}, ensure_ascii=False)))
