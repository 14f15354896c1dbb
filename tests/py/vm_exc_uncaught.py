# An uncaught exception: chained traceback on stderr, exit status 1.
def a():
    b()

def b():
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("bad value") from e

print("before")
a()
print("not reached")
