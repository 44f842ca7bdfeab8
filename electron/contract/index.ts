export * from './result';
export * from './common';
export * from './product';
export * from './audit';
export * from './app';
export * from './channels';
export * from './client';
