// Every table, for drizzle-kit and the typed client.
export * from './clinic';
export * from './staff';
export * from './patients';
export * from './scheduling';
export * from './payments';
export * from './jobs';
export * from './pinboard';
export * from './patient-activity';
