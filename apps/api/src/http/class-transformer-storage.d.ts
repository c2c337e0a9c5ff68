/** class-transformer's decorator metadata: its module has no typings beside it (they are in types/). */
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
