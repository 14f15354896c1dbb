# The match statement.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


def describe(v):
    match v:
        case 0 | 1:
            return "bit"
        case [a, b]:
            return f"pair {a} {b}"
        case [first, *rest] if first == "cmd":
            return f"cmd {rest}"
        case {"type": "circle", "r": r}:
            return f"circle {r}"
        case {"type": t, **others}:
            return f"shape {t} {sorted(others)}"
        case Point(x=0, y=y):
            return f"on y axis {y}"
        case Point(x, y) as p if x == y:
            return f"diagonal {p.x}"
        case str() | bytes() as s:
            return f"text {s!r}"
        case None:
            return "none"
        case float(f):
            return f"float {f}"
        case _:
            return "other"


for v in [0, 1, [1, 2], ["cmd", 1, 2], {"type": "circle", "r": 2},
          {"type": "sq", "a": 1, "b": 2}, Point(0, 5), Point(3, 3), Point(1, 2),
          "hi", b"by", None, 2.5, 42, (1, 2, 3)]:
    print(describe(v))
