#!/usr/bin/python3
"""gen_unicodedb.py -- write src/objects/unicodedb_data.h, refpy's Unicode
database, from the Unicode Character Database as CPython 3.11 exposes it.

Run by hand with CPython 3.11 (Unicode 14.0.0):

    /usr/bin/python3 tools/gen_unicodedb.py > src/objects/unicodedb_data.h

The build never runs this script: the generated header is checked in.  The
data is read back from CPython's `unicodedata` module and str methods, so
that refpy's str behaves exactly like the oracle the tests compare against
(e.g. str.isprintable() is CPython's notion of printable, not a guess).

Layout of the output (per code point tables are three-level -- blocks of
blocks of values, equal blocks shared -- with the two shifts chosen to
minimise each table's size):

  ctype records   flags + case mappings + digit values, used by str methods
  db records      category, bidi class, combining class, east asian width,
                  mirrored: used by the unicodedata module
  decompositions  (tag, code points) for unicodedata.decomposition/normalize
  compositions    sorted (first, second, composite) triples for NFC
  names           word lexicon + front-coded phrasebook; algorithmic ranges
                  (CJK, Tangut, ...) and Hangul syllables are computed
"""
import re
import sys
import unicodedata as ud
import _sre

assert ud.unidata_version == "14.0.0", ud.unidata_version
NCP = 0x110000
out = sys.stdout

# ---- per code point properties ---------------------------------------------

FLAGS = ["ALPHA", "DECIMAL", "DIGIT", "NUMERIC", "LOWER", "UPPER", "TITLE",
         "PRINTABLE", "SPACE", "LINEBREAK", "CASED", "CASE_IGNORABLE",
         "XID_START", "XID_CONTINUE", "EXT_LOWER", "EXT_UPPER", "EXT_TITLE",
         "EXT_FOLD"]
FLAG = {name: 1 << i for i, name in enumerate(FLAGS)}

CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd",
              "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm",
              "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co"]
BIDI = ["", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES",
        "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON", "LRI", "RLI",
        "FSI", "PDI"]
EAW = ["F", "H", "W", "Na", "A", "N"]
DECOMP_TAGS = ["", "<font>", "<noBreak>", "<initial>", "<medial>", "<final>",
               "<isolated>", "<circle>", "<super>", "<sub>", "<vertical>",
               "<wide>", "<narrow>", "<small>", "<square>", "<fraction>",
               "<compat>"]

ext_case = [0]          # expansions: [simple, full...]; index 0 unused
ext_index = {}


def ext_entry(simple, full):
    """Encoding of a case mapping that needs the expansion table."""
    key = (simple,) + tuple(full)
    if key not in ext_index:
        ext_index[key] = len(ext_case)
        ext_case.extend(key)
    assert len(full) <= 3 and ext_index[key] < 0x10000
    return ext_index[key] | (len(full) << 16)


def simple_upper(ch, full_upper, full_title):
    # UnicodeData's simple uppercase is not exposed by CPython; when the full
    # mapping expands, the simple one is the single-character titlecase
    # (U+1F80 -> U+1F88) or nothing at all (U+00DF).
    if len(full_upper) == 1:
        return ord(full_upper)
    if len(full_title) == 1:
        return ord(full_title)
    return ord(ch)


def case_ignorable(ch):
    # Observed through the Final_Sigma rule of str.lower(): a case-ignorable
    # character is skipped when looking for the cased letter before a sigma.
    if ("A" + ch + "\u03a3").lower()[-1] != "\u03c2":
        return False
    return (" " + ch + "\u03a3").lower()[-1] != "\u03c2"


