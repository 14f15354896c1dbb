# shlex, getopt, fnmatch, glob.escape, html, string.Template
import fnmatch
import getopt
import glob
import html
import shlex
import string

for s in ['a b c', 'echo "hello world" \'single q\'', 'a\\ b "c\\"d" e#notcomment',
          "x='y z'w", '  lead and trail  ', 'cmd # a comment', '"a"b\'c\'']:
    print(repr(s), shlex.split(s))
print(shlex.split("cmd # a comment", comments=True))
print(shlex.split("a 'b c'", posix=False))
for s in ["", "safe", "has space", "it's", "$HOME", "a;b"]:
    print(repr(shlex.quote(s)))
print(shlex.join(["ls", "-l", "my file", "it's"]))
lex = shlex.shlex("a && b || (c; d)", punctuation_chars=True)
print(list(lex))
lex = shlex.shlex("foo = bar, baz")
print(list(lex))
for bad in ['"unterminated', "esc\\"]:
    try:
        shlex.split(bad)
    except ValueError as e:
        print("ValueError:", e)

print(getopt.getopt(["-a", "-b", "val", "--long", "--opt=x", "rest", "-c"], "ab:c", ["long", "opt="]))
print(getopt.getopt(["-bval", "--", "-a"], "ab:"))
print(getopt.gnu_getopt(["file", "-a", "--lo", "x", "more"], "a", ["long="]))
for args in (["-z"], ["--nope"], ["-b"], ["--long=1"], ["--l"]):
    try:
        getopt.getopt(args, "ab:", ["long", "lost"])
    except getopt.GetoptError as e:
        print("GetoptError:", e, "|", e.opt)

print(fnmatch.fnmatch("foo.py", "*.py"), fnmatch.fnmatch("foo.PY", "*.py"),
      fnmatch.fnmatchcase("a1", "a[0-9]"), fnmatch.fnmatchcase("ab", "a[!b]"))
print(fnmatch.filter(["a.c", "b.py", "c.c", ".h.c"], "*.c"))
for pat in ["*.py", "a*b*c?[!x-z]", "[abc]", "[!]]", "x[", "**", "[a-c-e]", "?*?"]:
    print(pat, fnmatch.translate(pat))
print(glob.escape("a*b?[c]"), glob.has_magic("a*"), glob.has_magic("plain"))

print(html.escape('<a href="x">Tom & Jerry\'s</a>'), html.escape("<&>", quote=False))
for s in ["&lt;b&gt; &amp;amp; &quot;q&quot; &#39; &#x41; &#65;", "&copy 2024 &eacute;t&eacute;",
          "&unknown; &#0; &#x110000; &#128; &nbsp;!", "no entities", "&amp"]:
    print(repr(html.unescape(s)))

t = string.Template("$who likes ${what}; $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
try:
    t.substitute(who="y")
except KeyError as e:
    print("KeyError", e)
