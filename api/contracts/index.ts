export * from './common';
export * from './mode';
export * from './persona';
export * from './tools';
export * from './chat';
export * from './health';
export * from './format';
