export { eventsPage, type EventsPage, type EventsPageOptions } from './events-page';
export { redactEvent, redactDeep, postcodeDistrict } from './redact-event';
export { returnCsv, tableCsv, findTable } from './return-csv';
export {
  READ_MODELS,
  READ_MODEL_COLUMNS,
  readModelRows,
  type ReadModelName,
  type ReadModelRow,
} from './read-model-rows';
