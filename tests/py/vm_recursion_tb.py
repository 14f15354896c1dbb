# An uncaught RecursionError prints a clean, collapsed traceback.
def f():
    f()

print("start")
f()
