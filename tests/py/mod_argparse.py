# argparse: parsing, help/usage layout and error messages as CPython prints them
import argparse
import sys

sys.stderr = sys.stdout  # keep the order of usage/error text deterministic


def attempt(parser, args):
    try:
        ns = parser.parse_args(args)
        print("ok:", ns)
    except SystemExit as e:
        print("exit:", e.code)


p = argparse.ArgumentParser(prog="prog", description="A test program that does several things with files and numbers.",
                            epilog="See the manual for more.")
p.add_argument("src", help="source file")
p.add_argument("dst", nargs="?", default="out.txt", help="destination (default: %(default)s)")
p.add_argument("-n", "--count", type=int, default=1, help="how many times")
p.add_argument("-v", "--verbose", action="count", default=0, help="more output")
p.add_argument("--mode", choices=["fast", "slow"], default="fast", help="the mode, one of %(choices)s")
p.add_argument("-q", action="store_true")
p.add_argument("--no-cache", dest="cache", action="store_false", help="disable the cache")
p.add_argument("--tag", action="append", help="tags (repeatable)")
p.add_argument("--pair", nargs=2, metavar=("KEY", "VALUE"))
p.add_argument("--items", nargs="+", type=float)
p.add_argument("--opt", nargs="*")
p.add_argument("--const", action="store_const", const=42)
p.add_argument("--version", action="version", version="%(prog)s 1.0")
p.print_help()
print(repr(p.format_usage()))
attempt(p, ["a"])
attempt(p, ["a", "b", "-n", "3", "-vv", "--mode=slow", "-q", "--no-cache", "--tag", "x", "--tag=y"])
attempt(p, ["--pair", "k", "v", "--items", "1", "2.5", "--opt", "--const", "s"])
attempt(p, ["-n3", "--count=4", "x", "--", "-notanoption"])
attempt(p, [])
attempt(p, ["a", "-n", "x"])
attempt(p, ["a", "--mode", "medium"])
attempt(p, ["a", "b", "c"])
attempt(p, ["a", "--pair", "k"])
attempt(p, ["a", "--bogus"])
attempt(p, ["a", "-n"])
attempt(p, ["--version"])
attempt(p, ["--cou", "5", "a"])
print(p.parse_known_args(["a", "--extra", "1"]))

# mutually exclusive groups, groups, subparsers
q = argparse.ArgumentParser(prog="tool")
g = q.add_mutually_exclusive_group()
g.add_argument("--json", action="store_true", help="JSON output")
g.add_argument("--xml", action="store_true", help="XML output")
grp = q.add_argument_group("network", "Options for the network.")
grp.add_argument("--host", default="localhost")
grp.add_argument("--port", type=int, default=80)
sub = q.add_subparsers(dest="command", help="sub-command help")
add = sub.add_parser("add", help="add things")
add.add_argument("x", type=int)
add.add_argument("y", type=int)
rm = sub.add_parser("rm", aliases=["remove"], help="remove things")
rm.add_argument("paths", nargs="*")
rm.add_argument("-f", "--force", action="store_true")
q.print_help()
add.print_help()
attempt(q, ["add", "1", "2"])
attempt(q, ["--json", "rm", "-f", "a", "b"])
attempt(q, ["remove"])
attempt(q, ["--json", "--xml"])
attempt(q, ["mul"])
attempt(q, ["add", "1"])
attempt(q, ["add", "1", "two"])

r = argparse.ArgumentParser(prog="req")
rg = r.add_mutually_exclusive_group(required=True)
rg.add_argument("-a", action="store_true")
rg.add_argument("-b", type=int)
r.add_argument("--need", required=True)
r.add_argument("files", nargs="+")
r.print_usage()
attempt(r, [])
attempt(r, ["--need", "x", "f"])
attempt(r, ["--need", "x", "-a", "f1", "f2"])

# long usage wraps
w = argparse.ArgumentParser(prog="a_rather_long_program_name")
for name in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]:
    w.add_argument("--" + name, metavar=name.upper() + "_VALUE")
w.add_argument("input_file")
w.add_argument("more", nargs="*")
w.print_usage()

# formatter classes, defaults, set_defaults, namespace
f = argparse.ArgumentParser(prog="fmt", formatter_class=argparse.ArgumentDefaultsHelpFormatter,
                            add_help=False)
f.add_argument("--size", type=int, default=10, help="the size")
f.add_argument("--name", default="n")
f.add_argument("--flag", action=argparse.BooleanOptionalAction, default=True, help="a flag")
f.set_defaults(extra="yes")
f.print_help()
print(f.parse_args([]), f.parse_args(["--no-flag"]).flag, f.get_default("size"))
raw = argparse.ArgumentParser(prog="raw", formatter_class=argparse.RawTextHelpFormatter,
                              description="line one\n  indented line two")
raw.add_argument("--x", help="first\nsecond")
raw.print_help()
ns = argparse.Namespace(a=1, b=2)
print(ns, "a" in ns, ns == argparse.Namespace(a=1, b=2), vars(ns))
print(argparse.ArgumentParser(prog="p").add_argument("--x"))
try:
    p.add_argument("--count")
except argparse.ArgumentError as e:
    print("ArgumentError:", e)

def positive(s):
    v = int(s)
    if v <= 0:
        raise argparse.ArgumentTypeError("%r is not positive" % s)
    return v

t = argparse.ArgumentParser(prog="t", exit_on_error=False)
t.add_argument("n", type=positive)
try:
    t.parse_args(["-3"])
except argparse.ArgumentError as e:
    print("caught:", e)
print(t.parse_args(["7"]).n)
m = argparse.ArgumentParser(prog="neg")
m.add_argument("x", type=int)
m.add_argument("-e", action="extend", nargs="+", type=str)
print(m.parse_args(["-5", "-e", "a", "b", "-e", "c"]))
