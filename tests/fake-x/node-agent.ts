// Route Node's https (and so twitter-api-v2's own transport) to the emulator. The library always
// connects to api.x.com:443; this agent dials the emulator's port instead, keeps SNI and
// certificate checks for the real host names, and trusts only the emulator's certificate.
import { Agent, type AgentOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import { connect, type ConnectionOptions } from 'node:tls';
import type { FakeX } from './server';

export class EmulatorAgent extends Agent {
  constructor(
    private readonly target: { port: number; certificate: string },
    options: AgentOptions = {},
  ) {
    super({ ...options, ca: target.certificate });
  }

  override createConnection(
    options: ConnectionOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex {
    const servername = options.servername || options.host || 'api.x.com';
    const socket = connect({ ...options, host: '127.0.0.1', port: this.target.port, servername });
    if (callback) socket.once('secureConnect', () => callback(null, socket));
    return socket;
  }
}

/** An https.Agent for `new TwitterApi(tokens, { httpAgent })` that reaches the emulator. */
export function emulatorAgent(fake: FakeX): EmulatorAgent {
  if (!fake.https || !fake.certificate) throw new Error('start the emulator with { https: true }');
  return new EmulatorAgent({ port: fake.port, certificate: fake.certificate });
}
