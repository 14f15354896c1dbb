import os
path = "_tmp_file_io.txt"
with open(path, "w") as f:
    print(f.write("line one\n"), f.writable(), f.readable())
    f.write("line two\nline three")
    print(f.closed, f.name, f.mode)
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(path) as f:
    for i, line in enumerate(f):
        print(i, line.rstrip("\n"))
with open(path) as f:
    print(f.readlines())
with open(path, "a") as f:
    f.write("\nappended")
with open(path) as f:
    print(f.read().splitlines())
with open(path, "rb") as f:
    data = f.read()
    print(type(data).__name__, len(data), data[:8])
with open(path, "wb") as f:
    f.write(b"\x00\x01binary\xff")
with open(path, "rb") as f:
    print(f.read(3), f.read())
with open(path, "w") as f:
    f.write("héllo wörld\r\nsecond\r\n")
with open(path) as f:
    print(repr(f.read(5)), repr(f.read()))
with open(path, "r+") as f:
    f.seek(0)
    print(f.tell(), repr(f.read(1)))
try:
    open("/nonexistent/dir/file")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e)
try:
    f = open(path)
    f.close()
    f.read()
except ValueError as e:
    print(e)
try:
    open(path, "rw")
except ValueError as e:
    print(e)

os.remove(path)
print(os.path.exists(path))
