import { createHash } from 'node:crypto';
import { CARE_JOURNEY_NAMESPACE, nameBasedUuid } from './deterministic-id';

/** RFC 4122 version 5 written out with a Hash object, byte by byte. */
function reference(name: string, namespace: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe('nameBasedUuid', () => {
  it('gives the published version 5 uuid for www.example.com in the DNS namespace', () => {
    expect(nameBasedUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('agrees with the byte-by-byte construction for our namespace and others, ASCII or not', () => {
    for (let i = 0; i < 2000; i++) {
      const name = `import903/C${i}/episode/${i % 7}${i % 3 === 0 ? '/é—✓' : ''}`;
      expect(nameBasedUuid(name)).toBe(reference(name, CARE_JOURNEY_NAMESPACE));
      const other = `00000000-0000-0000-0000-0000000000${String(i % 100).padStart(2, '0')}`;
      expect(nameBasedUuid(name, other)).toBe(reference(name, other));
    }
  });
});
