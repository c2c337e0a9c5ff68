export * from './known-journeys';
export * from './authority-drift-as-known';
export * from './as-known-point';
export * from './child-flags-as-known';
export * from './social-worker-names';
export * from './shown-until-recorded';
