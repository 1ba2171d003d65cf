// A loopback TCP proxy in front of one storage port that can be told to stop answering: while
// stalled it still accepts connections and reads what is sent, but forwards nothing and answers
// nothing — a storage endpoint behind a broken load balancer or a hung private endpoint, which
// refuses nothing and so is not noticed by connection errors. Port 0, stopped by `close`.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface StallingProxy {
  port: number;
  /** From now on nothing is forwarded either way, on new and already open connections. */
  stall(): void;
  /** Back to forwarding; connections opened while stalled stay silent (clients drop them). */
  resume(): void;
  close(): Promise<void>;
}

export async function startStallingProxy(targetPort: number): Promise<StallingProxy> {
  let stalled = false;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server: Server = createServer((client) => {
    track(client);
    if (stalled) return client.resume(); // read and drop: never a byte back
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    track(upstream);
    client.on('data', (chunk) => {
      if (!stalled) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!stalled) client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    stall: () => void (stalled = true),
    resume: () => void (stalled = false),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
