import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTRY_FIELDS } from '@care-journey/journey';

/** The "Data items held" section of docs/data-protection.md, which a DPIA relies on. */
function inventory(): string {
  const doc = readFileSync(join(__dirname, '../../../../docs/data-protection.md'), 'utf8');
  const start = doc.indexOf('## Data items held');
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end);
}

describe('the data protection inventory (docs/data-protection.md)', () => {
  it('Given every event type the journey records, Then each is named in "Data items held"', () => {
    const section = inventory();
    const missing = Object.keys(ENTRY_FIELDS).filter((type) => !section.includes(`\`${type}\``));
    expect(missing).toEqual([]);
  });
});
