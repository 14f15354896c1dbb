# An uncaught exception prints a traceback through every frame, exit 1.
def level3(x):
    return x["key"]

def level2(x):
    return level3(x) + 1

def level1():
    print("calling")
    return level2({})

level1()
