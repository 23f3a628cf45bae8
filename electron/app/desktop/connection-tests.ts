import type { AppConfig } from '../config';
import { resolveSecret } from '../config';
import { DATASETS } from '../../engine/visma/datasets';
import { createHttpContext } from '../../engine/visma/http';
import { resolveVismaClientOptions } from '../../engine/visma/options';
import { VismaTokenProvider } from '../../engine/visma/token';
import type { ConnectionTestDto } from '../../shared/dto';

/**
 * The Visma.net Test button: ask Visma Connect for a token with the configured client, once, without
 * retries, so a wrong secret or URL answers within seconds and in words.
 */
export async function testVisma(config: AppConfig): Promise<ConnectionTestDto> {
  const { visma } = config;
  const dataset = DATASETS[0];
  if (!dataset) throw new Error('no Visma datasets are defined');
  try {
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
    return { target: 'visma', ok: true, message: `Connected: Visma.net accepted client ${visma.clientId} for tenant ${visma.tenantId}.` };
  } catch (error) {
    return { target: 'visma', ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
