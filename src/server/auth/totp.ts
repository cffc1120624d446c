/** TOTP second factor (RFC 6238) through the otpauth library: 6 digits, 30 s, SHA-1 as authenticator apps expect. */
import { Secret, TOTP } from 'otpauth';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = 'user'): TOTP {
  return new TOTP({ issuer: 'Parley', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export function totpUri(secret: string, label: string): string {
  return totp(secret, label).toString();
}

/** True when `code` is the current code or the one just before or after it (clock drift). */
export function checkTotp(secret: string, code: string, at: Date): boolean {
  return totp(secret).validate({ token: code.replace(/\s/gu, ''), timestamp: at.getTime(), window: 1 }) !== null;
}

/** The code for `at` (tests and the demo use it). */
export function totpCode(secret: string, at: Date): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}
