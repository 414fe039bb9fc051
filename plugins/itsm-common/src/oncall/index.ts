export { MAX_ONCALL_SHIFTS } from './limits';
export { shiftAt, shiftsBetween } from './Rotation';
export { effectiveShifts, whoIsOnCall } from './OnCallResolver';
export { validateOnCallSchedule } from './validateSchedule';
export type {
  OnCallLayer,
  OnCallNext,
  OnCallNow,
  OnCallNowNobody,
  OnCallNowPerson,
  OnCallOverride,
  OnCallRotation,
  OnCallRotationType,
  OnCallSchedule,
  OnCallShift,
  OnCallShiftSource,
} from './types';
export type { OnCallLevel, OnCallPerson, OnCallResponse } from './api';
