import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { MailPort } from '../engine/notices/notice';
import { resolveSecret } from './config';
import type { NoticesConfig } from './notices-config';

/**
 * The nodemailer transport of the configured server: STARTTLS (required, so a server that does not
 * offer it is refused) or TLS, certificates verified, credentials resolved here.
 */
export function smtpTransport(smtp: NoticesConfig['smtp'], env: NodeJS.ProcessEnv): Transporter {
  const timeout = smtp.timeoutSeconds * 1000;
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ...(smtp.user && smtp.password ? { auth: { user: smtp.user, pass: resolveSecret(smtp.password, 'notices.smtp.password', env) } } : {}),
    tls: {
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
      ...(smtp.caFile ? { ca: readFileSync(smtp.caFile) } : {}),
      ...(smtp.tlsServerName ? { servername: smtp.tlsServerName } : {}),
    },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
}

/** The mail port over {@link smtpTransport}. Opened per run and closed after. */
export function smtpMailPort(smtp: NoticesConfig['smtp'], env: NodeJS.ProcessEnv): MailPort & { close(): void } {
  const transport = smtpTransport(smtp, env);
  return {
    send: async (mail) => {
      await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close: () => transport.close(),
  };
}
