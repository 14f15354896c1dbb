# str case mappings in context over a sample of all code points, against
# CPython's Unicode 14.0 database: capitalize, Final_Sigma, title words.
from _unicode_ck import report

report("capitalize", lambda c: ("x" + c + c).capitalize(), 1)
report("sigma", lambda c: ("A" + c + "\u03a3").lower() + (" " + c + "\u03a3").lower()
       + ("A\u03a3" + c).lower(), 4)
report("cased_words", lambda c: (c + "a" + c + "B").title() + str((c + "ab").istitle())
       + str(("A" + c).isupper()) + str(("a" + c).islower()), 1)
