import { runRoles } from '../roles.ts';

export async function run(_args: string[]): Promise<void> {
  await runRoles({ http: true, worker: false, inbound: false });
}
