import { loadConfig } from './config';
import { Provisioner } from './provisioner';

/**
 * Test support: applies a saved plan in a process of its own, printing `done N` after each outcome
 * is on disk, so a test can SIGKILL it at an action boundary.
 * `node --import tsx apply-child.ts CONFIG PLAN` (secrets from the environment, as the config names them).
 */
async function main(configFile: string, planFile: string): Promise<void> {
  const config = await loadConfig(configFile);
  const provisioner = new Provisioner({
    config,
    onProgress: (event) => {
      if (event.kind === 'apply') process.stdout.write(`done ${event.done}\n`);
    },
  });
  const plan = await provisioner.loadSavedPlan(planFile);
  const run = await provisioner.apply({ plan, asOf: plan.asOf, trigger: 'cli' });
  process.stdout.write(`finished ${run.status}\n`);
}

void main(process.argv[2] ?? '', process.argv[3] ?? '');
