# Graph algorithms: BFS, DFS, Dijkstra, topological sort, union-find, on a small road map.
import heapq
from collections import deque, defaultdict

ROADS = """
A B 7
A C 9
A F 14
B C 10
B D 15
C D 11
C F 2
D E 6
E F 9
G H 1
"""


class Graph:
    def __init__(self, directed=False):
        self.adj = defaultdict(dict)
        self.directed = directed

    @classmethod
    def parse(cls, text, directed=False):
        g = cls(directed)
        for line in text.strip().splitlines():
            u, v, w = line.split()
            g.add_edge(u, v, int(w))
        return g

    def add_edge(self, u, v, w=1):
        self.adj[u][v] = w
        if not self.directed:
            self.adj[v][u] = w
        else:
            self.adj[v]  # make sure the node exists

    @property
    def nodes(self):
        return sorted(self.adj)

    def bfs(self, start):
        seen = {start}
        order = []
        q = deque([start])
        while q:
            u = q.popleft()
            order.append(u)
            for v in sorted(self.adj[u]):
                if v not in seen:
                    seen.add(v)
                    q.append(v)
        return order

    def dfs(self, start, seen=None):
        if seen is None:
            seen = set()
        seen.add(start)
        out = [start]
        for v in sorted(self.adj[start]):
            if v not in seen:
                out += self.dfs(v, seen)
        return out

    def dijkstra(self, src):
        dist = {src: 0}
        prev = {}
        pq = [(0, src)]
        done = set()
        while pq:
            d, u = heapq.heappop(pq)
            if u in done:
                continue
            done.add(u)
            for v, w in self.adj[u].items():
                nd = d + w
                if nd < dist.get(v, float("inf")):
                    dist[v] = nd
                    prev[v] = u
                    heapq.heappush(pq, (nd, v))
        return dist, prev

    def path(self, src, dst):
        dist, prev = self.dijkstra(src)
        if dst not in dist:
            return None, float("inf")
        node, out = dst, [dst]
        while node != src:
            node = prev[node]
            out.append(node)
        return out[::-1], dist[dst]

    def components(self):
        parent = {n: n for n in self.adj}

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for u in self.adj:
            for v in self.adj[u]:
                ru, rv = find(u), find(v)
                if ru != rv:
                    parent[max(ru, rv)] = min(ru, rv)
        groups = defaultdict(list)
        for n in self.nodes:
            groups[find(n)].append(n)
        return sorted(groups.values())

    def topo_sort(self):
        indeg = {n: 0 for n in self.adj}
        for u in self.adj:
            for v in self.adj[u]:
                indeg[v] += 1
        ready = sorted(n for n, d in indeg.items() if d == 0)
        order = []
        while ready:
            n = ready.pop(0)
            order.append(n)
            for v in sorted(self.adj[n]):
                indeg[v] -= 1
                if indeg[v] == 0:
                    ready.append(v)
                    ready.sort()
        if len(order) != len(indeg):
            cyc = sorted(n for n, d in indeg.items() if d > 0)
            raise ValueError(f"cycle detected among {cyc}")
        return order


g = Graph.parse(ROADS)
print(g.nodes, len(g.nodes), sum(len(v) for v in g.adj.values()) // 2)
print("bfs", g.bfs("A"), "dfs", g.dfs("A"))
dist, _ = g.dijkstra("A")
print(sorted(dist.items()))
for dst in "EDFH":
    path, cost = g.path("A", dst)
    print(f"A->{dst}: {' -> '.join(path) if path else 'unreachable'} ({cost})")
print(g.components())

deps = Graph(directed=True)
for a, b in [("shop", "cook"), ("cook", "eat"), ("wake", "shop"), ("wake", "shower"),
             ("shower", "dress"), ("dress", "shop"), ("eat", "sleep")]:
    deps.add_edge(a, b)
print(deps.topo_sort())
deps.add_edge("sleep", "wake")
try:
    deps.topo_sort()
except ValueError as e:
    print("ValueError:", e)

grid = [
    "S.#.......",
    ".##.####..",
    "....#...#.",
    "##.##.#.#.",
    "...#..#..E",
]


def solve_maze(grid):
    rows, cols = len(grid), len(grid[0])
    start = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "S")
    end = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "E")
    prev = {start: None}
    q = deque([start])
    while q:
        cur = q.popleft()
        if cur == end:
            break
        r, c = cur
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in prev:
                prev[(nr, nc)] = cur
                q.append((nr, nc))
    path = []
    node = end
    while node:
        path.append(node)
        node = prev.get(node)
    canvas = [list(row) for row in grid]
    for r, c in path[1:-1]:
        canvas[r][c] = "*"
    return len(path) - 1, ["".join(row) for row in canvas]


steps, drawing = solve_maze(grid)
print("maze steps:", steps)
print("\n".join(drawing))
