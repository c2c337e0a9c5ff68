import { join } from 'node:path';
import { readLastEvent, type EventStore } from '@care-journey/event-store';
import { childRefStream, journeyStream } from '@care-journey/journey';
import { UpnRegistry, upnStream } from '@care-journey/registrations';
import { export903 } from '../export903/export903';
import { import903, type ImportResult } from './import903';
import { importedChildId } from './run-child';
import { TempStores } from './temp-stores.fixture';
import { episode, header, writeTables, type TableRows } from './testing/return-files';

const NOW = '2025-06-01T09:00:00Z';
const RULE = /rule upn-in-use: a UPN belongs to one child \(903 validation rule 444/;

/** One real UPN, one child (903 rule 444): the import checks and reserves UPNs as the API does. */
describe('import-903: a UPN belongs to one child', () => {
  let temp: TempStores;
  let run = 0;
  beforeAll(() => (temp = new TempStores('cj-import-upn-')));
  afterAll(() => temp.removeAll());

  const importInto = (store: EventStore, tables: TableRows): Promise<ImportResult> => {
    const folder = join(temp.dir, `returns-${run++}`);
    writeTables(folder, tables);
    return import903(store, folder, { now: NOW });
  };
  const upnErrors = (result: ImportResult) =>
    result.issues.filter((i) => i.severity === 'error' && i.field === 'UPN');
  const importedRefs = async (store: EventStore) =>
    (await export903(store, { yearEnding: '2025-03-31' })).Header.map((h) => h.CHILD).sort();
  /** Nothing of a refused child: no journey, no reservation of its reference or of its UPN. */
  const nothingOf = async (store: EventStore, child: string, upn: string) => {
    expect(await readLastEvent(store, journeyStream(importedChildId(child)))).toBeUndefined();
    expect(await readLastEvent(store, childRefStream(child))).toBeUndefined();
    expect(await readLastEvent(store, upnStream(upn))).toBeUndefined();
  };

  it('Given two children of one return giving one UPN (in either case), When imported, Then neither is imported, each error names its Header row, the other child and the rule, and the others are imported', async () => {
    const store = temp.open(`twice-${run}.db`);
    const result = await importInto(store, {
      Header: [header('A1', { UPN: 'B123456789012' }), header('B2'), header('C3', { UPN: 'b123456789012' })],
      Episodes: [episode('A1'), episode('B2'), episode('C3')],
    });

    expect(upnErrors(result)).toEqual([
      {
        severity: 'error',
        file: 'header.csv',
        line: 2,
        child: 'A1',
        field: 'UPN',
        reason: expect.stringMatching(
          /^not imported: UPN B123456789012 is also given to CHILD C3 \(header\.csv:4\) in these returns/,
        ),
      },
      {
        severity: 'error',
        file: 'header.csv',
        line: 4,
        child: 'C3',
        field: 'UPN',
        reason: expect.stringMatching(/is also given to CHILD A1 \(header\.csv:2\)/),
      },
    ]);
    expect(upnErrors(result).every((i) => RULE.test(i.reason))).toBe(true);
    expect(result.children).toMatchObject({ written: 1, rejected: 2 });
    expect(await importedRefs(store)).toEqual(['B2']);
    await nothingOf(store, 'A1', 'B123456789012');
    await nothingOf(store, 'C3', 'B123456789012');
  });

  it('Given a UPN another child holds in the store (registered by another writer, e.g. the API), When a return gives it to a new CHILD, Then that child is refused at its Header row and its reference stays free', async () => {
    const store = temp.open(`held-${run}.db`);
    await store.appendToStream(
      journeyStream('api-child'),
      [
        {
          id: 'api-child-registered',
          type: 'ChildRegistered',
          data: { childId: 'api-child', childRef: 'API1', upn: 'd123456789012' },
          metadata: { recordedAt: '2025-05-01T09:00:00Z', recordedBy: 'sw', schemaVersion: 1 },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const result = await importInto(store, {
      Header: [header('A1', { UPN: 'D123456789012' }), header('B2')],
      Episodes: [episode('A1'), episode('B2')],
    });

    expect(upnErrors(result)).toEqual([
      expect.objectContaining({
        file: 'header.csv',
        line: 2,
        child: 'A1',
        reason: expect.stringMatching(
          /^not imported: UPN D123456789012 is already held by another child in this store/,
        ),
      }),
    ]);
    expect(RULE.test(upnErrors(result)[0].reason)).toBe(true);
    expect(result.children).toMatchObject({ written: 1, rejected: 1 });
    expect(await readLastEvent(store, journeyStream(importedChildId('B2')))).toBeDefined();
    expect(await readLastEvent(store, journeyStream(importedChildId('A1')))).toBeUndefined();
    expect(await readLastEvent(store, childRefStream('A1'))).toBeUndefined();
  });

  it('Given children imported with their UPNs, When the same returns are imported again, Then they are unchanged (each holds its own), and another child is refused their UPN', async () => {
    const store = temp.open(`again-${run}.db`);
    const tables = { Header: [header('A1'), header('B2')], Episodes: [episode('A1'), episode('B2')] };
    expect((await importInto(store, tables)).children).toMatchObject({ written: 2, rejected: 0 });
    expect((await importInto(store, tables)).children).toMatchObject({ unchanged: 2, rejected: 0 });

    // Reserved as the API reserves: a registration of another child with A1's UPN is refused.
    const upns = new UpnRegistry(store);
    expect(await upns.isFree(header('A1').UPN, importedChildId('A1'))).toBe(true);
    expect(await upns.isFree(header('A1').UPN, 'api-child')).toBe(false);
    expect(await upns.hold(header('A1').UPN, 'api-child', { recordedAt: NOW, recordedBy: 'sw' })).toBe(false);
    const later = await importInto(store, {
      Header: [header('C3', { UPN: header('B2').UPN })],
      Episodes: [episode('C3')],
    });
    expect(upnErrors(later)).toEqual([
      expect.objectContaining({
        child: 'C3',
        reason: expect.stringContaining('already held by another child'),
      }),
    ]);
  });

  it('Given several young children with the unknown-UPN code UN1, When imported, Then each is imported (the codes may repeat)', async () => {
    const store = temp.open(`un-${run}.db`);
    const young = { DOB: '01/02/2023', UPN: 'UN1' };
    const result = await importInto(store, {
      Header: [header('A1', young), header('B2', young), header('C3', young)],
      Episodes: [episode('A1'), episode('B2'), episode('C3')],
    });
    expect(upnErrors(result)).toEqual([]);
    expect(result.children).toMatchObject({ written: 3, rejected: 0 });
  });

  it('Given a child imported with one UPN, When a later return gives it another, Then it is refused as a changed journey and that other UPN is not reserved for it (another child may take it)', async () => {
    const store = temp.open(`changed-${run}.db`);
    await importInto(store, { Header: [header('A1')], Episodes: [episode('A1')] });
    const changed = await importInto(store, {
      Header: [header('A1', { UPN: 'G123456789012' })],
      Episodes: [episode('A1')],
    });
    expect(changed.children).toMatchObject({ rejected: 1, written: 0 });
    expect(await readLastEvent(store, upnStream('G123456789012'))).toBeUndefined();
    const other = await importInto(store, {
      Header: [header('B2', { UPN: 'G123456789012' })],
      Episodes: [episode('B2')],
    });
    expect(other.children).toMatchObject({ written: 1, rejected: 0 });
  });
});
