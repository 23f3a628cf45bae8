import { z } from 'zod';

/**
 * The `notices` section of the configuration: the SMTP server (STARTTLS or TLS, never plain), who is
 * told what, and in which language. Without it no mail is sent.
 */

const address = z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, 'must be an e-mail address such as it@example.nl');
const language = z.enum(['en', 'nl']);

/** The `notices` section. */
export const noticesSchema = z.strictObject({
  smtp: z.strictObject({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65_535).default(587),
    /** 'starttls': plain connect, then STARTTLS is required; 'tls': TLS from the first byte (port 465). */
    security: z.enum(['starttls', 'tls']).default('starttls'),
    user: z.string().min(1).optional(),
    /**
     * The password as a secret: the name of an environment variable that holds it, or the value
     * itself, as the desktop app puts it back from its secret store (like visma.clientSecret).
     */
    password: z
      .union([
        z.string().min(1, 'must not be empty'),
        z.strictObject({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name') }),
      ])
      .optional(),
    /** CA that signed the server's certificate, when it is not a public one. */
    caFile: z.string().min(1).optional(),
    tlsServerName: z.string().min(1).optional(),
    from: address,
    timeoutSeconds: z.number().int().min(1).max(300).default(30),
  }),
  /** Where run summaries go (failed, held for review, stopped by the guard); none when absent. */
  itAddress: address.optional(),
  /** Tell a leaver's manager this many days before the last working day. */
  leaverNoticeDays: z.number().int().min(0).max(90).default(7),
  languages: z.strictObject({ managers: language.default('nl'), it: language.default('en') }).default({ managers: 'nl', it: 'en' }),
  /** Tries per notice within one run, with back-off; what still fails waits for the next run. */
  retry: z
    .strictObject({
      attempts: z.number().int().min(1).max(10).default(3),
      baseDelayMs: z.number().int().min(1).max(60_000).default(1_000),
      maxDelayMs: z.number().int().min(1).max(300_000).default(30_000),
    })
    .default({ attempts: 3, baseDelayMs: 1_000, maxDelayMs: 30_000 }),
});

/** The validated `notices` section. */
export type NoticesConfig = z.infer<typeof noticesSchema>;
