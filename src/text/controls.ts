// Terminal control characters in text that came from outside (file and object names, report text,
// user input echoed in errors): C0 and C1 controls (ESC, and U+009B, the one-character CSI), DEL,
// and the bidirectional marks and overrides (U+202E) that make text read differently from what it is.
// One definition, used by every output that reaches a terminal or a log.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const ANSI_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]/g;

export function hasControls(value: string): boolean {
  return ANY_CONTROL.test(value);
}

/**
 * Every control character shown as a visible escape (`\x1b`, `\u202e`), so a name that holds one
 * is printed as what it is and cannot move the cursor, recolour, or reorder the line. A backslash
 * stays a backslash: this is for reading, not for round trips.
 */
export function escapeControls(value: string): string {
  if (!ANY_CONTROL.test(value)) return value;
  return value.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** Report text made safe for a terminal table: escape sequences removed, other controls dropped. */
export function stripControls(value: string): string {
  return ANY_CONTROL.test(value) ? value.replace(ANSI_SEQUENCE, "").replace(CONTROL, "") : value;
}
