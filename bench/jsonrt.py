# json round trip: encode a nested document of dicts, lists, strs, ints,
# floats and escapes; decode it back and check it is equal.
import json

records = []
for i in range(3000):
    records.append({
        "id": i,
        "name": "user-%d" % i,
        "score": i * 0.25,
        "tags": ["t%d" % (i % 7), "x\"y", "caf\u00e9"],
        "active": i % 2 == 0,
        "parent": None if i % 5 else i // 5,
        "nested": {"a": [1, 2, 3], "b": {"c": "line\nbreak"}},
    })
doc = {"records": records, "count": len(records)}
total = 0
for _ in range(4):
    s = json.dumps(doc)
    back = json.loads(s)
    assert back == doc
    total += len(s)
print(total, len(json.dumps(doc, indent=2, sort_keys=True)))