def ctype_of(cp):
    ch = chr(cp)
    f = 0
    tests = [("ALPHA", ch.isalpha()), ("DECIMAL", ch.isdecimal()),
             ("DIGIT", ch.isdigit()), ("NUMERIC", ch.isnumeric()),
             ("LOWER", ch.islower()), ("UPPER", ch.isupper()),
             ("TITLE", ud.category(ch) == "Lt"),
             ("PRINTABLE", ch.isprintable()), ("SPACE", ch.isspace()),
             ("LINEBREAK", len(("a" + ch + "b").splitlines()) == 2),
             ("XID_START", ch.isidentifier() and ch != "_"),
             ("XID_CONTINUE", ("a" + ch).isidentifier())]
    for name, ok in tests:
        if ok:
            f |= FLAG[name]
    if ch.islower() or ch.isupper() or ud.category(ch) == "Lt":
        f |= FLAG["CASED"]
    if case_ignorable(ch):
        f |= FLAG["CASE_IGNORABLE"]
    lo, up, ti, fo = ch.lower(), ch.upper(), ch.title(), ch.casefold()
    if cp == 0x3A3:
        lo = "\u03c3"   # the Final_Sigma context is applied at run time
    slo = _sre.unicode_tolower(cp)
    sup = simple_upper(ch, up, ti)
    sti = ord(ti) if len(ti) == 1 else ord(ch)

    def mapping(flag, simple, full):
        nonlocal f
        if len(full) == 1 and ord(full) == simple:
            return simple - cp
        f |= FLAG[flag]
        return ext_entry(simple, [ord(x) for x in full])

    lower = mapping("EXT_LOWER", slo, lo)
    upper = mapping("EXT_UPPER", sup, up)
    title = mapping("EXT_TITLE", sti, ti)
    fold = 0
    if fo != lo:
        f |= FLAG["EXT_FOLD"]
        fold = ext_entry(ord(fo[0]), [ord(x) for x in fo])
    dec = ud.decimal(ch, -1)
    dig = ud.digit(ch, -1)
    num = ud.numeric(ch, None)
    return (f, lower, upper, title, fold, dec & 0xFF, dig & 0xFF,
            numeric_index(num))


numeric_values = [0.0]
numeric_ids = {}


def numeric_index(v):
    if v is None:
        return 0
    if v not in numeric_ids:
        numeric_ids[v] = len(numeric_values)
        numeric_values.append(v)
    return numeric_ids[v]


def db_of(cp):
    ch = chr(cp)
    return (CATEGORIES.index(ud.category(ch)), BIDI.index(ud.bidirectional(ch)),
            ud.combining(ch), EAW.index(ud.east_asian_width(ch)),
            ud.mirrored(ch))


decomp_data = [0]       # [tag << 8 | count, cps...]; offset 0 = none
decomp_ids = {}


def decomp_of(cp):
    text = ud.decomposition(chr(cp))
    if not text:
        return 0
    parts = text.split()
    tag = 0
    if parts[0].startswith("<"):
        tag = DECOMP_TAGS.index(parts.pop(0))
    cps = tuple(int(x, 16) for x in parts)
    key = (tag,) + cps
    if key not in decomp_ids:
        decomp_ids[key] = len(decomp_data)
        decomp_data.append(tag << 8 | len(cps))
        decomp_data.extend(cps)
    return decomp_ids[key]


def compositions():
    # A canonical pair composes unless the composite is excluded, which NFC
    # itself tells us: an excluded character does not survive NFC.
    pairs = []
    for cp in range(NCP):
        text = ud.decomposition(chr(cp))
        if not text or text.startswith("<"):
            continue
        parts = [int(x, 16) for x in text.split()]
        if len(parts) == 2 and ud.normalize("NFC", chr(cp)) == chr(cp):
            pairs.append((parts[0], parts[1], cp))
    pairs.sort()
    return pairs

# ---- tables ------------------------------------------------------------------


def ctype_name(n):
    return "uint8_t" if n < 256 else "uint16_t" if n < 65536 else "uint32_t"


def split_once(values, shift):
    """Cut values into blocks of 1 << shift, sharing equal blocks."""
    size, blocks, index1, index2 = 1 << shift, {}, [], []
    for start in range(0, len(values), size):
        block = tuple(values[start:start + size])
        if block not in blocks:
            blocks[block] = len(blocks)
            index2.extend(block)
        index1.append(blocks[block])
    return index1, index2


def table_bytes(*arrays):
    return sum(len(a) * elem_size(max(a)) for a in arrays)


def split_table(values):
    """Smallest three-level split: (size, shift1, shift2, index1, index2, index3)."""
    best = None
    for shift1 in range(2, 9):
        mid, index3 = split_once(values, shift1)
        for shift2 in range(2, 9):
            index1, index2 = split_once(mid, shift2)
            size = table_bytes(index1, index2, index3)
            if best is None or size < best[0]:
                best = (size, shift1, shift2, index1, index2, index3)
    return best


def elem_size(n):
    return 1 if n < 256 else 2 if n < 65536 else 4


