/**
 * The checklist a subject access export leaves beside the files (docs/data-protection.md, "Subject
 * access requests"): what must be looked at before release, entry by entry for this child. Free text
 * may name parents, carers and siblings; adoption entries hold the adopters' details; `recordedBy`
 * names staff. It lists where to look, never the words themselves (the checklist is itself a file of
 * the export, but need not repeat what it points at).
 */
import type { RecordedEvent } from '../store';

/** Fields of journey events that may hold third parties' data, by event type, and why. */
const THIRD_PARTY_FIELDS: Record<string, { fields: string[]; why: string }> = {
  GoingHomeAuditCompleted: {
    fields: ['outcome', 'nextAction'],
    why: 'free text: may name or describe family members',
  },
  StatutoryVisitRecorded: { fields: ['visitNote'], why: 'free text: may name or describe family members' },
  AdoptionDecisionReversed: { fields: ['reason'], why: 'free text: may name the birth family or adopters' },
  AdoptionOrderGranted: {
    fields: ['adoptedByFosterCarer', 'numberOfAdopters', 'adopterSex', 'adopterLegalStatus'],
    why: "the adopters' details (third parties)",
  },
  EntryAmended: {
    fields: ['reason', 'amendedData'],
    why: 'a correction: its reason is free text, its values may be any of the above',
  },
  EntryRetracted: { fields: ['reason'], why: 'free text: the reason for a withdrawal' },
  RegistrationRetracted: { fields: ['reason'], why: 'free text: the reason for a withdrawal' },
};

const present = (value: unknown): boolean =>
  value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');

export interface ChecklistInput {
  childId: string;
  events: readonly Pick<RecordedEvent, 'id' | 'revision' | 'type' | 'data' | 'metadata'>[];
  /** The files of the export, named in the checklist's opening. */
  files: readonly string[];
  exportedAt: string;
}

/** The checklist as Markdown: one box per entry to check, then the staff named. */
export function redactionChecklist({ childId, events, files, exportedAt }: ChecklistInput): string {
  const boxes: string[] = [];
  for (const event of events) {
    const rule = THIRD_PARTY_FIELDS[event.type];
    if (!rule) continue;
    const data = event.data as Record<string, unknown>;
    const fields = rule.fields.filter((field) => present(data[field]));
    if (fields.length === 0) continue;
    const effective = typeof data['effectiveDate'] === 'string' ? `, effective ${data['effectiveDate']}` : '';
    boxes.push(
      `- [ ] revision ${event.revision.toString()}, ${event.type}${effective} (event ${event.id}): ${fields
        .map((f) => `\`${f}\``)
        .join(', ')} (${rule.why})`,
    );
  }
  const staff = [...new Set(events.map((e) => String(e.metadata.recordedBy)))].sort();
  return [
    `# Redaction checklist: subject access export for child ${childId}`,
    '',
    `Exported ${exportedAt}. Files: ${files.join(', ')}.`,
    'Check each item below in record.json, chronology.json and bundle.json before release and redact',
    "third parties' data the council may not disclose (UK GDPR Art 15(4); DPA 2018 Sch 2 para 16).",
    "Ethnicity, health and offending items are the child's own data. Corrected and withdrawn values",
    'are personal data held about the child and are part of the answer.',
    '',
    `## Entries that may hold third parties' data (${boxes.length})`,
    '',
    ...(boxes.length > 0 ? boxes : ['None: no free text, adoption details, corrections or withdrawals.']),
    '',
    `## Staff named as recordedBy (${staff.length}; usually disclosable, the council decides)`,
    '',
    ...staff.map((user) => `- [ ] ${user}`),
    '',
    '## access-log.json',
    '',
    '- [ ] names the staff, roles and systems that read the record (readBy, role, operator); decide what to disclose',
    '',
    '## Before sending',
    '',
    "- [ ] the release copy is encrypted and sent securely; working copies deleted on the council's SAR schedule",
    '',
  ].join('\n');
}
