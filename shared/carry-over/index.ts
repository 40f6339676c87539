/** A contribution's changes carried into another language version (carry-over.ts). */
export {
  CARRY_OVER_AUTHOR,
  CarryOverError,
  carryOver,
  type CarryOverOptions,
  type CarryOverReport,
  type CarryOverResult,
} from './carry-over.js';
export { readCoverDate, translateCoverField, translateCoverFields } from './cover.js';
