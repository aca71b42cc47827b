export * from './sites';
export * from './users';
export * from './auth';
export * from './audit';
export * from './children';
export * from './wishes';
export * from './activities';
export * from './pairings';
