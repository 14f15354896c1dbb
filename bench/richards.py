# Class-heavy: a scheduler of tasks exchanging packets (in the spirit of
# the Richards benchmark): method calls, attribute access, inheritance,
# small object allocation and linked lists.
class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst


class Task:
    def __init__(self, ident, prio, sched):
        self.ident = ident
        self.prio = prio
        self.sched = sched
        self.queue = None
        self.count = 0

    def receive(self, pkt):
        self.queue = pkt.append_to(self.queue)

    def take(self):
        pkt = self.queue
        if pkt is not None:
            self.queue = pkt.link
        return pkt

    def run(self, pkt):
        raise NotImplementedError


class Worker(Task):
    def run(self, pkt):
        self.count += 1
        for i in range(4):
            pkt.data[i] = (pkt.data[i] + self.count + i) % 26
        pkt.datum = sum(pkt.data)
        return self.sched.send(pkt, (self.ident + 1) % self.sched.ntasks)


class Handler(Task):
    def run(self, pkt):
        self.count += pkt.datum % 7 + 1
        if self.count % 3 == 0:
            return self.sched.send(Packet(None, self.ident, 1), 0)
        return self.sched.send(pkt, (self.ident + 2) % self.sched.ntasks)


class Scheduler:
    def __init__(self, ntasks):
        self.ntasks = ntasks
        self.tasks = [(Worker if i % 2 else Handler)(i, i % 3, self) for i in range(ntasks)]
        self.sent = 0

    def send(self, pkt, dest):
        self.sent += 1
        self.tasks[dest].receive(pkt)
        return dest

    def schedule(self, steps):
        for t in self.tasks:
            t.receive(Packet(None, t.ident, 0))
        cur = 0
        for _ in range(steps):
            task = self.tasks[cur]
            pkt = task.take()
            if pkt is None:
                cur = (cur + 1) % self.ntasks
                continue
            cur = task.run(pkt)
        return sum(t.count for t in self.tasks)


s = Scheduler(10)
print(s.schedule(600000), s.sent)
