# logging: hierarchy, levels, handlers, formatters, lastResort, basicConfig
import io
import logging
import os
import sys

# no configuration: lastResort prints the bare message for WARNING and up
log = logging.getLogger("app")
log.info("not shown")
log.warning("lastResort %s", "message")
log.error("an error")
print(logging.getLevelName(logging.WARNING), logging.getLevelName(15), logging.getLevelName("ERROR"))
print(log, logging.getLogger(), logging.root.level, log.getEffectiveLevel())
print(logging.getLogger("app") is log, logging.getLogger("app.sub").parent is log)
child = logging.getLogger("a.b.c")
print(child.parent.name)
mid = logging.getLogger("a.b")
print(child.parent.name, mid.parent.name, log.getChild("x").name)

stream = io.StringIO()
h = logging.StreamHandler(stream)
h.setFormatter(logging.Formatter("%(levelname)s|%(name)s|%(message)s|%(funcName)s|%(module)s|%(filename)s|%(lineno)d"))
log.addHandler(h)
log.setLevel(logging.DEBUG)

def work():
    log.debug("debug %d", 1)
    log.info("info %(x)s", {"x": "mapping"})

work()
log.log(25, "custom level")
logging.addLevelName(25, "NOTICE")
log.log(25, "named now")
print(stream.getvalue(), end="")

# propagation to the root's handlers and propagate=False
rootbuf = io.StringIO()
logging.basicConfig(stream=rootbuf, level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
logging.info("root info")
log.warning("goes to both")
log.propagate = False
log.warning("only app")
print("root got:", rootbuf.getvalue().splitlines())
log.propagate = True
log.removeHandler(h)

# basicConfig does nothing once configured, unless force=True
logging.basicConfig(stream=sys.stdout, format="ignored %(message)s")
logging.warning("still to rootbuf")
logging.basicConfig(stream=sys.stdout, format="{levelname} - {name} - {message}", style="{", force=True)
logging.warning("brace style")
logging.getLogger("x.y").error("child %s", "error")
logging.basicConfig(stream=sys.stdout, format="$levelname ~ ${message}", style="$", force=True)
logging.warning("dollar style")
logging.basicConfig(stream=sys.stdout, force=True)
logging.warning("default format")
logging.debug("hidden: root is WARNING after force without level")

# exceptions
try:
    1 / 0
except ZeroDivisionError:
    logging.exception("caught")
try:
    raise KeyError("k")
except KeyError as e:
    logging.getLogger("exc").error("with exc_info", exc_info=e)

# filters
class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 1

f = OnlyOdd()
logging.getLogger("filt").addFilter(f)
for i in range(4):
    logging.getLogger("filt").warning("n=%d", i)
logging.getLogger("filt").removeFilter(f)
h2 = logging.StreamHandler(sys.stdout)
h2.addFilter(logging.Filter("keep"))
h2.setFormatter(logging.Formatter("H2 %(name)s %(message)s"))
logging.root.addHandler(h2)
logging.getLogger("keep.me").warning("kept")
logging.getLogger("keeper").warning("not kept by h2")
logging.root.removeHandler(h2)

# disable, levels
logging.disable(logging.WARNING)
logging.warning("disabled")
logging.error("error passes")
logging.disable(logging.NOTSET)
print(logging.getLogger("lvl").isEnabledFor(logging.INFO), logging.getLogger("lvl").isEnabledFor(logging.ERROR))

# LoggerAdapter
class Adapter(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return "[%s] %s" % (self.extra["conn"], msg), kwargs

ad = Adapter(logging.getLogger("net"), {"conn": 42})
ad.warning("adapted")
print(ad)
logging.basicConfig(stream=sys.stdout, format="%(user)s %(message)s", force=True)
logging.LoggerAdapter(logging.getLogger("u"), {"user": "bob"}).error("extra field")
logging.getLogger("u").error("extra kw", extra={"user": "ann"})

# FileHandler
fname = "mod_logging.tmp.log"
fh = logging.FileHandler(fname, mode="w")
fh.setFormatter(logging.Formatter("%(name)s:%(levelname)s:%(message)s"))
fl = logging.getLogger("file")
fl.addHandler(fh)
fl.propagate = False
fl.warning("to file 1")
fl.error("to file 2")
fh.close()
fl.removeHandler(fh)
with open(fname) as fp:
    print(fp.read(), end="")
os.remove(fname)
print(repr(fh).endswith("mod_logging.tmp.log (NOTSET)>"))

# NullHandler, asctime formatting
nl = logging.getLogger("null")
nl.addHandler(logging.NullHandler())
nl.propagate = False
nl.error("nothing")
fmt = logging.Formatter("%(asctime)s %(message)s", datefmt="%Y")
rec = logging.makeLogRecord({"msg": "hello %s", "args": ("w",), "created": 0.0, "msecs": 0})
print(len(fmt.format(rec)), logging.Formatter("%(message)s").format(rec))
print(rec.getMessage(), repr(logging.LogRecord("n", 10, "/p/f.py", 3, "m", (), None))[:40])
try:
    logging.getLogger().setLevel("BOGUS")
except ValueError as e:
    print(e)
try:
    logging.Formatter("no fields")
except ValueError as e:
    print(e)
print(sorted(logging.getLevelNamesMapping().items())[:3])
