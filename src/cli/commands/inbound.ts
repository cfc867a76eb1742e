import { runRoles } from '../roles.ts';

// The inbound SMTP server alone (issue 10 §1), to scale it apart from the web and worker roles:
// it stores each message and queues its processing; workers do the rest.
export async function run(_args: string[]): Promise<void> {
  await runRoles({ http: false, worker: false, inbound: true });
}
