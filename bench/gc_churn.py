# Cycles that only the collector can free; exercises the GC itself.
import gc

class Node:
    def __init__(self, parent):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)

def make_tree(depth):
    root = Node(None)
    level = [root]
    for _ in range(depth):
        nxt = []
        for n in level:
            nxt.append(Node(n))
            nxt.append(Node(n))
        level = nxt
    return root

freed = 0
for i in range(120):
    make_tree(10)
    freed += gc.collect()
print(freed)
