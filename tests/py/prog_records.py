# Dataclass-based records, sorted with keys; sort stability and custom __lt__.
from dataclasses import dataclass, field, asdict, astuple, replace
from functools import total_ordering, cmp_to_key
from operator import attrgetter, itemgetter


@dataclass
class Employee:
    name: str
    dept: str
    salary: int
    age: int = 30
    skills: list = field(default_factory=list)

    @property
    def seniority(self):
        return "senior" if self.age >= 40 else "junior"


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    @classmethod
    def parse(cls, s):
        return cls(*map(int, s.split(".")))

    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}"


@total_ordering
class Card:
    RANKS = "23456789TJQKA"

    def __init__(self, text):
        self.rank, self.suit = text[0], text[1]

    def __eq__(self, other):
        return self.RANKS.index(self.rank) == self.RANKS.index(other.rank)

    def __lt__(self, other):
        return self.RANKS.index(self.rank) < self.RANKS.index(other.rank)

    def __repr__(self):
        return self.rank + self.suit


staff = [
    Employee("Ann", "eng", 120, 45, ["c", "python"]),
    Employee("Bob", "ops", 90, 38),
    Employee("Cid", "eng", 120, 29, ["go"]),
    Employee("Dee", "sales", 70, 51),
    Employee("Eve", "eng", 95, 33, ["python"]),
    Employee("Fay", "ops", 90, 41),
]
print(staff[0])
print(staff[1] == Employee("Bob", "ops", 90, 38), staff[1] == staff[5])
for e in sorted(staff, key=attrgetter("dept", "name")):
    print(f"{e.dept:<6}{e.name:<5}{e.salary:>5} {e.seniority}")
print([e.name for e in sorted(staff, key=lambda e: e.salary, reverse=True)])
print([e.name for e in sorted(staff, key=lambda e: (-e.salary, e.age))])
by_salary = sorted(staff, key=attrgetter("salary"))
print([(e.name, e.salary) for e in by_salary])
print(asdict(staff[0]))
print(astuple(staff[2]))
older = replace(staff[1], age=39)
print(older, older is staff[1])

versions = [Version.parse(s) for s in ["1.10.0", "1.2.3", "1.2.10", "0.9", "2.0.0", "1.2.3"]]
print(sorted(versions))
print(max(versions), min(versions), str(sorted(versions)[2]))
print(Version(1, 2) < Version(1, 2, 1), Version(1) == Version(1, 0, 0), len(set(versions)))
try:
    versions[0].major = 5
except Exception as e:
    print(type(e).__name__, e)

cards = [Card(c) for c in "KS 3H TD 3C KD AS 2H TS 3S".split()]
print(sorted(cards), max(cards), min(cards))
print(Card("5H") >= Card("5S"), Card("5H") > Card("4S"), Card("2H") <= Card("AS"))
pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(pairs, key=itemgetter(1)))
print(sorted(pairs, key=itemgetter(0)))
print(sorted(sorted(pairs, key=itemgetter(1)), key=itemgetter(0)))


def compare_len_then_reverse_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)


words = "delta alpha charlie bravo echo foxtrot golf hotel ab".split()
print(sorted(words, key=cmp_to_key(compare_len_then_reverse_alpha)))
print(sorted(words, key=str.lower, reverse=True))
data = [3, 1, 2]
data.sort(key=lambda x: -x)
print(data)
groups = {}
for e in staff:
    groups.setdefault(e.dept, []).append(e.name)
print(groups)
totals = {d: sum(e.salary for e in staff if e.dept == d) for d in groups}
print(sorted(totals.items(), key=lambda kv: kv[1], reverse=True))
try:
    Employee("x")
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([Version(1), "1.0"])
except TypeError as e:
    print("TypeError:", e)
print(Employee.__dataclass_fields__.keys() if False else list(Employee.__dataclass_fields__))
print(repr(Version(3)), hash(Version(1, 2, 3)) == hash(Version(1, 2, 3)))
