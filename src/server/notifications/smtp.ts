/**
 * An organisation's outgoing mail server and the transport made from it (nodemailer). No
 * settings, or settings switched off, mean no e-mail: notifications stay in the app.
 */
import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/database.ts';
import { organisationSmtp } from '../db/schema.ts';

export type SmtpSettings = typeof organisationSmtp.$inferSelect;

export async function smtpSettingsOf(db: Db, organisationId: string): Promise<SmtpSettings | undefined> {
  const [row] = await db.select().from(organisationSmtp).where(eq(organisationSmtp.organisationId, organisationId));
  return row;
}

export async function isEmailEnabled(db: Db, organisationId: string): Promise<boolean> {
  return (await smtpSettingsOf(db, organisationId))?.enabled === true;
}

export interface SmtpInput {
  readonly enabled: boolean;
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly username?: string | null | undefined;
  /** Absent: keep the stored one; null or '': none. */
  readonly password?: string | null | undefined;
  readonly fromAddress: string;
}

export async function saveSmtpSettings(db: Db, organisationId: string, input: SmtpInput, now: Date): Promise<SmtpSettings> {
  const previous = await smtpSettingsOf(db, organisationId);
  const password = input.password === undefined ? (previous?.password ?? null) : input.password || null;
  const values = {
    enabled: input.enabled,
    host: input.host,
    port: input.port,
    secure: input.secure,
    username: input.username || null,
    password,
    fromAddress: input.fromAddress,
    updatedAt: now,
  };
  const [row] = await db
    .insert(organisationSmtp)
    .values({ organisationId, ...values })
    .onConflictDoUpdate({ target: organisationSmtp.organisationId, set: values })
    .returning();
  return row!;
}

/** A transport for one delivery round; the caller closes it. */
export function smtpTransport(settings: SmtpSettings): Transporter {
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.username ? { auth: { user: settings.username, pass: settings.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}
