/**
 * Work in progress (issue 18).
 *
 * @packageDocumentation
 */
export {};
