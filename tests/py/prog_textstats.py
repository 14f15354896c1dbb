# Text statistics report with collections.Counter and several formatting styles.
from collections import Counter, defaultdict, OrderedDict

TEXT = """\
It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was
the epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair, we had
everything before us, we had nothing before us, we were all going direct to
Heaven, we were all going direct the other way -- in short, the period was so
far like the present period, that some of its noisiest authorities insisted
on its being received, for good or for evil, in the superlative degree of
comparison only.
"""

PUNCT = str.maketrans({c: " " for c in ",.;:-!?\"'()"})


def words_of(text):
    return text.translate(PUNCT).lower().split()


words = words_of(TEXT)
counts = Counter(words)
lines = TEXT.splitlines()
print("lines: %d, words: %d, unique: %d, chars: %d" % (len(lines), len(words), len(counts), len(TEXT)))
print("Top words:")
for rank, (word, n) in enumerate(counts.most_common(8), start=1):
    bar = "#" * n
    print(f"{rank:>3}. {word:<10} {n:>3} {bar:<12}| {n / len(words):6.2%}")

print("{:=^40}".format(" letters "))
letters = Counter(c for c in TEXT.lower() if c.isalpha())
for letter, n in sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:6]:
    print("{0!r:>5} -> {1:04d} {2:+.3f}".format(letter, n, n / sum(letters.values())))

by_length = defaultdict(list)
for w in sorted(set(words)):
    by_length[len(w)].append(w)
for length in sorted(by_length):
    group = by_length[length]
    shown = ", ".join(group[:5]) + (" ..." if len(group) > 5 else "")
    print("%2d letters (%2d): %s" % (length, len(group), shown))

avg = sum(map(len, words)) / len(words)
print(f"average word length {avg:.3f}, longest {max(words, key=len)!r}")
print("%-8s|%8s|%08.3f|%x|%o|%e|%5.1f%%" % ("left", "right", 3.14159, 255, 8, 12345.678, 42.0))
print("{:>10}|{:<10}|{:^10}|".format("r", "l", "c"))
print("{:*>10,}|{:_<12.2f}|{:+08d}|{:#x}|{:#b}|{:.3e}".format(1234567, 3.5, 42, 255, 5, 0.000123))
print(f"{'nested':{'>'}{12}}|{3.14159:{'.'}{3}}|{12:{'0'}{5}}")
value = 7
print(f"{value=}, {value * 2 = }, {value!r:>4}, {'x' * 3!s}")

c1 = Counter("abracadabra")
c2 = Counter("alakazam")
print(c1)
print(c1 + c2)
print(c1 - c2)
print(c1 & c2, c1 | c2)
print(sorted(c1.elements()))
c1.subtract("aaa")
print(c1.most_common(2), c1["z"], sum(c1.values()))
c1.update({"z": 3})
print(dict(c1))
print(Counter(words).most_common()[-3:])

sentences = [s.strip() for s in TEXT.replace("\n", " ").split(",") if s.strip()]
print(len(sentences), sentences[0], "|", sentences[-1])
od = OrderedDict()
for w in words[:12]:
    od[w] = od.get(w, 0) + 1
od.move_to_end("it")
print(list(od.items()))
print(od.popitem(last=False), od.popitem())
print(" ".join(w.capitalize() for w in words[:6]), words[-1].upper().center(20, "~"))
print(TEXT[:40].title(), TEXT[::-1][:20], TEXT[5:60:7])
table = [("alpha", 1.5, 10), ("beta", 22.25, 200), ("gamma", 333.125, 3000)]
for name, f, i in table:
    print("%(n)-6s %(f)10.3f %(i)6d" % {"n": name, "f": f, "i": i})
print("%s %r %a" % ("é", "é", "é"), "%c%c" % (72, "i"), "%5s|%-5s|" % ("ab", "cd"))
