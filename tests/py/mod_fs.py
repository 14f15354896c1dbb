# pathlib, tempfile, shutil, glob on a scratch directory (all names relative to it)
import glob
import os
import pathlib
import shutil
import tempfile
from pathlib import Path, PurePosixPath

p = PurePosixPath("/usr/local/lib/python3.11/site.tar.gz")
print(p, repr(p), p.name, p.stem, p.suffix, p.suffixes, p.parent, p.parts, p.anchor, p.root)
print(list(p.parents)[:3], p.parents[0], p.parents[-1], len(p.parents))
print(p.with_name("x.py"), p.with_suffix(".bz2"), p.with_suffix(""), p.with_stem("other"))
print(PurePosixPath("a//b/./c/"), PurePosixPath("//net/share"), PurePosixPath("///x"), PurePosixPath(""),
      PurePosixPath("a", "/abs", "b"), PurePosixPath("a") / "b" / PurePosixPath("c"), "pre" / PurePosixPath("x"))
print(PurePosixPath("/a/b/c").relative_to("/a"), PurePosixPath("a/b").is_relative_to("a"),
      PurePosixPath("/a").is_absolute(), PurePosixPath("a").is_absolute())
try:
    PurePosixPath("/a/b").relative_to("/c")
except ValueError as e:
    print("ValueError:", e)
try:
    PurePosixPath("/").with_name("x")
except ValueError as e:
    print("ValueError:", e)
try:
    PurePosixPath("a.txt").with_suffix("txt")
except ValueError as e:
    print("ValueError:", e)
print(PurePosixPath("a/b.py").match("*.py"), PurePosixPath("/a/b/c.py").match("b/*.py"),
      PurePosixPath("/a/b/c.py").match("/*.py"), PurePosixPath(".bashrc").suffix,
      PurePosixPath("x.").suffix, PurePosixPath("a/b").as_posix())
print(PurePosixPath("a") == PurePosixPath("a/"), PurePosixPath("a") < PurePosixPath("b"),
      sorted([PurePosixPath("b"), PurePosixPath("a/c"), PurePosixPath("a")]),
      hash(PurePosixPath("x/y")) == hash(PurePosixPath("x//y")), os.fspath(PurePosixPath("q")))
print(pathlib.PurePath("x"), type(Path("x")).__name__, Path("a", "b"))

base = tempfile.mkdtemp(prefix="refpy_fs_")
print(os.path.isdir(base), os.path.basename(base).startswith("refpy_fs_"),
      tempfile.gettempdir() == os.path.dirname(base))
root = Path(base)
(root / "sub" / "deep").mkdir(parents=True)
(root / "sub").mkdir(exist_ok=True)
try:
    (root / "sub").mkdir()
except FileExistsError:
    print("FileExistsError")
f = root / "sub" / "hello.txt"
print(f.write_text("hello\nworld\n"), f.read_text(), f.read_bytes(), f.exists(), f.is_file(), f.is_dir())
(root / "a.py").write_text("print(1)\n")
with open(root / "a.py") as fp:  # open() accepts os.PathLike objects
    print(repr(fp.read()))
(root / "b.py").write_bytes(b"x = 2\n")
(root / ".hidden.py").write_text("")
(root / "sub" / "deep" / "c.py").write_text("")
print(sorted(x.name for x in root.iterdir()))
print(sorted(str(x.relative_to(root)) for x in root.glob("*.py")))
print(sorted(str(x.relative_to(root)) for x in root.rglob("*.py")))
print(sorted(str(x.relative_to(root)) for x in root.glob("**/*.txt")))
print(sorted(str(x.relative_to(root)) for x in root.glob("sub/*")))
old = os.getcwd()
os.chdir(base)
print(sorted(glob.glob("*.py")), sorted(glob.glob("**/*.py", recursive=True)), sorted(glob.glob("sub/*/")))
print(sorted(glob.glob("*")), sorted(glob.glob(".*")), sorted(glob.glob("*.py", include_hidden=True)))
print(glob.glob("nothing*"), glob.glob("a.py"), sorted(glob.glob(os.path.join(base, "s*", "h*"))) == [str(f)])
print(Path("sub/hello.txt").resolve() == f, Path("sub/../a.py").resolve().name, Path.cwd() == root.resolve())
os.chdir(old)

# shutil
shutil.copyfile(str(f), str(root / "copy.txt"))
print((root / "copy.txt").read_text() == f.read_text())
dst = shutil.copy(str(f), str(root / "sub" / "deep"))
print(os.path.relpath(dst, base))
shutil.copytree(str(root / "sub"), str(root / "sub2"))
print(sorted(os.path.relpath(os.path.join(d, n), base) for d, _, ns in os.walk(str(root / "sub2")) for n in ns))
moved = shutil.move(str(root / "copy.txt"), str(root / "moved.txt"))
print(os.path.basename(moved), (root / "copy.txt").exists(), (root / "moved.txt").exists())
try:
    shutil.copyfile(str(f), str(f))
except shutil.SameFileError as e:
    print("SameFileError", os.path.basename(str(e).split("'")[1]))
shutil.rmtree(str(root / "sub2"))
print((root / "sub2").exists())
print(shutil.which("sh") is not None, shutil.which("no-such-command-xyz"))
print(tuple(shutil.get_terminal_size((123, 45))) in ((123, 45),) or "COLUMNS" in os.environ or True)

# tempfile
fd, name = tempfile.mkstemp(suffix=".dat", dir=base)
os.write(fd, b"data")
os.close(fd)
print(os.path.basename(name).endswith(".dat"), os.path.getsize(name))
with tempfile.NamedTemporaryFile("w+", dir=base, suffix=".txt", delete=True) as tf:
    tf.write("temp text")
    tf.seek(0)
    print(tf.read(), os.path.exists(tf.name), tf.name.endswith(".txt"))
print(os.path.exists(tf.name))
with tempfile.TemporaryDirectory(dir=base) as td:
    Path(td, "inner.txt").write_text("x")
    print(os.path.isdir(td), os.listdir(td))
print(os.path.exists(td))
t = tempfile.TemporaryDirectory(dir=base)
print(repr(t).startswith("<TemporaryDirectory '"), os.path.isdir(t.name))
t.cleanup()
print(os.path.exists(t.name))
with tempfile.TemporaryFile() as tfile:
    tfile.write(b"anon")
    tfile.seek(0)
    print(tfile.read())
sp = tempfile.SpooledTemporaryFile(max_size=10, mode="w+")
sp.write("small")
print(sp._rolled)
sp.write("x" * 20)
print(sp._rolled)
sp.close()

(root / "moved.txt").unlink()
(root / "moved.txt").unlink(missing_ok=True)
try:
    (root / "moved.txt").unlink()
except FileNotFoundError:
    print("FileNotFoundError")
shutil.rmtree(base)
print(os.path.exists(base))
