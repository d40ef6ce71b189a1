// One HTTP exchange over node's http/https, with the limits every SDK client of drctl gets
// (client-pool.ts REQUEST_HANDLER): a connection that is not made within connectionTimeout, or a socket
// silent for requestTimeout, fails as the SDK's handler fails (a TimeoutError), so classify.ts says
// "unreachable" for both; network errors keep their code (ECONNREFUSED, ECONNRESET...).
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface HttpLimits {
  connectionTimeout: number;
  requestTimeout: number;
}

export interface WireRequest {
  url: URL;
  method: string;
  headers: OutgoingHttpHeaders;
  body?: string;
}

export interface WireResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** No answer drctl reads is near this; it only stops a misbehaving endpoint from filling memory. */
const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

const timeoutError = (message: string) => Object.assign(new Error(message), { name: 'TimeoutError' });

/** Keep-alive agents for one client's connections (closed with the client, as the SDK's handler does). */
export class Agents {
  private readonly http = new HttpAgent({ keepAlive: true });
  private readonly https = new HttpsAgent({ keepAlive: true });

  for(url: URL): HttpAgent {
    return url.protocol === 'http:' ? this.http : this.https;
  }

  destroy(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

export function exchange(wire: WireRequest, limits: HttpLimits, agents: Agents): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const send = wire.url.protocol === 'http:' ? httpRequest : httpsRequest;
    const request = send(wire.url, { method: wire.method, headers: wire.headers, agent: agents.for(wire.url) }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) request.destroy(new Error(`the answer is larger than ${MAX_RESPONSE_BYTES} bytes`));
        else chunks.push(chunk);
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    // Connecting: a reused keep-alive socket is connected already.
    request.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => request.destroy(timeoutError(`no connection within ${limits.connectionTimeout} ms`)), limits.connectionTimeout);
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    // Then a socket silent for requestTimeout, as the SDK's requestTimeout.
    request.setTimeout(limits.requestTimeout, () => request.destroy(timeoutError(`no answer within ${limits.requestTimeout} ms`)));
    request.end(wire.body);
  });
}
