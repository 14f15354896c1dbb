# Helpers for the unicode_db_* tests: code point samples and a checksum that
# keeps the expected output small while every result still counts.
#
# The sample is every 5th code point of the BMP and plane 1 and every 7th of
# planes 2, 3 and 14, plus a few beyond (unassigned, private use); each test
# starts at its own offset so that together they see more code points.


def ranges(offset):
    return [
        ("bmp", range(offset, 0x10000, 5)),
        ("plane1", range(0x10000 + offset, 0x20000, 5)),
        ("plane2", range(0x20000 + offset, 0x30000, 7)),
        ("plane3", range(0x30000 + offset, 0x40000, 7)),
        ("plane14", range(0xE0000 + offset, 0xF0000, 7)),
        ("rest", range(0x40000 + offset, 0x110000, 4099)),
    ]


def checksum(values):
    """A position-dependent checksum of a sequence of ints and strs."""
    h = 0
    for v in values:
        if isinstance(v, str):
            for ch in v:
                h = (h * 1000003 + ord(ch)) % 2305843009213693951
            h = (h * 31 + 7) % 2305843009213693951
        else:
            h = (h * 1000003 + v + 1) % 2305843009213693951
    return h


def report(name, fn, offset=0):
    """Print one checksum per range of fn(char) over the sample."""
    parts = []
    for label, r in ranges(offset):
        parts.append("%s=%d" % (label, checksum([fn(chr(cp)) for cp in r])))
    print(name, " ".join(parts))
