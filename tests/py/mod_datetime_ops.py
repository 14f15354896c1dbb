# datetime arithmetic, comparison, subclassing, tzinfo, formatting, pickling
import pickle, copy
from datetime import date, datetime, time, timedelta, timezone, tzinfo, MINYEAR, MAXYEAR, UTC

def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)

print(MINYEAR, MAXYEAR, UTC is timezone.utc)
d = date(2024, 2, 28)
print(d + timedelta(1), d + timedelta(2), timedelta(days=2, hours=23) + d, d - timedelta(seconds=1))
print(d - date(2023, 2, 28), date(2000, 1, 1) - d, d.toordinal(), date.fromordinal(738944))
print(d.weekday(), d.isoweekday(), d.isocalendar(), d.isocalendar().week, tuple(d.isocalendar()))
print(date(2021, 1, 3).isocalendar(), date(2020, 12, 31).isocalendar(), date(2026, 12, 31).isocalendar())
print(date.fromisocalendar(2020, 53, 7), date.fromisocalendar(2024, 1, 1))
print(d.ctime(), d.timetuple(), d.replace(day=1), d.replace(2020, 2, 29))
t(lambda: d.replace(year=2023, day=29))
print(d.strftime('%A %d %B %Y (%j) %% %a %b %U %W %w %y %m'), format(d, '%Y/%m'), f'{d}', f'{d:%d.%m}')
print(d.isoformat(), str(d), repr(d), d.year, d.month, d.day)
print(sorted([date(2024, 1, 3), date(2023, 5, 1), date(2024, 1, 1)]), max(date.min, date.max))
print(d == date(2024, 2, 28), d != date(2024, 2, 28), d < date(2024, 3, 1), d >= date(2024, 3, 1))
print(d == 5, d != 'x', d == datetime(2024, 2, 28), datetime(2024, 2, 28) != d)

dt = datetime(2024, 12, 31, 23, 59, 59, 999999)
print(dt + timedelta(microseconds=1), dt - timedelta(days=366), dt - datetime(2024, 1, 1))
print(dt.date(), dt.time(), dt.timetz(), dt.ctime(), dt.isoformat(), dt.isoformat(' '))
for spec in ['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds']:
    print(spec, dt.isoformat(timespec=spec), time(1, 2, 3, 4000).isoformat(spec))
t(lambda: dt.isoformat(sep='ab'))
print(str(dt), repr(dt), repr(datetime(2024, 1, 2)), repr(datetime(2024, 1, 2, 3, 0, 5)), repr(datetime(2024, 1, 2, 0, 0, 0, 7)))
print(datetime.combine(date(2024, 1, 2), time(3, 4, tzinfo=UTC)), datetime.combine(date(2024, 1, 2), time(3, 4), timezone(timedelta(hours=5))))
print(dt.replace(hour=0, microsecond=0), dt.replace(tzinfo=UTC), dt.replace(tzinfo=UTC).replace(tzinfo=None))
print(dt.strftime('%Y-%m-%d %H:%M:%S.%f %z|%Z| %I %p %%f'), format(dt, ''), format(dt, '%H'))
print(dt.timetuple(), dt.utctimetuple(), dt.toordinal(), dt.weekday())

# aware arithmetic and comparisons
e5 = timezone(timedelta(hours=-5), 'EST')
p1 = timezone(timedelta(hours=1))
a = datetime(2024, 3, 10, 12, tzinfo=e5)
b = datetime(2024, 3, 10, 18, tzinfo=p1)
print(a - b, b - a, a == b, a < b, a > b, hash(a) == hash(b), a.astimezone(p1), b.astimezone(e5))
print(a.astimezone(UTC), a.astimezone(UTC).astimezone(e5) == a, a.utcoffset(), a.tzname(), a.dst(), b.tzname())
print(a.isoformat(), b.isoformat(), str(e5), str(p1), repr(e5), repr(p1), str(UTC))
print(timezone(timedelta(0)) is UTC, timezone(timedelta(0), 'UTC') is UTC, timezone(timedelta(0), 'Z'))
print(timezone(timedelta(hours=3)) == timezone(timedelta(hours=3), 'X'), timezone(timedelta(hours=3)) == 3)
print(timezone(-timedelta(hours=23, minutes=59, seconds=59, microseconds=999999)), timezone.min, timezone.max)
t(lambda: timezone(-timedelta(hours=24)))
t(lambda: timezone(timedelta(hours=1), None))
t(lambda: type('X', (timezone,), {}))
print(datetime(2024, 1, 1, tzinfo=e5) == datetime(2024, 1, 1), datetime(2024, 1, 1, tzinfo=e5) != datetime(2024, 1, 1))
t(lambda: datetime(2024, 1, 1, tzinfo=e5) <= datetime(2024, 1, 1))
print(time(12, tzinfo=e5) == time(18, tzinfo=p1), time(12, tzinfo=e5) < time(18, 1, tzinfo=p1), time(5) < time(6), time(0) or 'falsy')
print(time(12, tzinfo=e5).utcoffset(), time(12, tzinfo=e5).tzname(), time(12, tzinfo=e5).isoformat(), time(12, 30, 15, tzinfo=timezone(timedelta(seconds=-3601))))
print(time(1, 2, 3).strftime('%H:%M:%S %f %z %Z %Y'), time(1, 2, 3, 4, tzinfo=e5).strftime('%z %Z %f'))
print(time(1, 2).replace(minute=5), time(1, 2).replace(tzinfo=p1), time(23, 59, 59, 999999), time.min, time.max, time.resolution)

