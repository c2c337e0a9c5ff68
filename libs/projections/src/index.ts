// Public surface of @care-journey/projections: the summary, drift rules, measures and the engine.
export * from './calendar/working-days';
export * from './summary';
export * from './rules';
export * from './measures';
export * from './engine';
export * from './authority';
export * from './feed';
export * from './csv';
