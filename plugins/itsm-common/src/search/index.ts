export * from './ItsmSearchDocument';
