# unicodedata.normalize / is_normalized in NFKC and NFKD: every sampled code
# point alone and in small sequences with combining marks.
import unicodedata as ud
from _unicode_ck import report

for form in ("NFKC", "NFKD"):
    report(form, lambda c: ud.normalize(form, c))
    report(form + "+marks", lambda c: ud.normalize(form, "a" + c + "\u0323\u0301" + c + "\u0307"))
    report(form + "?", lambda c: ud.is_normalized(form, c + "\u0301"))