def emit_array(ctype, name, values, per_line=16):
    out.write("static const %s %s[%d] = {\n" % (ctype, name, len(values)))
    for i in range(0, len(values), per_line):
        out.write("    " + ",".join(str(v) for v in values[i:i + per_line]) + ",\n")
    out.write("};\n\n")


def emit_three_level(prefix, values):
    size, shift1, shift2, index1, index2, index3 = split_table(values)
    out.write("#define %s_SHIFT1 %d\n" % (prefix.upper(), shift1))
    out.write("#define %s_SHIFT2 %d\n" % (prefix.upper(), shift2))
    for i, arr in enumerate((index1, index2, index3)):
        emit_array(ctype_name(max(arr)), "%s_index%d" % (prefix, i + 1), arr)
    sys.stderr.write("%s: shifts %d %d, %d bytes\n" % (prefix, shift1, shift2, size))


# ---- names -------------------------------------------------------------------


RANGE_NAME = re.compile(r"^(.*)-([0-9A-F]{4,6})$")


def name_tables():
    """(ranges, named): algorithmic PREFIX-HEX ranges and the other names."""
    ranges, named = [], []
    for cp in range(NCP):
        nm = ud.name(chr(cp), None)
        if nm is None or nm.startswith("HANGUL SYLLABLE "):
            continue
        m = RANGE_NAME.match(nm)
        if m and int(m.group(2), 16) == cp:
            if ranges and ranges[-1][2] == m.group(1) and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp, m.group(1)])
            continue
        named.append((cp, nm))
    keep = [r for r in ranges if r[1] - r[0] >= 15]
    for r in ranges:
        if r[1] - r[0] < 15:
            named.extend((cp, "%s-%04X" % (r[2], cp)) for cp in range(r[0], r[1] + 1))
    named.sort()
    return keep, named


NAME_RESTART = 32
NAME_WORD_STEP = 16
NAME_BUCKETS = 4096


