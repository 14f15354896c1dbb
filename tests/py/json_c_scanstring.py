# _json.scanstring: the C string scanner behind json.loads, with CPython's
# exact results, end positions and error messages/positions.
import json
import json.decoder
from json.decoder import scanstring, JSONDecodeError
import _json

print(scanstring is _json.scanstring)


def show(s, end, *strict):
    try:
        r = _json.scanstring(s, end, *strict)
        print(ascii(s), end, '->', ascii(r[0]), r[1])
    except JSONDecodeError as e:
        print(ascii(s), end, 'JSONDecodeError:', e, '|', ascii(e.msg), e.pos, e.lineno, e.colno)
    except Exception as e:
        print(ascii(s), end, type(e).__name__ + ':', e)


cases = [
    '"hello"', '""', '"a"xyz', 'abc"def"', '"caf\u00e9" tail', '"\u20ac\U0001f600"',
    '"esc \\" \\\\ \\/ \\b \\f \\n \\r \\t end"',
    '"\\u0041\\u00e9\\u20ac"', '"\\ud83d\\ude00"', '"\\uD83D\\uDE00"',
    '"\\ud83d"', '"\\ud83dx"', '"\\ud83d\\u0041"', '"\\ude00\\ud83d"',
    '"\\ud83d\\ude00', '"\\ud83d\\ude0"', '"\\ud83d\\uzzzz"', '"\\ud83d\\ude00x"',
    '"unterminated', '"', '"abc\\', '"abc\\"', '"bad \\x escape"', '"bad \\u12"',
    '"bad \\u12g4"', '"\\u1234', '"\\u1234"', '"tab\there"', '"nl\nhere"',
    '"ctl\x1fx"', '"del\x7fx"', '"\u00e9\u00e9\tx"', '"\u00e9\u00e9\\qx"',
    '"\u00e9\u20ac unterminated', 'ab\n"cd\n\\k"', '"\\u00"', '"x\\ud800\\udc00"',
]
for c in cases:
    show(c, 1)
show('xx"yy"', 3)
show('"\u00e9"\u00e9"z"', 4)
for c in ['"tab\there"', '"ctl\x00\x01\x1f"', '"nl\nhere', '"a\\tb\rc"']:
    show(c, 1, False)
    show(c, 1, True)
    show(c, 1, 0)
show('"abc"', 0)
show('"abc"', 5)
show('"abc"', 6)
show('"abc"', -1)
show(b'"abc"', 1)
show('"abc"', 1.5)
try:
    _json.scanstring('"a"', 1, strict=True)
except TypeError as e:
    print('TypeError')

# through json.loads: positions in nested documents, line/column
for doc in ['{"a": "x\\qy"}', '[1, "ab\ncd"]', '{"k\u00e9y": "v\\u12"}',
            '\n\n  ["\u20ac\u20ac', '["a", "\\ud834\\udd1e", "\\udd1e"]',
            '{"\\u00e9": "\\n"}', '"\\"quoted\\""']:
    try:
        print(ascii(json.loads(doc)))
    except JSONDecodeError as e:
        print('JSONDecodeError:', e)
print(ascii(json.loads('["a\tb", "c\x01"]', strict=False)))
d = json.JSONDecoder(strict=False)
print(ascii(d.decode('{"x\ny": "\x1f"}')))
e = JSONDecodeError('m', 'abc\ndef', 5)
print(e.msg, e.pos, e.lineno, e.colno, e.args)
