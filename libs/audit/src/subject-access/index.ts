export * from './redaction-checklist';
