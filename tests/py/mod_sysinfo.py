# uuid, platform, locale, codecs (only run-independent facts are printed)
import codecs
import locale
import platform
import sys
import uuid

u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.int, u.version, u.variant, u.urn)
print(u.bytes, u.bytes_le, u.fields, u.time_low, u.node, u.clock_seq)
print(uuid.UUID("{12345678123456781234567812345678}") == u, uuid.UUID(int=u.int) == u,
      uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(fields=u.fields) == u)
r = uuid.uuid4()
print(len(str(r)), r.version, r.variant, str(r)[14], str(r)[19] in "89ab", uuid.UUID(str(r)) == r)
print(uuid.uuid4() != uuid.uuid4(), uuid.uuid1().version, uuid.NAMESPACE_DNS)
print(sorted([uuid.UUID(int=5), uuid.UUID(int=1)]), hash(u) == hash(uuid.UUID(str(u))))
for bad in ["nothex", "1234"]:
    try:
        uuid.UUID(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    u.int = 5
except TypeError as e:
    print("TypeError:", e)

print(platform.system(), platform.python_version() == "%d.%d.%d" % sys.version_info[:3],
      platform.python_version_tuple()[:2], platform.machine() != "", platform.architecture()[1])
un = platform.uname()
print(un.system == platform.system(), un.machine == platform.machine(), len(tuple(un)) >= 5,
      platform.release() != "", platform.platform().startswith("Linux-"))

print(locale.setlocale(locale.LC_ALL, "C"), locale.getlocale(), locale.localeconv()["decimal_point"],
      locale.atof("3.5"), locale.atoi("42"), locale.format_string("%d items", 5), locale.str(1.5))
try:
    locale.setlocale(locale.LC_ALL, "xx_NOPE")
except locale.Error as e:
    print("locale.Error:", e)

print(codecs.encode("héllo", "utf-8"), codecs.decode(b"h\xc3\xa9llo", "utf-8"),
      codecs.encode("abc", "rot13"), codecs.encode(b"\x01\xff", "hex"), codecs.decode(b"01ff", "hex"))
for name in ["UTF8", "utf_8", "Latin-1", "ascii", "utf-16", "U8"]:
    print(name, "->", codecs.lookup(name).name)
try:
    codecs.lookup("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
info = codecs.lookup("utf-8")
print(info.encode("é"), info.decode(b"\xc3\xa9"), codecs.BOM_UTF8, codecs.BOM_UTF16_LE)
dec = codecs.getincrementaldecoder("utf-8")()
print([dec.decode(b) for b in [b"\xe2", b"\x82", b"\xac!"]], repr(dec.decode(b"", final=True)))
enc = codecs.getincrementalencoder("utf-8")()
print(enc.encode("€"), b"".join(codecs.iterencode(["a", "é"], "utf-8")),
      "".join(codecs.iterdecode([b"\xc3", b"\xa9x"], "utf-8")))
print(codecs.encode("€", "utf-8", "strict"), codecs.decode(b"\xff", "utf-8", "replace"),
      codecs.decode(b"a\xffb", "utf-8", "ignore"))
