# PEP 495: a tzinfo whose offset depends on fold; comparisons and hashing
from datetime import datetime, timedelta, timezone, tzinfo, time, date

def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)

class Eastern(tzinfo):
    # US Eastern with the 2023 rules only, by wall clock and fold
    def utcoffset(self, dt):
        return timedelta(hours=-5) + self.dst(dt)
    def dst(self, dt):
        if dt is None:
            return timedelta(0)
        start = datetime(2023, 3, 12, 2)
        end = datetime(2023, 11, 5, 1)
        naive = dt.replace(tzinfo=None)
        if start <= naive < end:
            return timedelta(hours=1)
        if end <= naive < end + timedelta(hours=1) and not dt.fold:
            return timedelta(hours=1)
        return timedelta(0)
    def tzname(self, dt):
        return 'EDT' if self.dst(dt) else 'EST'
    def __repr__(self):
        return 'Eastern()'

E = Eastern()
a0 = datetime(2023, 11, 5, 1, 30, tzinfo=E)
a1 = a0.replace(fold=1)
u = timezone.utc
print(a0, a1, a0.utcoffset(), a1.utcoffset(), a0.tzname(), a1.tzname(), repr(a1))
print(a0 == a1, a0 < a1, a0 - a1, a1 - a0, hash(a0) == hash(a1))
print(a0.astimezone(u), a1.astimezone(u), a0.astimezone(u) == a0, a1.astimezone(u) == a1)
print(a0 == datetime(2023, 11, 5, 5, 30, tzinfo=u), a1 == datetime(2023, 11, 5, 6, 30, tzinfo=u))
print(datetime(2023, 11, 5, 5, 30, tzinfo=u).astimezone(E), datetime(2023, 11, 5, 6, 30, tzinfo=u).astimezone(E))
for h in range(3, 9):
    x = datetime(2023, 11, 5, h, 0, tzinfo=u).astimezone(E)
    print(h, x, x.fold, x.tzname(), x.timetuple().tm_isdst, x.utctimetuple()[:6])
print(time(1, 30, fold=1) == time(1, 30), hash(time(1, 30, fold=1)) == hash(time(1, 30)), hash(datetime(2023, 1, 1, fold=1)) == hash(datetime(2023, 1, 1)))
print(sorted([a1, a0, datetime(2023, 11, 5, 1, 0, tzinfo=E)]))
t(lambda: datetime.min.replace(tzinfo=timezone(timedelta(hours=1))).astimezone(u))
t(lambda: datetime.max.replace(tzinfo=timezone(timedelta(hours=-1))).utctimetuple())
t(lambda: datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=1))).timestamp())
t(lambda: datetime(2024, 1, 1, tzinfo=u).timestamp())
t(lambda: datetime(1969, 12, 31, 23, 59, 59, 500000, tzinfo=u).timestamp())
t(lambda: datetime.fromtimestamp(-0.5, u))
t(lambda: datetime.fromtimestamp(1.9999995, u))
t(lambda: datetime.fromtimestamp(1.0000005, u))
t(lambda: datetime.fromtimestamp(2**40, u))
t(lambda: datetime.utcfromtimestamp(-62135596800))
t(lambda: datetime.utcfromtimestamp(-62135596801))
t(lambda: datetime.utcfromtimestamp(253402300800))
t(lambda: datetime.fromtimestamp(True, u))
