export { deriveEpisodes, episodesOfStream, type Episode } from './derive-episodes';
export { childRecord, type ChildRecord } from './child-record';
export { buildReturn, type BuildReturnOptions } from './build-return';
export { export903, readChildren, type Export903Options } from './export903';
export {
  ReturnFilesExist,
  ReturnNotWritten,
  existingReturnFiles,
  returnFiles,
  writeReturn,
  type TableWriter,
} from './write-return';
export { TABLES, TABLE_NAMES, emptyReturn, type Return903, type Row, type TableName } from './tables';
export { oc2Row, oc3Row } from './outcomes';
export { collectionYear, type CollectionYear } from './collection-year';
export { toDmy, fromDmy } from './format';
export { splitSelfCheck, validateReturn, type CheckFailure } from './validate-return';
export { returnYearStatus, notBegunMessage, inProgressWarning, type ReturnYearStatus } from './return-year';
export * from './return-903-read';
