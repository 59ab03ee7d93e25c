// Firefox has no --host-resolver-rules. Instead its profile sends every request through this
// local proxy (manual proxy prefs), which tunnels a CONNECT for a known host to the local
// server standing in for it and refuses every other one, so nothing leaves the machine and
// the browser still believes it is talking to https://crm.zoho.com or https://api.x.com.
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface HostProxy {
  port: number;
  /** Hosts the proxy refused, in order: a test can say which address the browser tried. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * Starts an HTTP proxy on 127.0.0.1 that answers CONNECT `host:443` by tunnelling to
 * 127.0.0.1:`ports[host]`. Plain-HTTP requests and unknown hosts get 403.
 * @param ports host name (lower case) → local port of the HTTPS server playing it
 */
export async function startHostProxy(ports: ReadonlyMap<string, number>): Promise<HostProxy> {
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    refused.push(req.headers.host ?? req.url ?? '');
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('Only https to the hosts under test goes through this proxy.');
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const [host = '', port = '443'] = (req.url ?? '').split(':');
    const target = port === '443' ? ports.get(host.toLowerCase()) : undefined;
    if (target === undefined) {
      refused.push(req.url ?? '');
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(target, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
