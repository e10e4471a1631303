/** Digits in a meeting number. */
export const MEETING_NUMBER_DIGITS = 9;

/**
 * normalizeMeetingNumber keeps the digits of what the user typed or pasted (spaces, dashes and
 * other separators go), at most nine of them.
 */
export function normalizeMeetingNumber(input: string): string {
  return input.replace(/\D+/g, '').slice(0, MEETING_NUMBER_DIGITS);
}

/** formatMeetingNumber groups digits by three for display: `123456789` → `123 456 789`. */
export function formatMeetingNumber(input: string): string {
  return normalizeMeetingNumber(input).replace(/(\d{3})(?=\d)/g, '$1 ');
}

/** isValidMeetingNumber tells whether the input holds exactly nine digits (separators allowed). */
export function isValidMeetingNumber(input: string): boolean {
  return /^[\d\s-]*$/.test(input) && input.replace(/\D+/g, '').length === MEETING_NUMBER_DIGITS;
}

/** meetingPath is the client's path of a meeting: `/m/123456789`. */
export function meetingPath(meetingNumber: string): string {
  return `/m/${normalizeMeetingNumber(meetingNumber)}`;
}

/** meetingLink is the full link to share, on the page's own origin. */
export function meetingLink(meetingNumber: string, origin: string): string {
  return origin + meetingPath(meetingNumber);
}
