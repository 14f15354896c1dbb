# warnings raised by the interpreter itself go through the warnings module's filters
import warnings


def check():
    return bool(NotImplemented)


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    check()
    check()
    print(len(w), w[0].category.__name__, str(w[0].message), w[0].lineno)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        check()
    except DeprecationWarning as e:
        print("raised:", e)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    check()
check()  # default filters: DeprecationWarning shown for __main__, once per line
check()
print("done")
