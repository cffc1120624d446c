/**
 * The reminder sweep: at `now` (injected — the server passes its clock on a timer, tests a
 * fixed instant), every process of every organisation is asked which deadline is near
 * (core's modalityReminders), and whoever is to act is told. A reminder is keyed by process,
 * deadline, lead time and step, so sweeping again — or in two processes — tells no one twice.
 * The sweep also retries e-mails that failed.
 */
import { eq } from 'drizzle-orm';
import { DEFAULT_REMINDER_LEAD_HOURS, modalityReminders, type DueStep, type RegisteredProcess } from '../../core/index.ts';
import type { Context } from '../context.ts';
import { registers, type MembershipRole } from '../db/schema.ts';
import { processLink } from '../services/modalities.ts';
import type { Audience } from './notifier.ts';

/** Who is to act on a due step: the delegates of the states named, or those who record for a role. */
export function audienceOfStep(entry: RegisteredProcess, step: DueStep): Audience {
  const delegations = new Set<string>();
  const roles = new Set<MembershipRole>();
  for (const actor of step.actors) {
    if (actor === 'state') for (const state of step.states ?? entry.process.members) delegations.add(state);
    else if (actor === 'chairman') roles.add('chair');
    else if (actor === 'secretariat') roles.add('secretariat');
    else if (actor === 'swg' || actor === 'soc') {
      roles.add('secretariat');
      roles.add('chair');
    } else {
      roles.add('secretariat');
      for (const nomination of entry.process.nominations) delegations.add(nomination.state);
    }
  }
  return { delegations: [...delegations], roles: [...roles] };
}

export async function sweepReminders(context: Pick<Context, 'database' | 'modalities' | 'notifications'>, now: Date, leadHours: readonly number[] = DEFAULT_REMINDER_LEAD_HOURS): Promise<number> {
  const organisations = await context.database.db.select({ organisationId: registers.organisationId }).from(registers).where(eq(registers.kind, context.modalities.kind));
  let told = 0;
  for (const { organisationId } of organisations) {
    const { state } = await context.modalities.read(organisationId);
    for (const entry of state.processes.values()) {
      for (const reminder of modalityReminders(entry, now.toISOString(), leadHours)) {
        const base = { organisationId, kind: 'deadline-approaching' as const, link: processLink(entry.process.id) };
        const key = `reminder:${entry.process.id}:${reminder.kind}:${reminder.deadline}:${reminder.leadHours}`;
        if (reminder.kind === 'silence') {
          told += (
            await context.notifications.notify({
              ...base,
              params: { what: 'silence', process: entry.title, step: 'none', deadline: reminder.deadline },
              audience: { delegations: entry.process.members, roles: ['secretariat'] },
              dedupeKey: key,
            })
          ).length;
          continue;
        }
        for (const step of reminder.steps) {
          told += (
            await context.notifications.notify({
              ...base,
              params: { what: 'step', process: entry.title, step: step.type, deadline: reminder.deadline },
              audience: audienceOfStep(entry, step),
              dedupeKey: `${key}:${step.type}`,
            })
          ).length;
        }
      }
    }
  }
  context.notifications.kick();
  return told;
}