def fnv1a(text):
    h = 0x811C9DC5
    for b in text.encode("ascii"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def emit_names():
    ranges, named = name_tables()
    from collections import Counter
    freq = Counter(w for _, nm in named for w in nm.split(" "))
    words = sorted(freq, key=lambda w: (-freq[w], w))
    one_byte = 192      # codes 0..191 take one byte, the rest two
    assert len(words) <= one_byte + (256 - one_byte) * 256
    code = {w: i for i, w in enumerate(words)}
    # Only every NAME_WORD_STEP-th word's offset is stored: the others are
    # found by skipping words (each ends with its high bit set).
    lexicon, offsets = bytearray(), []
    for i, w in enumerate(words):
        if i % NAME_WORD_STEP == 0:
            offsets.append(len(lexicon))
        data = w.encode("ascii")
        lexicon += data[:-1] + bytes([data[-1] | 0x80])
    book, restarts, prev_cp, prev_words = bytearray(), [], -1, []
    for i, (cp, nm) in enumerate(named):
        ws = nm.split(" ")
        if i % NAME_RESTART == 0:
            restarts.append((cp, len(book)))
            prev_words = []
        gap = cp - prev_cp if prev_cp >= 0 else 0
        shared = 0
        while shared < min(len(ws), len(prev_words), 15) and ws[shared] == prev_words[shared]:
            shared += 1
        rest = ws[shared:]
        assert len(rest) < 16
        if i % NAME_RESTART == 0:
            gap = 0
        if gap < 255:
            book.append(gap)
        else:
            book += bytes([255, gap >> 16, (gap >> 8) & 255, gap & 255])
        book.append(shared << 4 | len(rest))
        for w in rest:
            c = code[w]
            if c < one_byte:
                book.append(c)
            else:
                c -= one_byte
                book += bytes([one_byte + (c >> 8), c & 255])
        prev_cp, prev_words = cp, ws
    out.write("#define NAME_ONE_BYTE %d\n#define NAME_RESTART %d\n" % (one_byte, NAME_RESTART))
    out.write("#define NAME_WORD_STEP %d\n" % NAME_WORD_STEP)
    out.write("#define NAME_COUNT %d\n\n" % len(named))
    emit_array("uint8_t", "name_lexicon", list(lexicon), 24)
    emit_array("uint32_t", "name_word_offset", offsets, 12)
    emit_array("uint8_t", "name_book", list(book), 24)
    emit_array("uint32_t", "name_restart_cp", [r[0] for r in restarts], 12)
    emit_array("uint32_t", "name_restart_offset", [r[1] for r in restarts], 12)
    # lookup() by name: names hash (FNV-1a) into buckets of ordinals
    buckets = [[] for _ in range(NAME_BUCKETS)]
    for i, (cp, nm) in enumerate(named):
        buckets[fnv1a(nm) % NAME_BUCKETS].append(i)
    starts, ords = [0], []
    for b in buckets:
        ords.extend(b)
        starts.append(len(ords))
    out.write("#define NAME_BUCKETS %d\n" % NAME_BUCKETS)
    emit_array("uint16_t", "name_bucket_start", starts, 16)
    emit_array("uint16_t", "name_bucket_ords", ords, 16)
    out.write("static const struct { uint32_t first, last; const char *prefix; } "
              "name_ranges[%d] = {\n" % len(ranges))
    for first, last, prefix in ranges:
        out.write('    {0x%X, 0x%X, "%s"},\n' % (first, last, prefix))
    out.write("};\n\n")
    sys.stderr.write("names: %d named, %d words, lexicon %d, book %d, ranges %d\n"
                     % (len(named), len(words), len(lexicon), len(book), len(ranges)))

# ---- main ----------------------------------------------------------------------


def emit_records(name, ctype_fields, records):
    out.write("static const %s %s[%d] = {\n" % (ctype_fields, name, len(records)))
    for r in records:
        out.write("    {" + ",".join(str(v) for v in r) + "},\n")
    out.write("};\n\n")


def main():
    ctype_recs, ctype_ids, ctype_idx = [], {}, []
    db_recs, db_ids, db_idx, decomp_idx = [], {}, [], []
    for cp in range(NCP):
        for rec, recs, ids, idx in ((ctype_of(cp), ctype_recs, ctype_ids, ctype_idx),
                                    (db_of(cp), db_recs, db_ids, db_idx)):
            if rec not in ids:
                ids[rec] = len(recs)
                recs.append(rec)
            idx.append(ids[rec])
        decomp_idx.append(decomp_of(cp))
    out.write("/* unicodedb_data.h -- generated by tools/gen_unicodedb.py from the\n"
              " * Unicode Character Database %s as CPython 3.11 exposes it.\n"
              " * Do not edit: rerun the generator. */\n\n" % ud.unidata_version)
    out.write('#define UNIDATA_VERSION "%s"\n\n' % ud.unidata_version)
    for i, name in enumerate(FLAGS):
        out.write("#define UDB_%s 0x%XU\n" % (name, 1 << i))
    out.write("\n")
    emit_records("ctype_records", "RpUnicodeDB_CType", ctype_recs)
    emit_three_level("ctype", ctype_idx)
    emit_array("uint32_t", "ext_case", ext_case, 12)
    out.write("static const double numeric_values[%d] = {\n" % len(numeric_values))
    for v in numeric_values:
        out.write("    %r,\n" % v)
    out.write("};\n\n")
    emit_records("db_records", "RpUnicodeDB_Record", db_recs)
    emit_three_level("db", db_idx)
    emit_three_level("decomp", decomp_idx)
    emit_array("uint32_t", "decomp_data", decomp_data, 12)
    out.write("static const char *const decomp_tags[%d] = {\n" % len(DECOMP_TAGS))
    out.write("    " + ", ".join('"%s"' % t for t in DECOMP_TAGS) + "\n};\n\n")
    pairs = compositions()
    out.write("static const uint32_t comp_pairs[%d][3] = {\n" % len(pairs))
    for p in pairs:
        out.write("    {0x%X,0x%X,0x%X},\n" % p)
    out.write("};\n\n")
    emit_names()
    for lst, name in ((CATEGORIES, "category_names"), (BIDI, "bidi_names"),
                      (EAW, "eaw_names")):
        out.write("static const char *const %s[%d] = {\n    " % (name, len(lst)))
        out.write(", ".join('"%s"' % x for x in lst) + "\n};\n\n")
    sys.stderr.write("ctype records %d, db records %d, ext %d, decomp %d, pairs %d\n"
                     % (len(ctype_recs), len(db_recs), len(ext_case),
                        len(decomp_data), len(pairs)))


main()
