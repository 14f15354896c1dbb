# str case mappings (full, SpecialCasing) over a sample of all code points,
# against CPython's Unicode 14.0 database; unicode_db_case2 has context.
from _unicode_ck import report

report("lower", str.lower, 2)
report("upper", str.upper, 2)
report("title", str.title, 2)
report("casefold", str.casefold, 2)
report("swapcase", str.swapcase, 2)
