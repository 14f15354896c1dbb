# Random-walk and queueing simulation seeded with random.seed.
import random
import statistics

random.seed(12345)
print(random.random(), random.randint(1, 100), random.choice("abcdef"))
print([random.randrange(0, 50, 5) for _ in range(8)])
print(random.uniform(1.0, 2.0), random.gauss(0, 1) != 0)
deck = [f"{r}{s}" for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:10])
print(random.sample(range(100), 7), sorted(random.sample(deck, 4)))
print(random.choices(["red", "green", "blue"], weights=[5, 3, 1], k=10))
print(random.getrandbits(16), random.getrandbits(40))


class Customer:
    def __init__(self, cid, arrival, service):
        self.cid = cid
        self.arrival = arrival
        self.service = service
        self.start = None

    @property
    def wait(self):
        return self.start - self.arrival


def simulate(n_customers, n_tellers, seed):
    rng = random.Random(seed)
    t = 0.0
    customers = []
    for i in range(n_customers):
        t += rng.expovariate(1.0)
        customers.append(Customer(i, t, rng.uniform(0.5, 3.0)))
    free_at = [0.0] * n_tellers
    for c in customers:
        teller = min(range(n_tellers), key=lambda k: free_at[k])
        c.start = max(c.arrival, free_at[teller])
        free_at[teller] = c.start + c.service
    waits = [c.wait for c in customers]
    return {
        "mean_wait": round(statistics.mean(waits), 6),
        "max_wait": round(max(waits), 6),
        "median_wait": round(statistics.median(waits), 6),
        "served_by": round(max(free_at), 6),
    }


for tellers in (1, 2, 3):
    print(tellers, simulate(200, tellers, seed=tellers * 7))


def random_walk(steps, rng):
    x = y = 0
    visited = {(0, 0)}
    moves = {"N": (0, 1), "S": (0, -1), "E": (1, 0), "W": (-1, 0)}
    path = []
    for _ in range(steps):
        d = rng.choice("NSEW")
        dx, dy = moves[d]
        x, y = x + dx, y + dy
        visited.add((x, y))
        path.append(d)
    return (x, y), len(visited), "".join(path[:20])


rng = random.Random("walker")
for trial in range(3):
    print(random_walk(500, rng))


def monte_carlo_pi(n, seed):
    r = random.Random(seed)
    inside = sum(1 for _ in range(n) if r.random() ** 2 + r.random() ** 2 <= 1.0)
    return 4 * inside / n


print([monte_carlo_pi(2000, s) for s in range(3)])

r1 = random.Random(99)
state = r1.getstate()
a = [r1.random() for _ in range(3)]
r1.setstate(state)
b = [r1.random() for _ in range(3)]
print(a == b, a)
random.seed(2024)
rolls = [random.randint(1, 6) for _ in range(600)]
hist = {face: rolls.count(face) for face in range(1, 7)}
for face, n in hist.items():
    print(f"{face}: {'*' * (n // 5)} {n}")
print(statistics.mean(rolls), round(statistics.stdev(rolls), 6), statistics.mode(rolls))
print(random.triangular(0, 10, 3), random.betavariate(2, 5), random.paretovariate(3))
print(random.normalvariate(10, 2), random.lognormvariate(0, 0.5), random.vonmisesvariate(1, 2))
items = list(range(20))
random.seed(1)
print(random.sample(items, k=5), random.choice(items), random.randrange(1000))
