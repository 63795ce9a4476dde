/**
 * A fake Socket Mode endpoint (ws on 127.0.0.1): greets each connection with `hello` as Slack
 * does, sends envelopes, and records the acknowledgements the app sends back.
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

export class FakeSlackSocket {
  readonly acks: SocketAck[] = [];
  private readonly sockets = new Set<WebSocket>();
  private envelopes = 0;

  private constructor(private readonly server: WebSocketServer) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as SocketAck;
        if (message.envelope_id) this.acks.push(message);
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'applink-fake', approximate_connection_time: 18060 }, connection_info: { app_id: 'A0HDAPP01' } }));
    });
  }

  static async start(): Promise<FakeSlackSocket> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return new FakeSlackSocket(server);
  }

  /** The URL apps.connections.open should hand out. */
  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link/?ticket=fake`;
  }

  get connections(): number {
    return this.sockets.size;
  }

  /** Sends an Events API body (event_callback) in an envelope; returns the envelope id. */
  sendEvent(body: object, retryAttempt = 0): string {
    return this.send({ type: 'events_api', payload: body, accepts_response_payload: false, retry_attempt: retryAttempt, retry_reason: retryAttempt > 0 ? 'timeout' : '' });
  }

  /** Sends an interactivity payload (block_actions) in an envelope; returns the envelope id. */
  sendInteractive(payload: object): string {
    return this.send({ type: 'interactive', payload, accepts_response_payload: false });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private send(envelope: object): string {
    this.envelopes += 1;
    const envelopeId = `fake-envelope-${this.envelopes}`;
    const text = JSON.stringify({ envelope_id: envelopeId, ...envelope });
    for (const socket of this.sockets) socket.send(text);
    return envelopeId;
  }
}
