# JSON round trip of nested data, with custom encoding and pretty printing.
import json

config = {
    "name": "refpy-demo",
    "version": [1, 4, 2],
    "enabled": True,
    "ratio": 0.75,
    "missing": None,
    "servers": [
        {"host": "alpha", "port": 8080, "tags": ["web", "primary"]},
        {"host": "beta", "port": 8081, "tags": [], "weight": 2.5},
    ],
    "limits": {"cpu": 4, "mem": "16G", "nested": {"deep": {"deeper": [1, [2, [3, [4]]]]}}},
    "unicode": "caf\u00e9 \u2603 \U0001F600",
    "escapes": "tab\there \"quoted\" back\\slash\nnewline",
    "empty": {},
    "neg": -17,
    "big": 12345678901,
    "float_exp": 1.5e-10,
}

text = json.dumps(config)
print(text)
back = json.loads(text)
print(back == config)
print(json.dumps(config, indent=2, sort_keys=True))
print(json.dumps(config, ensure_ascii=False)[:120])
print(json.dumps([1, 2, {"a": [3, 4]}], separators=(",", ":")))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def encode(obj):
    if isinstance(obj, Point):
        return {"__point__": [obj.x, obj.y]}
    if isinstance(obj, set):
        return sorted(obj)
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


def decode(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d


shapes = {"triangle": [Point(0, 0), Point(3, 0), Point(0, 4)], "ids": {3, 1, 2}}
s = json.dumps(shapes, default=encode)
print(s)
print(json.loads(s, object_hook=decode))

try:
    json.dumps({"p": Point(1, 2)})
except TypeError as e:
    print("TypeError:", e)

for bad in ['{"a": 1,}', '[1, 2', 'nul', '{"a" 1}', '']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e.msg, "at pos", e.pos)
    except ValueError as e:
        print("ValueError:", e)

# round trip via files-like strings, and key coercion
data = {1: "one", 2.5: "two and a half", True: "yes", None: "nothing"}
print(json.dumps(data))
print(json.loads(json.dumps(data)))
print(json.loads('[1e3, -0.0, 3.14159, 10, "\\u00e9\\ud83d\\ude00"]'))
print(json.dumps("\u00e9\U0001F600"), json.dumps(float("inf")), json.dumps(-float("inf")))


def depth(x):
    if isinstance(x, dict):
        return 1 + max((depth(v) for v in x.values()), default=0)
    if isinstance(x, list):
        return 1 + max((depth(v) for v in x), default=0)
    return 0


print("depth", depth(back))
def walk(x, path="$"):
    if isinstance(x, dict):
        for k, v in x.items():
            yield from walk(v, f"{path}.{k}")
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from walk(v, f"{path}[{i}]")
    else:
        yield path, x

for path, value in walk(back["limits"]):
    print(f"{path:<30} = {value!r}")
