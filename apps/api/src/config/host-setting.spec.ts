import { createServer } from 'node:net';
import { listenError, readHost } from './host-setting';
import { loadApiConfig } from './load-api-config';

/** The error a real server gives when listening on host:port fails. */
const failureToListen = (host: string, port: number): Promise<unknown> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', resolve);
    server.listen(port, host, () => server.close(() => resolve(undefined)));
  });

describe('HOST', () => {
  it('defaults to every interface and takes an address or a name', () => {
    expect(loadApiConfig({}).host).toBe('0.0.0.0');
    for (const host of ['127.0.0.1', '::1', 'localhost', 'api.internal.example', 'host-1.'])
      expect(readHost(host)).toBe(host);
  });

  it.each(['999.1.1.1', '1.2.3', 'bad host', 'under_score', '-x.example', 'a..b'])(
    'Given HOST=%s, When the API loads its settings, Then it stops naming HOST and the rule',
    (HOST) => {
      expect(() => loadApiConfig({ HOST })).toThrow(
        `HOST: must be an IP address (e.g. 127.0.0.1, ::1) or a host name of this machine (e.g. localhost), got "${HOST}"`,
      );
    },
  );

  it('Given a well-formed HOST that is no address of this machine, When the API listens, Then the failure names HOST', async () => {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never a local address, and no name service is asked.
    const error = await failureToListen('192.0.2.1', 0);
    expect(error).toMatchObject({ code: 'EADDRNOTAVAIL' });
    expect(listenError(error, '192.0.2.1', 0)?.message).toBe(
      'HOST: "192.0.2.1" is not an address of this machine: cannot listen on 192.0.2.1:0 (EADDRNOTAVAIL)',
    );
  });

  it('Given a name that does not resolve, Then the failure names HOST; and a port in use names PORT', () => {
    expect(listenError({ code: 'ENOTFOUND' }, 'nosuch.invalid', 3000)?.message).toBe(
      'HOST: "nosuch.invalid" is no host name this machine can resolve: cannot listen on nosuch.invalid:3000 (ENOTFOUND)',
    );
    expect(listenError({ code: 'EADDRINUSE' }, '0.0.0.0', 3000)?.variable).toBe('PORT');
    expect(listenError(new Error('other'), '0.0.0.0', 3000)).toBeUndefined();
  });
});
