import os
import os.path
print(os.name, os.sep, os.linesep == "\n", os.curdir, os.pardir)
print(os.path.join("a", "b", "c.txt"), os.path.join("/x", "/abs"), os.path.join("a/", "b"))
print(os.path.split("/usr/lib/x.py"), os.path.split("x.py"), os.path.split("/"))
print(os.path.splitext("a/b.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("noext"))
print(os.path.basename("/a/b/c"), os.path.dirname("/a/b/c"), os.path.dirname("c"))
print(os.path.normpath("/a/./b/../c//d/"), os.path.normpath("../x/../../y"), os.path.normpath(""))
print(os.path.isabs("/x"), os.path.isabs("x"))
print(os.path.exists("os_basic.py"), os.path.isfile("os_basic.py"), os.path.isdir("."))
print(os.path.exists("no/such/file"), os.path.isdir("os_basic.py"))
print(os.getcwd() == os.path.abspath("."), os.path.abspath("x").endswith("/x"))
print(isinstance(os.getpid(), int), os.getpid() > 0)
print(isinstance(os.environ, dict), "PATH" in os.environ, os.getenv("NO_SUCH_VAR_XYZ", "dflt"))
d = "_tmp_os_dir"
os.mkdir(d)
for n in ["b.txt", "a.txt"]:
    with open(os.path.join(d, n), "w") as f:
        f.write(n)
print(sorted(os.listdir(d)), os.stat(os.path.join(d, "a.txt")).st_size)
os.rename(os.path.join(d, "a.txt"), os.path.join(d, "c.txt"))
print(sorted(os.listdir(d)))
for n in os.listdir(d):
    os.remove(os.path.join(d, n))
os.rmdir(d)
print(os.path.exists(d))
try:
    os.remove("no_such_file_here")
except FileNotFoundError as e:
    print(e)
os.makedirs("_tmp_a/b/c", exist_ok=True)
print(os.path.isdir("_tmp_a/b/c"))
os.removedirs("_tmp_a/b/c")
print(os.path.exists("_tmp_a"))
print(os.path.relpath("/a/b/c", "/a"), os.path.commonprefix(["/usr/lib", "/usr/local"]))
