/** A number (`-15`, `70,0`, `3.5`) or a clock time (`-00:05:00`): what a spreadsheet reads as a value, never a formula. */
const plainValue = /^-?\d+([.,]\d+)?$|^-?\d+(:\d{2}){1,2}$/;

/**
 * Defuses text a spreadsheet would run as a formula when it opens a CSV export (CSV injection): a cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, which the spreadsheet shows
 * as text. Plain numbers and times are left as they are, so that they stay numbers. Every CSV the room
 * exports goes through this one function: the text in it was typed by participants.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !plainValue.test(text) ? `'${text}` : text;
}
