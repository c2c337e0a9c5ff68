export * from './canonical-json';
export * from './integrity-stamp';
export * from './hash-event';
export * from './chain-events';
export * from './verify-chain';
export * from './append-chained';
