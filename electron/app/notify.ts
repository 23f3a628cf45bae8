import type { AppConfig } from './config';
import type { Plan } from '../engine/model/plan';
import type { RunRecord } from '../engine/model/run';
import { SnapshotStore } from '../engine/history/snapshot-store';
import { deliverNotices } from '../engine/notices/outbox';
import type { OutboxState } from '../engine/notices/outbox';
import { runNotices } from '../engine/notices/run-notices';
import type { AccountAddress } from '../engine/notices/run-notices';
import { smtpMailPort } from './mailer';

/**
 * After a run: make its notices and deliver them with what still waits in the outbox. Never throws:
 * a mail problem must never fail the provisioning run; it waits in the outbox with its error and shows
 * in the history.
 */
export async function notifyRun(input: {
  readonly config: AppConfig;
  readonly env: NodeJS.ProcessEnv;
  readonly run: RunRecord;
  readonly plan: Plan;
  /** Account names and addresses by employeeID, read from the directory after the run. */
  readonly addresses: () => Promise<ReadonlyMap<string, AccountAddress>>;
}): Promise<OutboxState | string | null> {
  const notices = input.config.notices;
  if (!notices) return null;
  try {
    const snapshot = await new SnapshotStore(input.config.dataDir).forPlan(input.plan.planId);
    // Without the directory the managers' addresses are unknown; the IT summary still goes.
    const accounts = await input.addresses().catch(() => new Map<string, AccountAddress>());
    const list = runNotices({
      run: input.run,
      persons: snapshot?.persons ?? [],
      accounts,
      lifecycle: input.config.policy,
      leaverNoticeDays: notices.leaverNoticeDays,
      itAddress: notices.itAddress ?? null,
      languages: notices.languages,
    });
    const mail = smtpMailPort(notices.smtp, input.env);
    try {
      return await deliverNotices(input.config.dataDir, input.run.runId, list, mail, { ...notices.retry, retentionDays: input.config.retentionDays });
    } finally {
      mail.close();
    }
  } catch (error) {
    return `notices were not sent: ${error instanceof Error ? error.message : String(error)}`;
  }
}
