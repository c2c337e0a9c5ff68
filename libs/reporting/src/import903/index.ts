export {
  import903,
  type Import903Options,
  type ImportProgress,
  type ImportResult,
  type ImportTarget,
} from './import903';
export { writeReport } from './write-report';
export { REPORT_COLUMNS, type ImportIssue } from './issues';
export { importedChildId, importedEventId, IMPORT_RECORDED_BY } from './run-child';
export { IMPORTED_SOCIAL_WORKER, IMPORTED_TEAM } from './plan-journey';
