import type { AppConfig } from '../config';
import { ConfigError, resolveSecret } from '../config';
import type { Provisioner } from '../provisioner';
import { withNedapClient } from '../nedap-target';
import { smtpTransport } from '../mailer';
import { DATASETS } from '../../engine/visma/datasets';
import { createHttpContext } from '../../engine/visma/http';
import { resolveVismaClientOptions } from '../../engine/visma/options';
import { VismaTokenProvider } from '../../engine/visma/token';
import type { ConnectionTestDto } from '../../shared/dto';

/**
 * The Test buttons of Settings: one short request per connection, without retries, so a wrong
 * secret, URL or certificate answers within seconds and in words. Each takes the configuration
 * composed from the form as it is (unsaved edits included). Nothing is written anywhere.
 */

type Target = ConnectionTestDto['target'];

/** Run one test; any error becomes a failed test with its message (messages never carry a secret). */
async function answer(target: Target, work: () => Promise<string>): Promise<ConnectionTestDto> {
  try {
    return { target, ok: true, message: await work() };
  } catch (error) {
    return { target, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function section<T>(value: T | undefined, key: string): T {
  if (value === undefined) throw new ConfigError(`Fill in the ${key} settings first.`);
  return value;
}

/** Visma.net: ask Visma Connect for a token with the configured client, once. */
export function testVisma(config: AppConfig): Promise<ConnectionTestDto> {
  const { visma } = config;
  return answer('visma', async () => {
    const dataset = DATASETS[0];
    if (!dataset) throw new Error('no Visma datasets are defined');
    const options = resolveVismaClientOptions({
      tokenUrl: visma.tokenUrl,
      baseUrl: visma.baseUrl,
      clientId: visma.clientId,
      clientSecret: resolveSecret(visma.clientSecret, 'visma.clientSecret'),
      tenantId: visma.tenantId,
      includePersonalData: visma.includePersonalData,
      maxRetries: 0,
      requestTimeoutMs: 15_000,
    });
    await new VismaTokenProvider(createHttpContext(options)).token(dataset);
    return `Connected: Visma.net accepted client ${visma.clientId} for tenant ${visma.tenantId}.`;
  });
}

/** Active Directory: bind and read the root DSE. */
export function testAd(provisioner: Provisioner): Promise<ConnectionTestDto> {
  return answer('ad', async () => {
    const info = await provisioner.testDirectory();
    return `Connected to ${info.dnsHostName ?? 'the domain controller'}; domain ${info.defaultNamingContext}.`;
  });
}

/** Nedap Ons: GET /ping with the client certificate (200 works; 403 and 495 are said in words). */
export function testNedap(config: AppConfig, env: NodeJS.ProcessEnv = process.env): Promise<ConnectionTestDto> {
  return answer('nedap-ons', async () => {
    const nedap = section(config.nedapOns, 'Nedap Ons');
    const said = await withNedapClient({ ...nedap, timeoutSeconds: Math.min(nedap.timeoutSeconds, 15) }, env, (client) => client.ping());
    return `Nedap Ons ${new URL(nedap.baseUrl).host}: ${said}.`;
  });
}

/** E-mail: connect, STARTTLS or TLS with a verified certificate, and log in when a user is set; sends nothing. */
export function testSmtp(config: AppConfig, env: NodeJS.ProcessEnv = process.env): Promise<ConnectionTestDto> {
  return answer('smtp', async () => {
    const smtp = section(config.notices, 'e-mail (SMTP)').smtp;
    const transport = smtpTransport({ ...smtp, timeoutSeconds: Math.min(smtp.timeoutSeconds, 15) }, env);
    try {
      await transport.verify();
    } finally {
      transport.close();
    }
    return `Connected to ${smtp.host}:${smtp.port}${smtp.user ? ` and logged in as ${smtp.user}` : ''}; no mail was sent.`;
  });
}
