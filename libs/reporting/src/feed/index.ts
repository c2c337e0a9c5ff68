export { eventsPage, type EventsPage, type EventsPageOptions } from './events-page';
export {
  HEALTH_AND_OFFENDING_FIELDS,
  PANEL_REDACTION,
  postcodeDistrict,
  redactDeep,
  redactDeepFor,
  redactEvent,
  REPORTING_JOB_REDACTION,
  REPORTING_VIEW_REDACTION,
  WITHHELD,
  withholdFreeText,
  type Redaction,
} from './redact-event';
export { returnCsv, tableCsv, findTable } from './return-csv';
export {
  READ_MODELS,
  READ_MODEL_COLUMNS,
  readModelRows,
  type ReadModelName,
  type ReadModelRow,
} from './read-model-rows';
