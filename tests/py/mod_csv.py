# csv: reader/writer quoting rules, dialects, DictReader/DictWriter
import csv
import io

data = 'name,age,note\r\nAlice,30,"likes ""quotes"""\r\nBob,25,"multi\r\nline"\r\n\r\n"Carol, Jr.",,end\r\n'
for row in csv.reader(io.StringIO(data, newline="")):
    print(row)
r = csv.reader(['a;b;"c;d"', "e;f"], delimiter=";")
print(list(r), r.line_num)
print(list(csv.reader(["a, b,  c"], skipinitialspace=True)))
print(list(csv.reader(['1,"x",2.5'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(['a\\,b,c'], escapechar="\\")))
print(list(csv.reader(['"a"b,c'])))
print(list(csv.reader(['"unterminated'])))
print(list(csv.reader(["tab\tsep\tx"], dialect="excel-tab")))
print(list(csv.reader(['a,"b'])))
for bad, kw in [(['"a"b,c'], {"strict": True}), (["a\rb"], {})]:
    try:
        print(list(csv.reader(bad, **kw)))
    except csv.Error as e:
        print("Error:", e)

out = io.StringIO()
w = csv.writer(out)
w.writerow(["plain", "with,comma", 'with "quote"', "new\nline", "", None, 1, 2.5, True])
w.writerow([""])
w.writerows([[1, 2], [3, 4]])
w = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
w.writerow(["a", 1, None])
w = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
w.writerow(["a", 1, 2.5, None, ""])
w = csv.writer(out, quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
w.writerow(["a,b", 'q"'])
w = csv.writer(out, delimiter="|", quotechar="'", lineterminator="\n")
w.writerow(["x|y", "it's", "z"])
w = csv.writer(out, doublequote=False, escapechar="\\", lineterminator="\n")
w.writerow(['say "hi"'])
w = csv.writer(out, dialect="unix")
w.writerow(["u", 2])
print(repr(out.getvalue()))
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"])
except csv.Error as e:
    print("Error:", e)
try:
    csv.writer(io.StringIO()).writerow(5)
except csv.Error as e:
    print("Error:", e)

buf = io.StringIO()
dw = csv.DictWriter(buf, fieldnames=["id", "name", "score"])
dw.writeheader()
dw.writerow({"id": 1, "name": "ann", "score": 9.5})
dw.writerows([{"id": 2, "name": "bob"}, {"id": 3, "score": 7}])
print(repr(buf.getvalue()))
try:
    dw.writerow({"id": 4, "bogus": 1})
except ValueError as e:
    print("ValueError:", e)
buf.seek(0)
dr = csv.DictReader(buf)
print(dr.fieldnames)
for row in dr:
    print(row)
print(dr.line_num)
rows = list(csv.DictReader(["a,b", "1,2,3,4", "5"], restkey="rest", restval="?"))
print(rows)
print(list(csv.DictReader(["x,y"], fieldnames=["c1", "c2"])))
print(sorted(csv.list_dialects()))
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_MINIMAL)
print(list(csv.reader(["1|2|'3'"], "pipes")), csv.get_dialect("pipes").delimiter)
csv.unregister_dialect("pipes")
try:
    csv.get_dialect("pipes")
except csv.Error as e:
    print("Error:", e)
d = csv.excel()
print(d.delimiter, repr(d.lineterminator), d.quoting == csv.QUOTE_MINIMAL, csv.excel_tab.delimiter == "\t")
print(csv.field_size_limit())
sn = csv.Sniffer().sniff("a;b;c\n1;2;3\n")
print(sn.delimiter)
