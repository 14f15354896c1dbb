# A gradebook: nested dicts, comprehensions, statistics, formatted reports.
import statistics
from collections import defaultdict, namedtuple, deque, ChainMap

Score = namedtuple("Score", ["student", "course", "points", "max_points"])
Grade = namedtuple("Grade", "letter low", defaults=[0])

GRADES = [Grade("A", 90), Grade("B", 80), Grade("C", 70), Grade("D", 60), Grade("F")]

RAW = """
ann,math,88,100
ann,physics,45,50
ann,history,72,80
bob,math,67,100
bob,physics,30,50
bob,art,19,20
cid,math,95,100
cid,history,55,80
cid,art,12,20
dee,physics,49,50
dee,math,58,100
"""


def parse(raw):
    for line in raw.strip().splitlines():
        student, course, pts, mx = line.split(",")
        yield Score(student, course, int(pts), int(mx))


def letter(pct):
    for g in GRADES:
        if pct >= g.low:
            return g.letter
    raise AssertionError("unreachable")


scores = list(parse(RAW))
print(scores[0], scores[0]._asdict(), scores[0]._replace(points=90))
print(Score._fields, GRADES[-1], Grade._field_defaults)
by_student = defaultdict(dict)
by_course = defaultdict(list)
for s in scores:
    pct = 100 * s.points / s.max_points
    by_student[s.student][s.course] = pct
    by_course[s.course].append(pct)

courses = sorted(by_course)
header = f"{'student':<8}" + "".join(f"{c:>9}" for c in courses) + f"{'avg':>8} grade"
print(header)
print("=" * len(header))
for student in sorted(by_student):
    row = by_student[student]
    cells = "".join(f"{row[c]:>8.1f}%" if c in row else f"{'-':>9}" for c in courses)
    avg = statistics.mean(row.values())
    print(f"{student:<8}{cells}{avg:>8.2f} {letter(avg):^5}")
print("-" * len(header))
for c in courses:
    vals = by_course[c]
    spread = statistics.pstdev(vals) if len(vals) > 1 else 0.0
    print(f"{c:<8} n={len(vals)} mean={statistics.mean(vals):6.2f} median={statistics.median(vals):6.2f} "
          f"sd={spread:6.3f} best={max(vals):.0f}")

ranking = sorted(by_student, key=lambda s: statistics.mean(by_student[s].values()), reverse=True)
print("ranking:", " > ".join(ranking))
distribution = defaultdict(int)
for s in scores:
    distribution[letter(100 * s.points / s.max_points)] += 1
print(dict(sorted(distribution.items())))
top = {c: max(((s, by_student[s][c]) for s in by_student if c in by_student[s]), key=lambda t: t[1])
       for c in courses}
print(top)
passed = {s for s, row in by_student.items() if all(v >= 60 for v in row.values())}
print(sorted(passed), sorted(set(by_student) - passed))
matrix = [[round(by_student[s].get(c, 0)) for c in courses] for s in sorted(by_student)]
print(matrix, [sum(col) for col in zip(*matrix)])

recent = deque(maxlen=3)
for s in scores:
    recent.append(s.student)
print(recent, list(recent), recent.maxlen)
dq = deque([1, 2, 3])
dq.appendleft(0)
dq.rotate(2)
print(dq, dq.popleft(), dq.pop(), dq)
dq.extendleft([9, 8])
print(dq, dq.count(9), len(dq), dq[0], dq[-1])

defaults = {"color": "blue", "size": "M", "qty": 1}
user = {"size": "L"}
cm = ChainMap(user, defaults)
print(cm["size"], cm["color"], len(cm), sorted(cm.items()))
cm["qty"] = 5
print(user, defaults["qty"])
Point = namedtuple("Point", "x y")
p = Point(3, 4)
x, y = p
print(p, p.x + p.y, x * y, p == (3, 4), p._fields, Point._make([5, 6]), p[1])
try:
    p.x = 10
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
print(statistics.median([1, 3, 5, 7]), statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]))
print(statistics.variance([2, 4, 4, 4, 5, 5, 7, 9]), statistics.pvariance([2, 4, 4, 4, 5, 5, 7, 9]))
print(round(statistics.fmean([1.5, 2.5, 3.25]), 4), statistics.mode("aabbbc"), statistics.multimode("aabbcc"))
