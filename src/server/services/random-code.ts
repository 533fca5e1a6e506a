import { randomBytes } from 'node:crypto';

/** Base32 without look-alikes (no I, O, 0, 1): codes people read off a screen and type. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random code of `length` characters (5 bits each), in groups of four joined by dashes. */
export function randomCode(length: number): string {
  // 256 is a multiple of 32: every character is equally likely.
  return Array.from(randomBytes(length), (b) => ALPHABET[b % 32]).join('').replace(/(.{4})(?=.)/g, '$1-');
}

/** Codes are read off a screen or a terminal: case, spaces and dashes do not matter. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
