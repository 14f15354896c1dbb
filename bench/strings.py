# String building, splitting, joining, formatting.
parts = []
for i in range(300000):
    parts.append("item-%d:%s" % (i, str(i * 7)))
text = ",".join(parts)
fields = text.split(",")
total = 0
for f in fields:
    name, value = f.split(":")
    total += len(name) + int(value) % 10
print(len(text), total, text[:20].upper(), f"{total:,}")
