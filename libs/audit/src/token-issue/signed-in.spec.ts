import { SIGNED_IN, signedInEvent } from './signed-in';

describe('signedInEvent: what a web sign-in records', () => {
  const input = {
    tokenId: '5d0c1f4e-3b1a-4a4e-9f0e-2b7c7a1e9d11',
    userId: 'sw.demo',
    role: 'social_worker',
    issuedAt: '2026-11-28T10:00:00Z',
    expiresAt: '2026-11-28T18:00:00Z',
    keyId: 'sha256:0123456789abcdef',
  };

  it('Given a sign-in, Then the event is SignedIn, recorded by the user who signed in at the sign-in time, with the request id', () => {
    const event = signedInEvent({ ...input, name: 'Sam Worker', requestId: 'req-1' }, 'e1');
    expect(event).toEqual({
      id: 'e1',
      type: SIGNED_IN,
      data: { ...input, name: 'Sam Worker' },
      metadata: {
        recordedAt: '2026-11-28T10:00:00Z',
        recordedBy: 'sw.demo',
        schemaVersion: 1,
        requestId: 'req-1',
      },
    });
  });

  it('Given a name that is only the user id and no development secret, Then neither is written', () => {
    const { data, metadata } = signedInEvent({ ...input, name: 'sw.demo', developmentSecret: undefined });
    expect(data).toEqual(input);
    expect(metadata).not.toHaveProperty('requestId');
  });
});
