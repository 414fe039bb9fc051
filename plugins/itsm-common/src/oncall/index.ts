export { MAX_ONCALL_SHIFTS } from './limits';
export { shiftAt, shiftsBetween } from './Rotation';
export { effectiveShifts, whoIsOnCall } from './OnCallResolver';
export { userShifts } from './userShifts';
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
export type {
  OnCallLevel,
  OnCallPerson,
  OnCallResponse,
  UserOnCallShift,
  UserOnCallShifts,
} from './api';
export {
  ANNOTATION_CHAT_URL,
  ANNOTATION_ESCALATES_TO,
  ANNOTATION_ONCALL_SCHEDULE,
  dueEscalationLevels,
  validateEscalationLevels,
} from './resources';
export type {
  CreateOnCallScheduleRequest,
  EscalationLevel,
  EscalationPolicy,
  EscalationTarget,
  PutEscalationPolicyRequest,
  StoredOnCallSchedule,
  UpdateOnCallScheduleRequest,
} from './resources';
