# difflib: SequenceMatcher, ndiff, unified/context diffs, close matches
import difflib

a = "one two three four five".split()
b = "zero one tree four five six".split()
print(list(difflib.ndiff(a, b)))
print(''.join(difflib.unified_diff([x + "\n" for x in a], [x + "\n" for x in b], "a", "b")))
print(''.join(difflib.context_diff([x + "\n" for x in a], [x + "\n" for x in b], "a", "b")))
s = difflib.SequenceMatcher(None, "abxcd", "abcd")
print(s.ratio(), s.quick_ratio(), s.real_quick_ratio())
print(s.get_opcodes())
print(s.get_matching_blocks())
print(s.find_longest_match(0, 5, 0, 4))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.get_close_matches("wheel", ["while", "wheat", "whale", "heel"], n=2, cutoff=0.5))
print(list(difflib.ndiff(["abcdefg\n"], ["abXdefgh\n"])))
text1 = """Lorem ipsum dolor sit amet, consectetur
adipiscing elit. Integer eu lacus accumsan arcu
fermentum euismod. Donec pulvinar porttitor
tellus. Aliquam venenatis. Donec facilisis
pharetra tortor.  In nec mauris eget magna
consequat convallis.""".splitlines(keepends=True)
text2 = """Lorem ipsum dolor sit amet, consectetur
adipiscing elit. Integer eu lacus accumsan arcu
fermentum euismod. Donec pulvinar, porttitor
tellus. Aliquam venenatis. Donec facilisis
pharetra tortor. In nec mauris eget magna
consequat convallis. Nam sed elit.""".splitlines(keepends=True)
print(''.join(difflib.ndiff(text1, text2)))
print(''.join(difflib.unified_diff(text1, text2, "before.txt", "after.txt", n=1)))
lines1 = ["line %d\n" % i for i in range(30)]
lines2 = lines1[:5] + ["changed\n"] + lines1[6:20] + lines1[21:] + ["new end\n"]
print(''.join(difflib.unified_diff(lines1, lines2)))
print(list(difflib.unified_diff(["a"], ["b"], lineterm="")))
sm = difflib.SequenceMatcher(lambda x: x == " ", "private Thread currentThread;",
                             "private volatile Thread currentThread;")
print(round(sm.ratio(), 3), sm.get_opcodes())
for group in difflib.SequenceMatcher(None, lines1, lines2).get_grouped_opcodes(2):
    print(group)
print(''.join(difflib.restore(difflib.ndiff(a, b), 2)))
big_a = list("abcdefghij" * 30)
big_b = list("abcdefghXj" * 30)
print(round(difflib.SequenceMatcher(None, big_a, big_b).ratio(), 4),
      round(difflib.SequenceMatcher(None, big_a, big_b, autojunk=False).ratio(), 4))
