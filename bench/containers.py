# Lists, dicts, sets, sorting, comprehensions.
words = ["w%d" % (i % 5000) for i in range(600000)]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
uniq = set(words)
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
squares = [i * i for i in range(600000) if i % 3]
print(len(uniq), ranked[0], ranked[-1], sum(squares) % 1000003)
