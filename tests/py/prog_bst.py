# A linked list and a binary search tree with __iter__, recursion and generators.

class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self, iterable=()):
        self.head = None
        self._len = 0
        for v in reversed(list(iterable)):
            self.push(v)

    def push(self, value):
        self.head = Node(value, self.head)
        self._len += 1

    def pop(self):
        if self.head is None:
            raise IndexError("pop from empty list")
        node = self.head
        self.head = node.next
        self._len -= 1
        return node.value

    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next

    def __len__(self):
        return self._len

    def __repr__(self):
        return "LinkedList([" + ", ".join(map(repr, self)) + "])"

    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev

    def __getitem__(self, i):
        if i < 0:
            i += len(self)
        for k, v in enumerate(self):
            if k == i:
                return v
        raise IndexError("LinkedList index out of range")


class BST:
    class _Node:
        def __init__(self, key, value):
            self.key, self.value = key, value
            self.left = self.right = None

    def __init__(self):
        self.root = None
        self.size = 0

    def insert(self, key, value=None):
        def _insert(node):
            if node is None:
                self.size += 1
                return BST._Node(key, value)
            if key < node.key:
                node.left = _insert(node.left)
            elif key > node.key:
                node.right = _insert(node.right)
            else:
                node.value = value
            return node
        self.root = _insert(self.root)

    __setitem__ = insert

    def __getitem__(self, key):
        node = self.root
        while node:
            if key == node.key:
                return node.value
            node = node.left if key < node.key else node.right
        raise KeyError(key)

    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False

    def __iter__(self):
        def walk(node):
            if node:
                yield from walk(node.left)
                yield node.key
                yield from walk(node.right)
        return walk(self.root)

    def __reversed__(self):
        stack, node = [], self.root
        while stack or node:
            while node:
                stack.append(node)
                node = node.right
            node = stack.pop()
            yield node.key
            node = node.left

    def __len__(self):
        return self.size

    def height(self, node=None, _top=True):
        if _top:
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left, False), self.height(node.right, False))

    def delete(self, key):
        def _min(node):
            while node.left:
                node = node.left
            return node

        def _delete(node, key):
            if node is None:
                raise KeyError(key)
            if key < node.key:
                node.left = _delete(node.left, key)
            elif key > node.key:
                node.right = _delete(node.right, key)
            else:
                if node.left is None:
                    return node.right
                if node.right is None:
                    return node.left
                succ = _min(node.right)
                node.key, node.value = succ.key, succ.value
                node.right = _delete(node.right, succ.key)
            return node
        self.root = _delete(self.root, key)
        self.size -= 1

    def range(self, lo, hi):
        def walk(node):
            if node is None:
                return
            if lo < node.key:
                yield from walk(node.left)
            if lo <= node.key <= hi:
                yield (node.key, node.value)
            if node.key < hi:
                yield from walk(node.right)
        return list(walk(self.root))

    def pretty(self):
        lines = []
        def show(node, depth):
            if node:
                show(node.right, depth + 1)
                lines.append("    " * depth + f"{node.key}")
                show(node.left, depth + 1)
        show(self.root, 0)
        return "\n".join(lines)


ll = LinkedList([1, 2, 3, 4, 5])
print(ll, len(ll), ll[0], ll[-1], list(ll)[::2])
ll.push(0)
ll.reverse()
print(ll, ll.pop(), len(ll), sum(ll), max(ll), 3 in ll, 9 in ll)
try:
    LinkedList().pop()
except IndexError as e:
    print("IndexError:", e)
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)
try:
    ll.head.extra = 1
except AttributeError as e:
    print("AttributeError:", e)

tree = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 10]:
    tree[k] = f"v{k}"
print(list(tree), len(tree), tree.height())
print(list(reversed(tree)))
print(tree[35], 45 in tree, 99 in tree)
print(tree.range(33, 62))
print(tree.pretty())
tree.delete(30)
tree.delete(50)
print(list(tree), len(tree), tree.root.key, tree.height())
try:
    tree.delete(1234)
except KeyError as e:
    print("KeyError:", e)
words = BST()
for w in "the quick brown fox jumps over the lazy dog".split():
    words.insert(w, len(w))
print(list(words), words["quick"], len(words))
it = iter(tree)
print(next(it), next(it), list(zip(it, "abc")))


def permutations(seq):
    if len(seq) <= 1:
        yield list(seq)
        return
    for i, x in enumerate(seq):
        for rest in permutations(seq[:i] + seq[i + 1:]):
            yield [x] + rest


def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves


print(["".join(p) for p in permutations("abc")])
print(len(hanoi(10, "A", "C", "B", [])), hanoi(3, "A", "C", "B", [])[:4])
def flatten(x):
    for item in x:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, (4, 5)], [[6]]], 7])))
