# "Did you mean" hints after AttributeError and NameError, as CPython 3.11
# prints them (the printed exception line; the traceback module has none).
import os, sys
class Foo:
    def __init__(self): self.value = 1; self.Values = 2
    def method(self): pass
def run(src):
    try:
        exec(src, {'Foo': Foo, 'os': os, 'counter': 0})
    except (AttributeError, NameError) as e:
        import traceback
        print(traceback.format_exception_only(type(e), e)[-1].rstrip())
        sys.excepthook(type(e), e, None)
for src in ["Foo().valeu", "Foo().methd()", "Foo().value2", "os.path.joinx", "countr", "prnt('x')", "Foo().VALUE", "[].apend", "'abc'.uper()", "def f():\n    number = 1\n    return numbr\nf()", "xyzzy", "Foo().v", "len2", "import math; math.sqr", "Foo().__init"]:
    run(src)
