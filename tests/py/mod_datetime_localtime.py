# Local-time behaviour under fixed TZ settings (POSIX rule strings need no
# tz database): time.localtime/mktime/tzname and datetime's local-time
# conversions, including the repeated and skipped hours of DST changes.
import os, time
from datetime import datetime, timedelta, timezone, date

def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)

os.environ['TZ'] = 'UTC'
time.tzset()
print(time.timezone, time.altzone, time.daylight, time.tzname)
print(time.localtime(0), time.localtime(0).tm_zone, time.localtime(0).tm_gmtoff)
print(time.mktime((2024, 3, 5, 12, 0, 0, 0, 0, 0)), time.ctime(86400 * 365))
print(datetime.fromtimestamp(1700000000), datetime.fromtimestamp(1700000000.5), date.fromtimestamp(1700000000))
print(datetime(2024, 3, 5, 12).timestamp(), datetime(2024, 3, 5, 12).astimezone())

os.environ['TZ'] = 'EST+5EDT,M3.2.0/2,M11.1.0/2'
time.tzset()
print(time.timezone, time.altzone, time.daylight, time.tzname)
lt = time.localtime(1700000000)
print(lt, lt.tm_zone, lt.tm_gmtoff)
lt = time.localtime(1690000000)
print(lt, lt.tm_zone, lt.tm_gmtoff)
print(time.mktime((2023, 7, 1, 12, 0, 0, 0, 0, -1)), time.mktime((2023, 1, 1, 12, 0, 0, 0, 0, -1)))
print(time.strftime('%Y-%m-%d %H:%M:%S %Z %z', time.localtime(1690000000)))
print(time.ctime(1690000000), time.asctime(time.localtime(1700000000)))
# the repeated hour on 2023-11-05 01:00-02:00 local
for ts in range(1699160400, 1699174800 + 1, 1800):
    d = datetime.fromtimestamp(ts)
    print(ts, d, d.fold, d.timestamp() == ts, d.astimezone())
# the skipped hour on 2023-03-12 02:00-03:00 local
for h, m in [(1, 59), (2, 0), (2, 30), (3, 0)]:
    for fold in (0, 1):
        d = datetime(2023, 3, 12, h, m, fold=fold)
        print(d, fold, d.timestamp(), datetime.fromtimestamp(d.timestamp()))
d = datetime(2023, 11, 5, 1, 30)
print(d.timestamp(), d.replace(fold=1).timestamp(), d.astimezone(), d.replace(fold=1).astimezone())
print(d.astimezone(timezone.utc), d.replace(fold=1).astimezone(timezone.utc))
u = datetime(2023, 11, 5, 5, 30, tzinfo=timezone.utc)
print(u.astimezone(), (u + timedelta(hours=1)).astimezone(), u.astimezone(timezone(timedelta(hours=-5))))
print(datetime.fromtimestamp(1699165800, timezone.utc), datetime.utcfromtimestamp(1699165800))
print(datetime(2023, 7, 1, 12).timetuple(), datetime(2023, 7, 1, 12).utctimetuple())
a = datetime(2023, 7, 1, 12).astimezone()
print(a, a.tzname(), a.utcoffset(), a.dst(), repr(a.tzinfo))
print(time.strptime('EST', '%Z').tm_isdst, time.strptime('EDT', '%Z').tm_isdst, time.strptime('UTC', '%Z').tm_isdst)
t(lambda: time.strptime('PST', '%Z'))

os.environ['TZ'] = 'AEST-10AEDT,M10.1.0,M4.1.0/3'
time.tzset()
print(time.timezone, time.altzone, time.daylight, time.tzname)
print(datetime(2024, 1, 15, 12).astimezone(), datetime(2024, 7, 15, 12).astimezone())
print(datetime(2024, 1, 15, 12).timestamp(), time.localtime(1705280400))

os.environ['TZ'] = 'UTC'
time.tzset()
print(time.tzname, datetime.fromtimestamp(0), datetime.fromtimestamp(-1.25))
t(lambda: type(datetime.now()).__name__)
t(lambda: type(datetime.today()).__name__)
t(lambda: type(date.today()).__name__)
t(lambda: datetime.now(timezone.utc).tzinfo)
t(lambda: abs(datetime.now() - datetime.fromtimestamp(time.time())) < timedelta(seconds=5))
t(lambda: abs(datetime.utcnow() - datetime.now()) < timedelta(seconds=5))
t(lambda: type(time.time_ns()).__name__)
