# Text processing: build a corpus, then split it into lines and words,
# normalise them (strip, lower, replace) and count with a dict; report the
# most common words and some str-method statistics.
vocab = ["%s%s" % (syl1, syl2) for syl1 in ("ka", "Lo", "mi", "TU", "ze", "Ra", "no", "bi")
         for syl2 in ("ra", "xis", "ten", "um", "ollo", "PE", "ds", "ia")]
lines = []
for n in range(40000):
    k = 6 + n % 9
    words = [vocab[(n * 7 + j * 13 + (n * j) % 11) % 64] for j in range(k)]
    lines.append("  " + " ".join(words) + ("," if n % 3 else ".") + "  ")
text = "\n".join(lines)

counts = {}
longest = ""
caps = 0
for line in text.split("\n"):
    line = line.strip().rstrip(".,")
    for w in line.split():
        if w[0].isupper():
            caps += 1
        w = w.lower().replace("ollo", "o")
        counts[w] = counts.get(w, 0) + 1
        if len(w) > len(longest) or (len(w) == len(longest) and w < longest):
            longest = w
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
starts = sum(1 for w in counts if w.startswith("ka"))
found = sum(text.count(v) for v in vocab[:8])
print(len(counts), caps, longest, top, starts, found, text.find("TUds"))
