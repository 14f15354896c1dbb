"""graphlib -- TopologicalSorter: order the nodes of a graph so that every
node comes after its predecessors, in rounds of nodes that are ready
together (for parallel work), as CPython 3.11's module does."""

__all__ = ["TopologicalSorter", "CycleError"]

# npredecessors also records a node's progress once prepare() ran.
_NODE_OUT = -1    # handed out by get_ready(), done() not called yet
_NODE_DONE = -2   # done() called


class _NodeInfo:
    __slots__ = "node", "npredecessors", "successors"

    def __init__(self, node):
        self.node = node
        self.npredecessors = 0
        self.successors = []


class CycleError(ValueError):
    """The graph has a cycle; args[1] lists its nodes, the first repeated
    at the end."""


class TopologicalSorter:
    """Provides functionality to topologically sort a graph of hashable nodes"""

    def __init__(self, graph=None):
        self._node2info = {}
        self._ready_nodes = None     # a list once prepare() ran
        self._npassedout = 0
        self._nfinished = 0
        if graph is not None:
            for node, predecessors in graph.items():
                self.add(node, *predecessors)

    def _get_nodeinfo(self, node):
        info = self._node2info.get(node)
        if info is None:
            info = self._node2info[node] = _NodeInfo(node)
        return info

    def add(self, node, *predecessors):
        """Add node, coming after each of predecessors (all added too)."""
        if self._ready_nodes is not None:
            raise ValueError("Nodes cannot be added after a call to prepare()")
        info = self._get_nodeinfo(node)
        info.npredecessors += len(predecessors)
        for pred in predecessors:
            self._get_nodeinfo(pred).successors.append(node)

    def prepare(self):
        """Finish the graph: CycleError if it has a cycle."""
        if self._ready_nodes is not None:
            raise ValueError("cannot prepare() more than once")
        self._ready_nodes = [i.node for i in self._node2info.values()
                             if i.npredecessors == 0]
        cycle = self._find_cycle()
        if cycle:
            raise CycleError("nodes are in a cycle", cycle)

    def get_ready(self):
        """A tuple of every node whose predecessors are all done."""
        if self._ready_nodes is None:
            raise ValueError("prepare() must be called first")
        result = tuple(self._ready_nodes)
        for node in result:
            self._node2info[node].npredecessors = _NODE_OUT
        self._ready_nodes.clear()
        self._npassedout += len(result)
        return result

    def is_active(self):
        """True while nodes remain to be handed out or marked done."""
        if self._ready_nodes is None:
            raise ValueError("prepare() must be called first")
        return self._nfinished < self._npassedout or bool(self._ready_nodes)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        """Mark nodes (returned by get_ready) as processed; their successors
        may become ready."""
        if self._ready_nodes is None:
            raise ValueError("prepare() must be called first")
        n2i = self._node2info
        for node in nodes:
            info = n2i.get(node)
            if info is None:
                raise ValueError(f"node {node!r} was not added using add()")
            if info.npredecessors != _NODE_OUT:
                if info.npredecessors >= 0:
                    raise ValueError(f"node {node!r} was not passed out (still not ready)")
                raise ValueError(f"node {node!r} was already marked done")
            info.npredecessors = _NODE_DONE
            for successor in info.successors:
                succ = n2i[successor]
                succ.npredecessors -= 1
                if succ.npredecessors == 0:
                    self._ready_nodes.append(successor)
            self._nfinished += 1

    def _find_cycle(self):
        """Depth-first search along successor edges, roots in insertion
        order, without recursion; returns the first cycle met or None."""
        n2i = self._node2info
        path = []          # the nodes of the current DFS path
        iters = []         # for each, the iterator over its successors
        on_path = {}       # node -> index in path
        seen = set()
        for root in n2i:
            if root in seen:
                continue
            node = root
            while True:
                if node in seen:
                    if node in on_path:
                        return path[on_path[node]:] + [node]
                else:
                    seen.add(node)
                    iters.append(iter(n2i[node].successors))
                    on_path[node] = len(path)
                    path.append(node)
                # Next unexplored edge, backtracking over exhausted nodes.
                while path:
                    node = next(iters[-1], _END)
                    if node is not _END:
                        break
                    del on_path[path.pop()]
                    iters.pop()
                else:
                    break
        return None

    def static_order(self):
        """Every node, in one valid order (a generator)."""
        self.prepare()
        while self.is_active():
            group = self.get_ready()
            yield from group
            self.done(*group)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


_END = object()
