import { codeText } from '../html/format';

const yesNo = (value: unknown): string => (value ? 'yes' : 'no');

/** The 903 OC2 items that may be recorded, in the return's order, with the words the panel reads. */
const ITEMS: readonly [field: string, words: string][] = [
  ['healthCheck', 'health check'],
  ['immunisations', 'immunisations up to date'],
  ['teethCheck', 'teeth checked'],
  ['healthAssessment', 'health assessment'],
  ['substanceMisuse', 'substance misuse problem'],
  ['interventionReceived', 'intervention received'],
  ['interventionOffered', 'intervention offered'],
  ['convicted', 'convicted or given a final warning'],
];

/**
 * An annual health outcomes entry (903 OC2) in words: the SDQ score, or why there is none, then
 * each yes/no item that was recorded (an item left out for the child's age is not shown as "no").
 */
export function healthOutcomeDetails(d: Record<string, unknown>): string[] {
  const sdq =
    typeof d.sdqScore === 'number'
      ? [`SDQ score ${d.sdqScore}`]
      : d.sdqReason
        ? [`no SDQ score: ${codeText('SDQ_REASON', String(d.sdqReason))}`]
        : [];
  const items = ITEMS.filter(([field]) => typeof d[field] === 'boolean').map(
    ([field, words]) => `${words} ${yesNo(d[field])}`,
  );
  return [...sdq, ...items];
}