class Fixed(tzinfo):
    def __init__(self, minutes, name):
        self.off = timedelta(minutes=minutes)
        self.name = name
    def utcoffset(self, dt): return self.off
    def tzname(self, dt): return self.name
    def dst(self, dt): return timedelta(0)
    def __repr__(self): return 'Fixed(%r)' % self.name

f = Fixed(90, 'F%')
x = datetime(2024, 6, 1, 10, tzinfo=f)
print(x, repr(x), x.strftime('%z %Z'), x.utcoffset(), x.astimezone(UTC), UTC.fromutc(datetime(2024, 1, 1, tzinfo=UTC)))
print(f.fromutc(datetime(2024, 6, 1, 10, tzinfo=f)), x.timetuple().tm_isdst)
print(f.__reduce__()[0].__name__, sorted(f.__reduce__()[2].items()))

class BadTZ(tzinfo):
    def utcoffset(self, dt): return 5
    def tzname(self, dt): return 7
    def dst(self, dt): return timedelta(days=2)
bt = datetime(2024, 1, 1, tzinfo=BadTZ())
t(lambda: bt.utcoffset())
t(lambda: bt.tzname())
t(lambda: bt.dst())

# subclasses keep their type through arithmetic and constructors
class MyDate(date):
    def __repr__(self): return 'MyDate<%s>' % self.isoformat()
class MyDT(datetime):
    pass
md = MyDate(2024, 1, 31)
print(md + timedelta(1), type(md + timedelta(1)).__name__, type(md - timedelta(1)).__name__, md - date(2024, 1, 1))
print(type(md.replace(day=1)).__name__, MyDate.fromordinal(1), MyDate.fromisoformat('2024-05-06'), type(MyDate.today()).__name__)
mdt = MyDT(2024, 1, 2, 3, 4)
print(repr(mdt), type(mdt + timedelta(1)).__name__, type(mdt.replace(year=2000)).__name__, type(MyDT.fromisoformat('2024-01-02')).__name__)
print(repr(MyDT.combine(date(2024, 1, 1), time())), type(MyDT.strptime('2024', '%Y')).__name__, type(mdt.date()).__name__)
class MyTD(timedelta):
    pass
print(repr(MyTD(1)), type(MyTD(1) + timedelta(1)).__name__, type(-MyTD(1)).__name__)

# pickle and copy round trips
for obj in [d, dt, a, b, time(1, 2, 3, 4, tzinfo=e5), timedelta(-3, 5, 7), UTC, e5, p1,
            datetime(2024, 1, 2, 3, fold=1), time(4, fold=1), date.max, datetime.min, md, mdt]:
    for proto in range(0, 6):
        r = pickle.loads(pickle.dumps(obj, proto))
        assert r == obj and type(r) is type(obj), (obj, proto, r)
    c1, c2 = copy.copy(obj), copy.deepcopy(obj)
    print(repr(c1), c1 == obj, c2 == obj, getattr(c1, 'fold', None))

# strptime
for s, fmt in [('2024-03-05 12:30:45', '%Y-%m-%d %H:%M:%S'), ('05/03/24 1:02 PM', '%d/%m/%y %I:%M %p'),
               ('2024-03-05T12:30:45.123+0530', '%Y-%m-%dT%H:%M:%S.%f%z'), ('Tue Mar  5 12:30:45 2024', '%c'),
               ('2024-03-05 UTC', '%Y-%m-%d %Z'), ('2024-03-05 12 -07:30', '%Y-%m-%d %H %z'), ('Z', '%z'),
               ('2024 10 3', '%Y %W %w'), ('March 5, 2024', '%B %d, %Y'), ('2024-02-30', '%Y-%m-%d'),
               ('2024-13-01', '%Y-%m-%d'), ('2024-03-05 extra', '%Y-%m-%d'), ('2024', '%Y %')]:
    t(lambda: datetime.strptime(s, fmt))
t(lambda: datetime.strptime(5, '%Y'))
t(lambda: datetime.strptime('x', 5))
t(lambda: d.strftime(None))
t(lambda: datetime.combine(None, time()))
t(lambda: isinstance(d.isocalendar(), tuple))
print(datetime.strptime('12:30', '%H:%M').time(), datetime.strptime('Feb 29', '%b %d').year if False else '')
t(lambda: datetime.strptime('Feb 29', '%b %d'))
