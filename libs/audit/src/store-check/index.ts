export * from './position-gaps';
export * from './journeys-reserved';
