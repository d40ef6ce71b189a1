// A loopback HTTP server for tests that need the real SDK path (middleware, signing, user agent) without
// AWS: it records every request and answers with a protocol-shaped error unless told otherwise.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Action= for awsQuery, the x-amz-target suffix for JSON, the path for Route 53. */
  operation: string;
}

export interface StubAnswer {
  status: number;
  body: string;
  contentType?: string;
  /** More response headers (x-amzn-errortype for restJson errors). */
  headers?: Record<string, string>;
}

/** Read the request, then say nothing: a client's request timeout is all that ends it. */
export const SILENT = 'silent';

export interface StubServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** The default: the wire error each protocol uses, with the code InvalidParameterValue. */
function errorAnswer(request: RecordedRequest): StubAnswer {
  if (request.headers['x-amz-target']) {
    return { status: 400, body: JSON.stringify({ __type: 'InvalidParameterValue', message: 'stub' }), contentType: 'application/x-amz-json-1.0' };
  }
  return {
    status: 400,
    contentType: 'text/xml',
    body: '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>stub</Message></Error><RequestId>r</RequestId></ErrorResponse>',
  };
}

function operationOf(method: string, url: string, headers: IncomingHttpHeaders, body: string): string {
  const target = headers['x-amz-target'];
  if (typeof target === 'string') return target.split('.').pop() ?? target;
  const action = new URLSearchParams(body).get('Action');
  return action ?? `${method} ${url}`;
}

export async function startStubServer(answer: (request: RecordedRequest) => StubAnswer | typeof SILENT | undefined = () => undefined): Promise<StubServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      const request = { method, url, headers: req.headers, body, operation: operationOf(method, url, req.headers, body) };
      requests.push(request);
      const answered = answer(request);
      if (answered === SILENT) return;
      const reply = answered ?? errorAnswer(request);
      res.writeHead(reply.status, {
        'content-type': reply.contentType ?? 'text/xml',
        'x-amzn-requestid': `stub-${requests.length}`,
        ...reply.headers,
      });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on: connecting to it fails at once with ECONNREFUSED. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
