import sys
print("a", "b", 3, sep="-", end="|\n")
print()
print("to stderr", file=sys.stderr)
print("x", end="")
print("y")
sys.stdout.write("written\n")
print(*[1, 2, 3], sep=", ")
print(None, True, 1.5, [1, "a"], {"k": (1,)}, sep=" ; ")
print("flush", flush=True)
sys.stderr.write("err line\n")
print("back to stdout")
try:
    print("x", sep=5)
except TypeError as e:
    print(e)
print(sys.stdout.write("12345\n"))
