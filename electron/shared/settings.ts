import { z } from 'zod';

/**
 * Settings of the desktop app that are not part of the engine's configuration: schedule,
 * notifications, language. The engine configuration itself is validated by the same schema the
 * CLI uses (electron/app/config.ts); these are validated here, where the renderer can use them too.
 */

/** A node-schedule cron rule: five fields (minute hour day-of-month month day-of-week). */
const cronRule = z
  .string()
  .trim()
  .regex(/^(\S+\s+){4}\S+$/, 'must be a cron rule of five fields, such as "0 6 * * 1-5" (weekdays at 06:00)');

/** Desktop settings, with defaults for a first start. */
export const desktopSettingsSchema = z.strictObject({
  schedule: z
    .strictObject({
      paused: z.boolean().default(false),
      // Weekdays at 06:00, and every hour from 07:00 to 19:00: the night's changes before people
      // arrive, the day's changes within the hour.
      rules: z.array(cronRule).max(20).default(['0 6 * * 1-5', '0 7-19 * * 1-5']),
    })
    .default({ paused: false, rules: ['0 6 * * 1-5', '0 7-19 * * 1-5'] }),
  notifications: z
    .strictObject({
      leaversProcessed: z.boolean().default(true),
      leaversThisWeek: z.boolean().default(true),
      runFailed: z.boolean().default(true),
      reviewWaiting: z.boolean().default(true),
    })
    .default({ leaversProcessed: true, leaversThisWeek: true, runFailed: true, reviewWaiting: true }),
  language: z.enum(['system', 'en', 'nl']).default('system'),
  startAtLogin: z.boolean().default(false),
});

/** Validated desktop settings. */
export type DesktopSettings = z.infer<typeof desktopSettingsSchema>;

/** Names of the secrets the product keeps; the renderer only learns whether each is set. */
export const SECRET_NAMES = ['vismaClientSecret', 'adBindPassword', 'nedapPfxPassword', 'smtpPassword'] as const;
/** One secret's name. */
export type SecretName = (typeof SECRET_NAMES)[number];

/** New secret values typed by the admin; a missing entry keeps the stored secret. */
export const secretInputSchema = z.strictObject(
  Object.fromEntries(SECRET_NAMES.map((name) => [name, z.string().min(1).max(1024).optional()])) as Record<SecretName, z.ZodOptional<z.ZodString>>,
);

/** What the Settings screen shows. */
export interface SettingsDto {
  /** The engine configuration with every secret taken out; null before the first setup. */
  readonly config: Readonly<Record<string, unknown>> | null;
  readonly secrets: Readonly<Record<SecretName, boolean>>;
  readonly desktop: DesktopSettings;
  /** Why the stored configuration cannot be used, one line per key; empty when it can. */
  readonly problems: readonly string[];
}
