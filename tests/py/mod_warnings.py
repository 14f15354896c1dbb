# warnings: filters, registry, catch_warnings(record=True), output format
import sys
import warnings

def f():
    warnings.warn("plain user warning")

f()
f()  # same location: shown once (default action)
warnings.warn("a deprecation in main", DeprecationWarning)
warnings.warn("pending", PendingDeprecationWarning)   # ignored by default
warnings.warn(RuntimeWarning("instance warning"))

def g():
    warnings.warn("from caller", UserWarning, stacklevel=2)
g()

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for i in range(3):
        warnings.warn("loop %d" % (i % 2))
    warnings.warn("dep", DeprecationWarning)
    print(len(w), [str(x.message) for x in w])
    print([x.category.__name__ for x in w], w[0].lineno > 0, w[0].filename.endswith("mod_warnings.py"))
    print(type(w[0]).__name__, str(w[0])[:30])

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom", UserWarning)
    except UserWarning as e:
        print("raised", repr(e))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("ignore")
    warnings.filterwarnings("always", message="keep")
    warnings.warn("keep me")
    warnings.warn("drop me")
    warnings.warn("KEEP upper")
    print([str(x.message) for x in w])

with warnings.catch_warnings(record=True) as w:
    warnings.resetwarnings()
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("once only")
    warnings.warn("once only", RuntimeWarning)
    print(len(w))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("module")
    def h():
        warnings.warn("per module")
    h(); h()
    warnings.warn("per module")
    print(len(w))

print(warnings.formatwarning("msg", UserWarning, "file.py", 12, "  line text  "), end="")
print(repr(warnings.formatwarning("msg", UserWarning, "nofile.py", 3)))

old = warnings.showwarning
def myshow(message, category, filename, lineno, file=None, line=None):
    print("SHOW:", message, category.__name__, lineno > 0)
warnings.showwarning = myshow
warnings.warn("custom shown")
warnings.showwarning = old

try:
    warnings.warn("x", category=str)
except TypeError as e:
    print(e)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print(e)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn_explicit("explicit", UserWarning, "somefile.py", 42)
    print(w[0].filename, w[0].lineno, w[0].message)
    warnings.warn("deep", stacklevel=50)
    print(w[1].filename, w[1].lineno)

print(warnings.filters[:1] if False else len(warnings.filters) >= 5)
print(repr(warnings.catch_warnings(record=True)))
warnings.filterwarnings("ignore", category=UserWarning)
warnings.warn("now ignored")
warnings.warn("runtime still shown", RuntimeWarning)
sys.stderr.flush()
print("done")
