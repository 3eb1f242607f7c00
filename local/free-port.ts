import { createServer } from 'node:net';

// Asks the OS for an unused port by binding port 0. The port is released before the caller
// binds it, so another process could take it in between; for a laptop and a test run that
// window is negligible, and DynamoDB Local (a Java process) cannot be handed a bound socket.
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not allocate a free port'))));
    });
  });
