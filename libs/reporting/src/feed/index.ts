export { eventsPage, type EventsPage, type EventsPageOptions } from './events-page';
export { redactEvent, redactDeep, postcodeDistrict } from './redact-event';
export { returnCsv, tableCsv, findTable } from './return-csv';
