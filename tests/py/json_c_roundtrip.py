# Big documents through json.dumps/loads (the C string scanner and
# quoting): every char class, nesting, indent and ensure_ascii variants.
import json

chars = ''.join(chr(c) for c in list(range(0, 0x300)) + [0x20ac, 0xfffd, 0xffff,
                                                           0x10000, 0x1f600, 0x10ffff])
records = []
for i in range(400):
    s = chars[i % len(chars):] [:i % 37 + 1]
    records.append({
        'id': i, 'name': 'n%d' % i, 's': s, 'esc': '"\\/' * (i % 3),
        'f': i / 7, 'neg': -i, 'b': i % 2 == 0, 'none': None,
        'list': [s, i, [s[::-1]]], 'k' + s: {'deep': {'deeper': [s] * 2}},
    })
doc = {'records': records, 'all': chars, 'count': len(records)}
total = 0
for kw in [{}, {'ensure_ascii': False}, {'indent': 2}, {'sort_keys': True, 'indent': '\t'},
           {'separators': (',', ':')}]:
    s = json.dumps(doc, **kw)
    back = json.loads(s)
    print(kw, len(s), back == doc, hash(s) == hash(json.dumps(back, **kw)))
    total += len(s)
print(total)
long = 'x' * 100000 + '\u00e9' + '\\' + 'y' * 1000
s = json.dumps([long, long])
print(len(s), json.loads(s) == [long, long])
print(json.loads('"' + 'ab\\n' * 5000 + '"') == 'ab\n' * 5000)
print(ascii(json.dumps(chars)[:200]))
print(ascii(json.dumps(chars, ensure_ascii=False)[-50:]))
