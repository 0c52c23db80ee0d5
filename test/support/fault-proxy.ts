// A small HTTP proxy on 127.0.0.1 in front of a real object-store server: it forwards every
// request unchanged (Host header included, so signatures still verify) except those it is told to
// fail, which get an HTTP error from the proxy itself. It also counts requests, so a test can see
// pagination and retries happen. Not a mock: the real server answers everything not failed.
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FaultProxy {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Requests received since the last reset, failed or forwarded. */
  readonly requests: number;
  /** Fail the next `count` requests (Infinity = all) with `status`. */
  fail(count: number, status?: number): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let requests = 0;
  let failures = 0;
  let failStatus = 503;

  const server: Server = createServer((req: IncomingMessage, res) => {
    requests += 1;
    if (failures > 0) {
      failures -= 1;
      req.resume();
      res.writeHead(failStatus, { "content-type": "application/xml", connection: "close" });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>ServiceUnavailable</Code><Message>injected by the test proxy</Message></Error>`);
      return;
    }
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    forward.on("error", (err) => {
      res.writeHead(502);
      res.end(String(err));
    });
    req.pipe(forward);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    fail(count: number, status = 503) {
      failures = count;
      failStatus = status;
    },
    reset() {
      requests = 0;
      failures = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
