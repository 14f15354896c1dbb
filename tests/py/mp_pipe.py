# multiprocessing.Pipe: duplex round trips, poll, one-way pipes, EOF
import multiprocessing as mp


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


def server(conn):
    while True:
        msg = conn.recv()
        if msg == 'stop':
            break
        conn.send(('echo', msg))
    conn.send_bytes(b'raw bytes')
    conn.close()


def writer(w):
    for i in range(5):
        w.send(i * 10)
    w.close()


if __name__ == '__main__':
    a, b = mp.Pipe()
    p = mp.Process(target=server, args=(b,))
    p.start()
    for msg in [1, 'two', [3, {4: 5}], Point(1, 2), 2 ** 80, None, b'\x00\x01']:
        a.send(msg)
        print(a.recv())
    print(a.poll(), a.poll(0.01))
    a.send('stop')
    print(a.recv_bytes())
    p.join()
    b.close()
    print(a.poll(1))
    try:
        a.recv()
    except EOFError:
        print('EOFError')
    r, w = mp.Pipe(duplex=False)
    p = mp.Process(target=writer, args=(w,))
    p.start()
    w.close()
    print([r.recv() for _ in range(5)])
    p.join()
    try:
        r.send(1)
    except OSError as e:
        print('OSError', e)
    print(p.exitcode)
